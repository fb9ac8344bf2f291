/* A C program built against an installed santei (find_package(santei) → santei::capi, or
 * pkg-config santei-c): prices the example claim on the demo master. usage: consumer CLAIM.json */
#include <stdio.h>
#include <stdlib.h>

#include <santei/santei.h>

int main(int argc, char** argv) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  santei_result* result = NULL;
  char text[65536];
  size_t size;
  int64_t points = 0;
  FILE* file = argc > 1 ? fopen(argv[1], "rb") : NULL;
  if (!file) return 2;
  size = fread(text, 1, sizeof text, file);
  fclose(file);
  if (santei_masters_new(&masters) || santei_masters_load_demo(masters) || santei_context_new(&context, masters, NULL) ||
      santei_price(&result, context, text, size) || santei_result_total_points(&points, result)) {
    fprintf(stderr, "%s\n", santei_last_error()->message);
    return 1;
  }
  printf("santei %s (C ABI): total_points %lld\n", santei_version_string(), (long long)points);
  santei_result_free(result);
  santei_context_free(context);
  santei_masters_free(masters);
  return 0;
}
