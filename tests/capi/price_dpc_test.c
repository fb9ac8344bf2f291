/* The C ABI prices a DPC stay (santei_price_options version 3, `dpc`): examples/claims/dpc.json on
 * the real r06 masters and MHLW's DPC電子点数表 (../shared/dpc). The figures, by hand (docs/dpc.md,
 * r06 sheet 11 row 6): grouped from C711 + G005 to 010010xx9901xx, 25 days, 6 × 3,461 + 13 × 2,370 + 6 × 2,014 = 63,660点 ×
 * 医療機関別係数 1.4523 = 92,453.418 → 92,453点 (留意事項 第３ １(１)); the patient pays the 区分ウ limit
 * 80,100 + (924,530 − 267,000) × 1% = 86,675円 and 71 meals × 490円 = 34,790円: 121,465円. Without
 * `dpc` the claim is SANTEI_ERR_CLAIM naming admission.dpc; a version 2 struct still prices. */
#include <string.h>

#include "c_check.h"

int main(void) {
  santei_masters* masters = NULL;
  santei_context* context = NULL;
  santei_context* without = NULL;
  santei_result* result = NULL;
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  size_t claim_size = 0;
  char* claim = read_file(SANTEI_SOURCE_DIR "/examples/claims/dpc.json", &claim_size);
  int64_t points = 0, patient = 0;

  CHECK(options.version == 3 && options.dpc == NULL);
  CHECK_OK(santei_masters_new(&masters));
  CHECK_OK(santei_masters_load(masters, SANTEI_SHARED_DIR "/masters/r06"));
  options.dpc = SANTEI_SHARED_DIR "/dpc";
  CHECK_OK(santei_context_new(&context, masters, &options));
  CHECK_OK(santei_price(&result, context, claim, claim_size));
  CHECK_OK(santei_result_total_points(&points, result));
  CHECK(points == 92453);
  CHECK_OK(santei_result_patient_yen(&patient, result));
  CHECK(patient == 121465);
  santei_result_free(result);
  result = NULL;

  options.version = 2; /* a version 2 struct ends before `dpc`: it is not read */
  CHECK_OK(santei_context_new(&without, masters, &options));
  CHECK(santei_price(&result, without, claim, claim_size) == SANTEI_ERR_CLAIM);
  CHECK(result == NULL);
  CHECK(strcmp(santei_last_error()->field, "admission.dpc") == 0);

  santei_context_free(without);
  santei_context_free(context);
  santei_masters_free(masters);
  free(claim);
  return check_summary();
}
