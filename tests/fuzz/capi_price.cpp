// Fuzz target: the C ABI's JSON entry point, santei_price, on the demo master built into santei,
// with copay and explanations on (every stage: JSON, pricing, copay, the result JSON). A status
// other than SANTEI_ERR_INTERNAL is a valid answer; a result must answer every accessor.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "fuzz.hpp"
#include "santei/santei.h"

namespace {

santei_context* demo_context() {
  static santei_context* context = [] {
    santei_masters* masters = nullptr;
    santei_context* created = nullptr;
    if (santei_masters_new(&masters) != SANTEI_OK || santei_masters_load_demo(masters) != SANTEI_OK ||
        santei_context_new(&created, masters, nullptr) != SANTEI_OK) {
      std::fprintf(stderr, "demo master: %s\n", santei_last_error()->message);
      std::abort();
    }
    santei_masters_free(masters);  // the context keeps the loaded data alive
    return created;
  }();
  return context;
}

void check(int status) {
  if (status != SANTEI_OK) {
    std::fprintf(stderr, "accessor failed on a result: %s\n", santei_last_error()->message);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  santei_result* result = nullptr;
  const int status = santei_price(&result, demo_context(), reinterpret_cast<const char*>(data), size);
  if (status == SANTEI_ERR_INTERNAL) {
    std::fprintf(stderr, "SANTEI_ERR_INTERNAL: %s\n", santei_last_error()->message);
    std::abort();
  }
  if (status != SANTEI_OK) {
    santei::fuzz::require(result == nullptr, "no result on failure");
    santei::fuzz::require(std::strlen(santei_last_error()->message) > 0, "a failure has a message");
    return 0;
  }
  const char* json = nullptr;
  std::size_t length = 0;
  check(santei_result_json(&json, &length, result));
  santei::fuzz::require(length == std::strlen(json), "result JSON length");
  std::int64_t points = 0;
  check(santei_result_total_points(&points, result));
  std::int64_t patient = 0, insurer = 0, cost = 0, publics = 0;
  check(santei_result_patient_yen(&patient, result));
  check(santei_result_insurer_yen(&insurer, result));
  check(santei_result_medical_cost_yen(&cost, result));
  std::size_t count = 0;
  check(santei_result_public_expense_count(&count, result));
  for (std::size_t i = 0; i < count; ++i) {
    const char* law = nullptr;
    std::int64_t yen = 0;
    check(santei_result_public_expense(&law, &yen, result, i));
    publics += yen;
  }
  santei::fuzz::require(patient + insurer + publics == cost, "patient + insurer + 公費 = medical cost");
  check(santei_result_diagnostic_count(&count, result));
  for (std::size_t i = 0; i < count; ++i) {
    int severity = 0;
    const char* rule = nullptr;
    const char* message = nullptr;
    check(santei_result_diagnostic(&severity, &rule, &message, result, i));
  }
  santei_result_free(result);
  santei::fuzz::accept();
  return 0;
}
