/* santei_regress_json_lines from C (strict C99): claims priced under r04 and r06 of the real masters
 * in one call, as a Dask worker prices its partition. A claim with 初診料 (111000110) alone: 288点
 * under r04, 291点 under r06 (令和6年 医科点数表 A000; fee-rules.md §6.1) — delta 3; one with 在宅悪性腫瘍等
 * 患者指導管理料 (114005610, 1,500点 in the r04 医科診療行為マスター, not in r06's): priced under r04, newly
 * failing under r06, named by its line in the file (first_line 101 + 3); a line that is not a claim
 * counts under neither revision. */
#include <stdlib.h>
#include <string.h>

#include "c_check.h"

static int contains(const santei_buf* buf, const char* text) { return buf->ptr && strstr(buf->ptr, text) != NULL; }

int main(void) {
  santei_masters* masters = NULL;
  santei_context* old_context = NULL;
  santei_context* new_context = NULL;
  santei_context* no_revision = NULL;
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  santei_buf summary = SANTEI_BUF_INIT;
  const char* lines =
      "{\"format\":\"santei.claim/1\",\"id\":\"first-visit\",\"month\":\"2024-06\",\"setting\":\"outpatient\","
      "\"facility\":{\"kind\":\"clinic\"},\"patient\":{\"birth_date\":\"1980-01-01\",\"sex\":\"male\"},"
      "\"insurance\":{\"kind\":\"employee\"},\"visits\":[{\"date\":\"2024-06-03\",\"orders\":[{\"category\":\"11\","
      "\"items\":[{\"code\":\"111000110\"}]}]}]}\n"
      "\n"
      "not a claim\n"
      "{\"format\":\"santei.claim/1\",\"id\":\"home\",\"month\":\"2024-06\",\"setting\":\"outpatient\","
      "\"facility\":{\"kind\":\"clinic\"},\"patient\":{\"birth_date\":\"1980-01-01\",\"sex\":\"male\"},"
      "\"insurance\":{\"kind\":\"employee\"},\"visits\":[{\"date\":\"2024-06-03\",\"orders\":[{\"category\":\"14\","
      "\"items\":[{\"code\":\"114005610\"}]}]}]}\n";
  const char* head = "{\"format\":\"santei.regress/1\",\"old_revision\":\"r04\",\"new_revision\":\"r06\",";

  (void)read_file; /* c_check.h's fixture reader: this test's claims are inline */
  CHECK_OK(santei_masters_new(&masters));
  CHECK_OK(santei_masters_load(masters, SANTEI_SHARED_MASTERS));
  options.copay = 0;
  options.revision = "r04";
  CHECK_OK(santei_context_new(&old_context, masters, &options));
  options.revision = "r06";
  CHECK_OK(santei_context_new(&new_context, masters, &options));
  options.revision = NULL;
  CHECK_OK(santei_context_new(&no_revision, masters, &options));

  CHECK_OK(santei_regress_json_lines(&summary, old_context, new_context, lines, strlen(lines), 101, 1));
  CHECK(summary.ptr && strncmp(summary.ptr, head, strlen(head)) == 0);
  /* four lines, the blank one among them, numbered from 101: the next partition starts at 105 */
  CHECK(contains(&summary, "\"lines\":4,\"receipts\":3,\"priced_both\":1,\"failed_old\":1,\"failed_new\":2,\"newly_failing\":1,"));
  CHECK(contains(&summary, "\"old_points\":1788,\"new_points\":291,\"delta\":-1497,"));
  CHECK(contains(&summary, "{\"code\":\"111000110\",\"name\":\"初診料\",\"old_count\":1,\"new_count\":1,\"old_points\":288,\"new_points\":291,\"delta\":3}"));
  CHECK(contains(&summary, "\"failing\":[{\"id\":\"home\",\"line\":104,"));
  CHECK(contains(&summary, "114005610 is not in the 医科診療行為マスター of r06"));
  santei_buf_dispose(&summary);

  CHECK_STATUS(santei_regress_json_lines(&summary, old_context, no_revision, lines, strlen(lines), 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(strcmp(santei_last_error()->field, "new_context") == 0);
  CHECK_STATUS(santei_regress_json_lines(&summary, old_context, old_context, lines, strlen(lines), 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(santei_regress_json_lines(&summary, old_context, new_context, lines, strlen(lines), 0, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(strcmp(santei_last_error()->field, "first_line") == 0);
  CHECK_STATUS(santei_regress_json_lines(&summary, old_context, new_context, NULL, 0, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(santei_regress_json_lines(&summary, old_context, new_context, lines, (size_t)-1, 1, 1), SANTEI_ERR_LIMIT_EXCEEDED);
  CHECK(summary.ptr == NULL);

  santei_context_free(no_revision);
  santei_context_free(new_context);
  santei_context_free(old_context);
  santei_masters_free(masters);
  return check_summary();
}
