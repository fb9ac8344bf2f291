/* The C ABI from C: santei.h compiles as strict C99 (-Wall -Wextra -pedantic -Werror, see
 * CMakeLists.txt), and the example claim priced on the real r06 masters gives 761 points and the
 * same figures and JSON as the C++ API (the reference files written by capi_reference). */
#include <stdlib.h>
#include <string.h>

#include "c_check.h"

/* The value of `key=` in the reference figures file, or -1. */
static long long reference_figure(const char* figures, const char* key) {
  const char* at = strstr(figures, key);
  if (!at) return -1;
  return atoll(at + strlen(key) + 1);
}

int main(void) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  santei_result* result = NULL;
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  size_t claim_size = 0, figures_size = 0, reference_size = 0, json_size = 0, count = 0;
  char* claim = read_file(SANTEI_SOURCE_DIR "/examples/claims/outpatient.json", &claim_size);
  char* figures = read_file(SANTEI_REFERENCE_DIR "/outpatient.figures", &figures_size);
  char* reference = read_file(SANTEI_REFERENCE_DIR "/outpatient.json", &reference_size);
  const char* json = NULL;
  const char* revision = NULL;
  int64_t points = 0, patient = 0, insurer = 0, cost = 0;
  size_t i;

  CHECK(santei_version_number() == SANTEI_VERSION_NUMBER);
  CHECK(strcmp(santei_version_string(), SANTEI_VERSION_STRING) == 0);

  CHECK_OK(santei_masters_new(&masters));
  CHECK_OK(santei_masters_load(masters, SANTEI_SHARED_MASTERS "/r06"));
  CHECK_OK(santei_masters_revision_count(&count, masters));
  CHECK(count == 1);
  CHECK_OK(santei_masters_revision(&revision, masters, 0));
  CHECK(revision && strcmp(revision, "r06") == 0);
  CHECK_OK(santei_context_new(&context, masters, &options));
  santei_masters_free(masters); /* the context keeps the loaded masters alive */

  CHECK_OK(santei_price(&result, context, claim, claim_size));
  CHECK(result != NULL);
  CHECK_OK(santei_result_total_points(&points, result));
  CHECK(points == 761); /* E20: 初診料 291 + 再診料 75 + 外来管理加算 52 + tests 283 + 60 */
  CHECK(points == reference_figure(figures, "total_points"));
  CHECK_OK(santei_result_patient_yen(&patient, result));
  CHECK_OK(santei_result_insurer_yen(&insurer, result));
  CHECK_OK(santei_result_medical_cost_yen(&cost, result));
  /* The E20 figures, stated (fee-rules.md E20, copayment.md §2.2): 761点 = 7,610円; 3割 of each
     visit, 10円未満四捨五入: day 3 634点 (291+99+144+40+60) = 6,340円 → 1,902 → 1,900; day 10 127点
     (75+52) = 1,270円 → 381 → 380; the patient 2,280円, the insurer 7,610 − 2,280 = 5,330円. */
  CHECK(cost == 7610);
  CHECK(patient == 2280);
  CHECK(insurer == 5330);
  /* ... and as the C++ API gives them (tests/capi/reference.cpp). */
  CHECK(patient == reference_figure(figures, "patient_yen"));
  CHECK(insurer == reference_figure(figures, "insurer_yen"));
  CHECK(cost == reference_figure(figures, "medical_cost_yen"));
  CHECK_OK(santei_result_revision(&revision, result));
  CHECK(strcmp(revision, "r06") == 0);
  CHECK_OK(santei_result_public_expense_count(&count, result));
  CHECK((long long)count == reference_figure(figures, "public_expenses"));
  CHECK_OK(santei_result_diagnostic_count(&count, result));
  CHECK((long long)count == reference_figure(figures, "diagnostics"));
  for (i = 0; i < count; ++i) {
    int severity = -1;
    const char* rule = NULL;
    const char* message = NULL;
    CHECK_OK(santei_result_diagnostic(&severity, &rule, &message, result, i));
    CHECK(severity >= SANTEI_SEVERITY_ERROR && severity <= SANTEI_SEVERITY_INFO && rule && message);
  }
  CHECK_OK(santei_result_json(&json, &json_size, result));
  CHECK(json_size == strlen(json));
  CHECK(json_size == reference_size && memcmp(json, reference, json_size) == 0); /* byte for byte */

  /* The context prices every claim into one reused result (capi/handles.hpp): a handle already
     given out keeps its figures and texts while other claims are priced on the same context, and
     the same claim priced again after a larger one gives the same bytes. */
  {
    size_t other_size = 0, again_size = 0, again_count = 0;
    char* other = read_file(SANTEI_SOURCE_DIR "/examples/claims/inpatient.json", &other_size);
    santei_result* inpatient = NULL;
    santei_result* again = NULL;
    const char* again_json = NULL;
    int64_t again_points = 0;
    CHECK_OK(santei_price(&inpatient, context, other, other_size));
    CHECK_OK(santei_price(&again, context, claim, claim_size));
    CHECK_OK(santei_result_json(&again_json, &again_size, again));
    CHECK(again_size == reference_size && memcmp(again_json, reference, again_size) == 0);
    CHECK_OK(santei_result_total_points(&again_points, again));
    CHECK(again_points == 761);
    CHECK_OK(santei_result_json(&json, &json_size, result)); /* the first handle, unchanged */
    CHECK(json_size == reference_size && memcmp(json, reference, json_size) == 0);
    CHECK_OK(santei_result_diagnostic_count(&again_count, again));
    CHECK_OK(santei_result_diagnostic_count(&count, result));
    CHECK(again_count == count);
    for (i = 0; i < count; ++i) {
      int severity = -1, again_severity = -2;
      const char *rule = NULL, *message = NULL, *again_rule = NULL, *again_message = NULL;
      CHECK_OK(santei_result_diagnostic(&severity, &rule, &message, result, i));
      CHECK_OK(santei_result_diagnostic(&again_severity, &again_rule, &again_message, again, i));
      CHECK(severity == again_severity && strcmp(rule, again_rule) == 0 && strcmp(message, again_message) == 0);
    }
    santei_result_free(inpatient);
    santei_result_free(again);
    free(other);
  }

  printf("C: total_points=%lld patient_yen=%lld\n", (long long)points, (long long)patient);
  santei_result_free(result);
  santei_context_free(context);
  free(claim);
  free(figures);
  free(reference);
  return check_summary();
}
