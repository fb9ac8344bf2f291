/* Peak memory of a month's JSON Lines priced through the C ABI in one call: the results gathered in
 * a buffer (santei_price_json_lines) or handed to a write function as they are priced
 * (santei_price_json_lines_to), both written to /dev/null, explanations on (santei's defaults).
 * The claims file is mapped, as a caller hands over a file it does not copy; its pages count.
 * usage: santei_capi_lines_memory buffer|write MASTERS CLAIMS.jsonl THREADS
 * prints the seconds of the call and the process's peak RSS before and after it (docs/performance.md, stop 48). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "santei/santei.h"

static int to_file(void* user, const char* bytes, size_t length) {
  return fwrite(bytes, 1, length, (FILE*)user) == length ? 0 : 1;
}

static long peak_mb(void) {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int main(int argc, char** argv) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  struct stat file;
  struct timespec start, end;
  size_t errors = 0;
  int status = SANTEI_OK;
  int fd = -1;
  const char* lines = NULL;
  FILE* out = NULL;
  long before = 0;
  if (argc != 5 || (strcmp(argv[1], "buffer") != 0 && strcmp(argv[1], "write") != 0)) {
    fprintf(stderr, "usage: %s buffer|write MASTERS CLAIMS.jsonl THREADS\n", argv[0]);
    return 2;
  }
  fd = open(argv[3], O_RDONLY);
  if (fd < 0 || fstat(fd, &file) != 0 || file.st_size == 0) {
    fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[3]);
    return 1;
  }
  lines = (const char*)mmap(NULL, (size_t)file.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  out = fopen("/dev/null", "wb");
  if (lines == MAP_FAILED || out == NULL || santei_masters_new(&masters) != SANTEI_OK ||
      santei_masters_load(masters, argv[2]) != SANTEI_OK || santei_context_new(&context, masters, NULL) != SANTEI_OK) {
    fprintf(stderr, "%s: %s\n", argv[0], santei_last_error()->message);
    return 1;
  }
  before = peak_mb();
  clock_gettime(CLOCK_MONOTONIC, &start);
  if (strcmp(argv[1], "buffer") == 0) {
    santei_buf results = SANTEI_BUF_INIT;
    status = santei_price_json_lines(&results, &errors, context, lines, (size_t)file.st_size, 1, (unsigned)atoi(argv[4]));
    if (status == SANTEI_OK) fwrite(results.ptr, 1, results.size, out);
    santei_buf_dispose(&results);
  } else {
    status = santei_price_json_lines_to(&errors, context, lines, (size_t)file.st_size, 1, (unsigned)atoi(argv[4]), to_file, out);
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  if (status != SANTEI_OK) {
    fprintf(stderr, "%s: %s\n", argv[0], santei_last_error()->message);
    return 1;
  }
  printf("%s: %zu error lines, %.3f s, peak RSS %ld MB before the call, %ld MB after\n", argv[1], errors,
         (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9, before, peak_mb());
  santei_context_free(context);
  santei_masters_free(masters);
  fclose(out);
  return 0;
}
