/* What the strict-C99 tests of the C ABI share: CHECK and CHECK_STATUS count failures (main
 * returns check_summary()), read_file reads a fixture whole. One translation unit per test. */
#ifndef SANTEI_TESTS_CAPI_C_CHECK_H
#define SANTEI_TESTS_CAPI_C_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#include "santei/santei.h"

static int failures = 0;

#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) {                                                       \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                        \
    }                                                                    \
  } while (0)

#define CHECK_STATUS(call, expected)                                                        \
  do {                                                                                      \
    int status_ = (call);                                                                   \
    if (status_ != (expected)) {                                                            \
      fprintf(stderr, "%s:%d: %s returned %s, not %s: %s\n", __FILE__, __LINE__, #call,     \
              santei_status_name(status_), santei_status_name(expected),                    \
              santei_last_error()->message);                                                \
      ++failures;                                                                           \
    }                                                                                       \
  } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, SANTEI_OK)

/* The whole file, NUL-terminated; *size set. Exits on failure. */
static char* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  long length;
  char* text;
  if (!file) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(file, 0, SEEK_END);
  length = ftell(file);
  fseek(file, 0, SEEK_SET);
  text = (char*)malloc((size_t)length + 1);
  if (!text || fread(text, 1, (size_t)length, file) != (size_t)length) exit(2);
  text[length] = '\0';
  fclose(file);
  *size = (size_t)length;
  return text;
}

/* main's exit status: 0 when every check passed. */
static int check_summary(void) {
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}

#endif
