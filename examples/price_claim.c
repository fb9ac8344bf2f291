/* Price one claim from C through santei.h: load masters, make a context, price, read the figures.
 * usage: price_claim_c CLAIM.json [MASTERS_DIR]   (no MASTERS_DIR: the demo master built into santei) */
#include <stdio.h>
#include <stdlib.h>

#include "santei/santei.h"

/* Prints the thread's last error and returns 1. */
static int report(const char* what) {
  const santei_error* error = santei_last_error();
  fprintf(stderr, "%s: %s: %s%s%s\n", what, santei_status_name(error->status), error->field,
          error->field[0] ? ": " : "", error->message);
  return 1;
}

int main(int argc, char** argv) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  santei_result* result = NULL;
  FILE* file;
  char* claim;
  long size;
  int64_t points = 0, patient_yen = 0;
  int status = 1;

  if (argc < 2) {
    fprintf(stderr, "usage: %s CLAIM.json [MASTERS_DIR]\n", argv[0]);
    return 2;
  }
  file = fopen(argv[1], "rb");
  if (!file) {
    perror(argv[1]);
    return 2;
  }
  fseek(file, 0, SEEK_END);
  size = ftell(file);
  rewind(file);
  claim = malloc((size_t)size);
  if (!claim || fread(claim, 1, (size_t)size, file) != (size_t)size) return 2;
  fclose(file);

  if (santei_masters_new(&masters) != SANTEI_OK) return report("masters");
  if ((argc > 2 ? santei_masters_load(masters, argv[2]) : santei_masters_load_demo(masters)) != SANTEI_OK) {
    status = report("load");
  } else if (santei_context_new(&context, masters, NULL) != SANTEI_OK) {
    status = report("context");
  } else if (santei_price(&result, context, claim, (size_t)size) != SANTEI_OK) {
    status = report(argv[1]);
  } else if (santei_result_total_points(&points, result) == SANTEI_OK &&
             santei_result_patient_yen(&patient_yen, result) == SANTEI_OK) {
    printf("total_points: %lld\npatient_yen: %lld\n", (long long)points, (long long)patient_yen);
    status = 0;
  }
  santei_result_free(result); /* every free accepts NULL */
  santei_context_free(context);
  santei_masters_free(masters);
  free(claim);
  return status;
}
