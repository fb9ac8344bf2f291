/* santei_price_uke from C (strict C99): the real sample UKE of 2021-10 priced as claimed under r04
 * gives the report `santei price --uke` gives — 75 receipts, 268 units, 208 agreeing (the figures
 * tests/unit/uke_compare_test.cpp explains) — with its copayment on; a 歯科 file is a report with
 * its error, not a failed call; bad arguments are statuses, never a crash. santei_price_uke_to
 * on two threads hands the write function the same report's bytes, whole; a write that answers
 * non-zero is SANTEI_ERR_IO naming "write". */
#include <stdlib.h>
#include <string.h>

#include "c_check.h"

typedef struct Written {
  char* bytes;
  size_t size;
  int refuse;
} Written;

static int take(void* user, const char* bytes, size_t length) {
  Written* w = (Written*)user;
  char* grown = NULL;
  if (w->refuse) return -1;
  grown = (char*)realloc(w->bytes, w->size + length);
  if (grown == NULL) return 1;
  memcpy(grown + w->size, bytes, length);
  w->bytes = grown;
  w->size += length;
  return 0;
}

static int contains(const santei_buf* buf, const char* text) { return buf->ptr && strstr(buf->ptr, text) != NULL; }

int main(void) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  santei_buf report = SANTEI_BUF_INIT;
  size_t size = 0, dental_size = 0;
  char* uke = read_file(SANTEI_SHARED_DIR "/uke/RECEIPTC_GAIRAI_SAMPLE.UKE", &size);
  char* dental = read_file(SANTEI_SOURCE_DIR "/tests/bad/uke/dental.uke", &dental_size);
  const char* head = "{\"format\":\"santei.uke-report/1\",\"path\":\"RECEIPTC_GAIRAI_SAMPLE.UKE\",\"revision\":\"r04\",";

  CHECK_OK(santei_masters_new(&masters));
  CHECK_OK(santei_masters_load(masters, SANTEI_SHARED_DIR "/masters/r04"));
  options.revision = "r04"; /* the file is of 2021-10, before the r04 period: priced under r04, forced */
  CHECK_OK(santei_context_new(&context, masters, &options));

  CHECK_OK(santei_price_uke(&report, context, uke, size, "RECEIPTC_GAIRAI_SAMPLE.UKE"));
  CHECK(report.size == strlen(report.ptr));
  CHECK(report.ptr && strncmp(report.ptr, head, strlen(head)) == 0);
  CHECK(contains(&report, "\"receipts_in_file\":75,\"receipts_priced\":75,\"receipts_skipped\":0,\"units\":268,\"agreeing_units\":208,"));
  CHECK(contains(&report, "\"several_lines_units\":7,\"reasons\":{\"points_differ\":20,\"revision\":33,\"unknown_code\":7}"));
  /* Receipt 49's 小児科外来診療料 for an 11-year-old: priced as stated, noted 算定不可/年齢. */
  CHECK(contains(&report, "[算定不可/年齢] 113003810"));
  /* The context's copayment is on: receipt 1's 法別 83 (Chiba's number) has no parameters and says
   * so, and receipt 72's 法別 52 without a 受給者証 cap is a copay_error beside its priced points. */
  CHECK(contains(&report, "\"copay_needs\":[\"needs parameters for 法別 83 (公費負担者番号 83136019)"));
  CHECK(contains(&report, "\"number\":72,\"line\":609,\"revision\":\"r04\",\"stated_total\":1272,\"units_total\":1272,\"priced_total\":1223,"));
  CHECK(contains(&report, "\"field\":\"public_expenses[0].monthly_cap_yen\",\"message\":\"法別 52 (小児慢性特定疾病医療支援) needs monthly_cap_yen"));
  {
    Written written = {NULL, 0, 0};
    Written refused = {NULL, 0, 1};
    CHECK_OK(santei_price_uke_to(context, uke, size, "RECEIPTC_GAIRAI_SAMPLE.UKE", 2, take, &written));
    CHECK(written.size == report.size && written.bytes && memcmp(written.bytes, report.ptr, report.size) == 0);
    CHECK_STATUS(santei_price_uke_to(context, uke, size, NULL, 1, take, &refused), SANTEI_ERR_IO);
    CHECK(strcmp(santei_last_error()->field, "write") == 0);
    CHECK(refused.size == 0);
    free(written.bytes);
  }
  santei_buf_dispose(&report);
  CHECK(report.ptr == NULL && report.size == 0);

  /* A 歯科 file is not read: the call succeeds and the report says why. */
  CHECK_OK(santei_price_uke(&report, context, dental, dental_size, NULL));
  CHECK(contains(&report, "\"path\":\"<uke>\""));
  CHECK(contains(&report, "\"receipts_in_file\":0"));
  CHECK(contains(&report, "a 歯科 (dental) file"));
  santei_buf_dispose(&report);

  CHECK_STATUS(santei_price_uke(NULL, context, uke, size, NULL), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(santei_price_uke(&report, NULL, uke, size, NULL), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(santei_price_uke(&report, context, NULL, size, NULL), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(santei_price_uke(&report, context, uke, (size_t)-1, NULL), SANTEI_ERR_LIMIT_EXCEEDED);
  CHECK(strcmp(santei_last_error()->field, "length") == 0);
  CHECK_STATUS(santei_price_uke(&report, context, uke, size, "\xff"), SANTEI_ERR_ENCODING);
  CHECK(report.ptr == NULL);

  santei_context_free(context);
  santei_masters_free(masters);
  free(uke);
  free(dental);
  return check_summary();
}
