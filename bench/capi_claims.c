/* Prices each line of a JSON Lines file through the C ABI, one santei_price and santei_result_json
 * call a claim, as a receipt computer calling santei does: bench/instructions.sh counts its
 * instructions a claim (the shared library's path, with explanations, santei's defaults).
 * usage: santei_capi_claims MASTERS CLAIMS.jsonl   (prints the claims priced and the result bytes) */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "santei/santei.h"

static int report(const char* what) {
  const santei_error* error = santei_last_error();
  fprintf(stderr, "%s: %s: %s\n", what, santei_status_name(error->status), error->message);
  return 1;
}

int main(int argc, char** argv) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  FILE* file;
  char* line = NULL;
  size_t room = 0, priced = 0, bytes = 0;
  ssize_t size;

  if (argc != 3) {
    fprintf(stderr, "usage: %s MASTERS CLAIMS.jsonl\n", argv[0]);
    return 2;
  }
  if (santei_masters_new(&masters) != SANTEI_OK || santei_masters_load(masters, argv[1]) != SANTEI_OK) return report(argv[1]);
  if (santei_context_new(&context, masters, NULL) != SANTEI_OK) return report("context");
  file = fopen(argv[2], "rb");
  if (!file) {
    perror(argv[2]);
    return 2;
  }
  while ((size = getline(&line, &room, file)) > 0) {
    santei_result* result = NULL;
    const char* json = NULL;
    size_t length = 0;
    if (line[size - 1] == '\n') --size;
    if (santei_price(&result, context, line, (size_t)size) != SANTEI_OK) return report(argv[2]);
    if (santei_result_json(&json, &length, result) != SANTEI_OK) return report("result");
    bytes += length;
    ++priced;
    santei_result_free(result);
  }
  printf("%zu claims priced, %zu bytes of result JSON\n", priced, bytes);
  free(line);
  fclose(file);
  santei_context_free(context);
  santei_masters_free(masters);
  return 0;
}
