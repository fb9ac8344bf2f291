/* santei_price_json_lines from C (strict C99): JSON Lines priced in one call on the real r06
 * masters. 初診料 (111000110) alone is 291点 under r06 (令和6年 医科点数表 A000; fee-rules.md §6.1);
 * the result line is the byte-for-byte santei_price result of the same claim, in input order with
 * the others; a line that is not a claim gets its error line naming its line in the file
 * (first_line 41 + 2) and is counted; blank lines are skipped; 1 and 2 threads give the same bytes;
 * error lines far longer than their input lines (more than the room a call first takes) come back
 * whole; no lines give an empty buffer;
 * 600 claims, three of the stream's batches of 256, come back joined in input order; a process
 * forked after the context's threads were made prices on threads of its own.
 * santei_price_json_lines_to: the same 600 claims handed to the write function in three pieces of
 * whole lines (the batches), the same bytes; a write that answers non-zero stops the call at its
 * first piece with SANTEI_ERR_IO; 300 MiB of claims (over santei_price_json_lines' 256 MiB) are read. */
#define _POSIX_C_SOURCE 200809L /* fork, waitpid, alarm */
#define _DEFAULT_SOURCE         /* MAP_ANONYMOUS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "c_check.h"

#define FIRST_VISIT                                                                                          \
  "{\"format\":\"santei.claim/1\",\"id\":\"first-visit\",\"month\":\"2024-06\",\"setting\":\"outpatient\","  \
  "\"facility\":{\"kind\":\"clinic\"},\"patient\":{\"birth_date\":\"1980-01-01\",\"sex\":\"male\"},"        \
  "\"insurance\":{\"kind\":\"employee\"},\"visits\":[{\"date\":\"2024-06-03\",\"orders\":[{\"category\":\"11\"," \
  "\"items\":[{\"code\":\"111000110\"}]}]}]}"

/* FIRST_VISIT with an id of its own: the result names it, so lines out of order show. */
#define NUMBERED_VISIT                                                                                       \
  "{\"format\":\"santei.claim/1\",\"id\":\"visit-%04d\",\"month\":\"2024-06\",\"setting\":\"outpatient\","  \
  "\"facility\":{\"kind\":\"clinic\"},\"patient\":{\"birth_date\":\"1980-01-01\",\"sex\":\"male\"},"        \
  "\"insurance\":{\"kind\":\"employee\"},\"visits\":[{\"date\":\"2024-06-03\",\"orders\":[{\"category\":\"11\"," \
  "\"items\":[{\"code\":\"111000110\"}]}]}]}"

enum { kManyClaims = 600, kClaimRoom = 512 };

/* kManyClaims numbered claims in one call on two threads: line i is santei_price's answer to claim i. */
static void check_many_in_order(santei_context* context) {
  static char lines[kManyClaims * kClaimRoom];
  size_t used = 0;
  size_t errors = 99;
  santei_buf out = SANTEI_BUF_INIT;
  const char* at = NULL;
  int i = 0;
  for (i = 0; i < kManyClaims; ++i) used += (size_t)sprintf(lines + used, NUMBERED_VISIT "\n", i);
  CHECK_OK(santei_price_json_lines(&out, &errors, context, lines, used, 1, 2));
  CHECK(errors == 0);
  at = out.ptr;
  for (i = 0; i < kManyClaims && at != NULL; ++i) {
    char claim[kClaimRoom];
    santei_result* result = NULL;
    const char* json = NULL;
    size_t json_size = 0;
    const int length = sprintf(claim, NUMBERED_VISIT, i);
    CHECK_OK(santei_price(&result, context, claim, (size_t)length));
    CHECK_OK(santei_result_json(&json, &json_size, result));
    if (!json || (size_t)(out.ptr + out.size - at) <= json_size || strncmp(at, json, json_size) != 0 || at[json_size] != '\n') {
      CHECK(!"a line is not santei_price's answer to its claim, in input order");
      at = NULL;
    } else {
      at += json_size + 1;
    }
    santei_result_free(result);
  }
  CHECK(at == out.ptr + out.size);
  CHECK(out.ptr != NULL && out.ptr[out.size] == '\0');
  santei_buf_dispose(&out);
}

/* What a santei_write_fn was handed: the bytes joined (NUL-terminated, for strstr), the pieces
 * counted, each checked to end a line. */
typedef struct Written {
  char* bytes;
  size_t size;
  int pieces;
  int cut_line; /* a piece that did not end with a newline */
  int stop_after; /* answer 5 once this many pieces were taken; 0: never */
} Written;

static int take(void* user, const char* bytes, size_t length) {
  Written* w = (Written*)user;
  char* grown = NULL;
  if (w->stop_after > 0 && w->pieces >= w->stop_after) return 5;
  grown = (char*)realloc(w->bytes, w->size + length + 1);
  if (grown == NULL) return 1;
  memcpy(grown + w->size, bytes, length);
  w->bytes = grown;
  w->size += length;
  w->bytes[w->size] = '\0';
  w->pieces += 1;
  if (length == 0 || bytes[length - 1] != '\n') w->cut_line = 1;
  return 0;
}

/* The kManyClaims claims of check_many_in_order through santei_price_json_lines_to. */
static void check_many_streamed(santei_context* context) {
  static char lines[kManyClaims * kClaimRoom];
  size_t used = 0;
  size_t errors = 99;
  santei_buf out = SANTEI_BUF_INIT;
  Written written = {NULL, 0, 0, 0, 0};
  Written stopped = {NULL, 0, 0, 0, 1};
  int i = 0;
  for (i = 0; i < kManyClaims; ++i) used += (size_t)sprintf(lines + used, NUMBERED_VISIT "\n", i);
  CHECK_OK(santei_price_json_lines(&out, NULL, context, lines, used, 1, 2));
  CHECK_OK(santei_price_json_lines_to(&errors, context, lines, used, 1, 2, take, &written));
  CHECK(errors == 0);
  CHECK(written.pieces == 3 && !written.cut_line);
  CHECK(written.size == out.size && written.bytes && memcmp(written.bytes, out.ptr, out.size) == 0);
  /* stopped at the second piece: the first was taken, nothing more priced */
  CHECK_STATUS(santei_price_json_lines_to(&errors, context, lines, used, 1, 2, take, &stopped), SANTEI_ERR_IO);
  CHECK(strcmp(santei_last_error()->field, "write") == 0);
  CHECK(stopped.pieces == 1 && stopped.bytes && memcmp(stopped.bytes, out.ptr, stopped.size) == 0);
  CHECK_STATUS(santei_price_json_lines_to(&errors, context, lines, used, 1, 2, NULL, NULL), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(strcmp(santei_last_error()->field, "write") == 0);
  santei_buf_dispose(&out);
  free(written.bytes);
  free(stopped.bytes);
}

/* 300 MiB (anonymous memory, untouched but for its first and last claims): the claim, a line of
 * NULs far over a claim's size answered with its error at line 2, the claim at line 3. */
static void check_over_256_mib(santei_context* context, const char* json, size_t json_size) {
  const size_t size = (size_t)300 * 1024 * 1024;
  const size_t claim = strlen(FIRST_VISIT "\n");
  size_t errors = 99;
  Written written = {NULL, 0, 0, 0, 0};
  char* lines = (char*)mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (lines == MAP_FAILED) {
    CHECK(!"300 MiB could not be mapped");
    return;
  }
  memcpy(lines, FIRST_VISIT "\n", claim);
  lines[size - claim - 1] = '\n';
  memcpy(lines + size - claim, FIRST_VISIT "\n", claim);
  CHECK_OK(santei_price_json_lines_to(&errors, context, lines, size, 1, 2, take, &written));
  CHECK(errors == 1);
  CHECK(written.bytes && written.size > 2 * json_size && strncmp(written.bytes, json, json_size) == 0);
  CHECK(written.bytes && strstr(written.bytes, "\"error\":{\"status\":\"limit_exceeded\",\"file\":\"<lines>\",\"line\":2,") != NULL);
  CHECK(written.bytes && written.size > json_size &&
        memcmp(written.bytes + written.size - json_size - 1, json, json_size) == 0);
  munmap(lines, size);
  free(written.bytes);
}

/* 300 lines of "x": each answered with an error line of some 200 bytes, 100 times its line and
 * more than the room the call takes at first for results (8 times the input): every line comes
 * back whole, naming its line, in order. */
static void check_errors_outgrow_room(santei_context* context) {
  enum { kLines = 300 };
  static char lines[2 * kLines];
  const char* const prefix = "{\"format\":\"santei.result/1\",\"error\":{";
  santei_buf out = SANTEI_BUF_INIT;
  size_t errors = 0;
  const char* at = NULL;
  int i = 0;
  for (i = 0; i < kLines; ++i) memcpy(lines + 2 * i, "x\n", 2);
  CHECK_OK(santei_price_json_lines(&out, &errors, context, lines, sizeof lines, 1, 2));
  CHECK(errors == kLines);
  CHECK(out.size > 100 * sizeof lines);
  at = out.ptr;
  for (i = 1; i <= kLines && at != NULL; ++i) {
    char line_field[32];
    const char* end = strchr(at, '\n');
    sprintf(line_field, "\"line\":%d,", i);
    if (end == NULL || strncmp(at, prefix, strlen(prefix)) != 0 || strstr(at, line_field) == NULL ||
        strstr(at, line_field) > end) {
      CHECK(!"an error line is not whole, or does not name its line, in order");
      at = NULL;
    } else {
      at = end + 1;
    }
  }
  CHECK(at == out.ptr + out.size);
  santei_buf_dispose(&out);
}

/* The context's santei_price_json_lines threads were made by the parent (check_many_in_order): a
 * forked child has none of them, and its call on two threads must not wait for them (an alarm ends
 * a child that does). */
static void check_in_forked_child(santei_context* context) {
  int status = 0;
  const pid_t child = fork();
  if (child == 0) {
    santei_buf out = SANTEI_BUF_INIT;
    size_t errors = 99;
    int priced = SANTEI_OK;
    alarm(30);
    priced = santei_price_json_lines(&out, &errors, context, FIRST_VISIT "\n", strlen(FIRST_VISIT) + 1, 1, 2);
    _exit(priced == SANTEI_OK && errors == 0 && out.ptr != NULL && strstr(out.ptr, "\"total_points\":291,") != NULL
              ? 0
              : 1);
  }
  CHECK(child > 0);
  CHECK(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  santei_result* single = NULL;
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  santei_buf one = SANTEI_BUF_INIT;
  santei_buf two = SANTEI_BUF_INIT;
  const char* lines = FIRST_VISIT "\n\nnot a claim\n" FIRST_VISIT "\n";
  const char* json = NULL;
  size_t json_size = 0;
  size_t errors = 99;
  const char* second_line = NULL;
  const char* third_line = NULL;

  (void)read_file; /* c_check.h's fixture reader: this test's claims are inline */
  CHECK_OK(santei_masters_new(&masters));
  CHECK_OK(santei_masters_load(masters, SANTEI_SHARED_MASTERS));
  options.revision = "r06";
  CHECK_OK(santei_context_new(&context, masters, &options));
  CHECK_OK(santei_price(&single, context, FIRST_VISIT, strlen(FIRST_VISIT)));
  CHECK_OK(santei_result_json(&json, &json_size, single));
  CHECK(strstr(json, "\"total_points\":291,") != NULL);

  CHECK_OK(santei_price_json_lines(&one, &errors, context, lines, strlen(lines), 41, 1));
  CHECK(errors == 1);
  CHECK(one.ptr && one.size > 2 * json_size);
  /* line 41: the claim, as santei_price answers it */
  CHECK(one.ptr && strncmp(one.ptr, json, json_size) == 0 && one.ptr[json_size] == '\n');
  /* line 43: not a claim — an error line naming its line in the file */
  second_line = one.ptr ? one.ptr + json_size + 1 : NULL;
  CHECK(second_line && strncmp(second_line, "{\"format\":\"santei.result/1\",\"error\":{\"status\":\"parse_error\",\"file\":\"<lines>\",\"line\":43,\"column\":1,", 98) == 0);
  /* line 44: the claim again */
  third_line = second_line ? strchr(second_line, '\n') + 1 : NULL;
  CHECK(third_line && strncmp(third_line, json, json_size) == 0 && third_line[json_size] == '\n' &&
        third_line + json_size + 1 == one.ptr + one.size);

  CHECK_OK(santei_price_json_lines(&two, NULL, context, lines, strlen(lines), 41, 2));
  CHECK(two.size == one.size && memcmp(two.ptr, one.ptr, one.size) == 0);
  santei_buf_dispose(&two);
  check_many_in_order(context);
  check_errors_outgrow_room(context);
  check_in_forked_child(context);
  check_many_streamed(context);
  check_over_256_mib(context, json, json_size);

  /* no lines: an empty buffer, NUL-terminated */
  CHECK_OK(santei_price_json_lines(&two, &errors, context, "", 0, 1, 2));
  CHECK(errors == 0 && two.size == 0 && two.ptr != NULL && two.ptr[0] == '\0');
  santei_buf_dispose(&two);

  CHECK_STATUS(santei_price_json_lines(&two, &errors, context, NULL, 0, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(strcmp(santei_last_error()->field, "lines") == 0);
  CHECK_STATUS(santei_price_json_lines(&two, &errors, context, lines, strlen(lines), 0, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(strcmp(santei_last_error()->field, "first_line") == 0);
  CHECK_STATUS(santei_price_json_lines(&two, &errors, context, lines, (size_t)-1, 1, 1), SANTEI_ERR_LIMIT_EXCEEDED);
  CHECK(strcmp(santei_last_error()->field, "length") == 0);
  CHECK_STATUS(santei_price_json_lines(&two, &errors, NULL, lines, strlen(lines), 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(two.ptr == NULL);

  santei_buf_dispose(&one);
  santei_result_free(single);
  santei_context_free(context);
  santei_masters_free(masters);
  return check_summary();
}
