// 8 threads share one santei_masters (the real r06 masters), each with its own santei_context,
// and price the same claims as one thread did: every result JSON is byte-identical and every
// error (kept per thread) names the same field. Run under ThreadSanitizer by .ci/run.
#include <atomic>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "santei/santei.h"

namespace {

// What one claim gave: the result JSON, or the status and field of its error.
struct Outcome {
  int status = SANTEI_OK;
  std::string text;  // result JSON, or "field: message"
  long long points = -1;

  bool operator==(const Outcome&) const = default;
};

// Varied claims on real r06 codes (as bench/claim_mix.hpp), every seventh one broken in a
// different way so that per-thread errors are exercised too.
std::vector<std::string> claims(int count) {
  const char* tests[] = {"160022510", "160022610", "160020410", "160020910", "160023410", "160167250", "160019010"};
  const char* drugs[] = {"620098801", "620452801", "610443067", "610453022"};
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    const int day = 1 + i % 28;
    std::string orders = i % 3 == 0 ? R"({"category":"11","items":[{"code":"111000110"}]})"
                                     : R"({"category":"12","items":[{"code":"112007410"}]},{"category":"12","items":[{"code":"112011010"}]})";
    orders += R"(,{"category":"21","days":)" + std::to_string(7 + i % 21) + R"(,"items":[{"code":")" + drugs[i % 4] +
              R"(","quantity":")" + std::to_string(1 + i % 3) + R"("}]})";
    orders += R"(,{"category":"60","items":[)";
    for (int t = 0; t <= i % 7; ++t) orders += std::string(t ? "," : "") + R"({"code":")" + tests[t] + "\"}";
    orders += "]}";
    std::string date = std::string("2024-07-") + (day < 10 ? "0" : "") + std::to_string(day);
    if (i % 7 == 6) {
      switch (i % 4) {
        case 0: date = "2024-08-01"; break;                   // outside the month: claim_error
        case 1: orders.replace(orders.find(drugs[i % 4]), 1, "9"); break;  // a code not in the masters
        case 2: orders += ",{\"category\":\"xx\"}"; break;    // a bad category
        default: date = "2024-07-\xff"; break;                // not UTF-8
      }
    }
    out.push_back(R"({"format":"santei.claim/1","id":")" + std::to_string(i) +
                  R"(","month":"2024-07","setting":"outpatient","facility":{"kind":"clinic"},"patient":{"birth_date":")" +
                  std::to_string(1940 + i % 80) + R"(-04-15"},"insurance":{"kind":"employee","income_bracket":"ウ"},"visits":[{"date":")" +
                  date + R"(","orders":[)" + orders + "]}]}");
  }
  return out;
}

Outcome price(santei_context* context, const std::string& claim) {
  Outcome outcome;
  santei_result* result = nullptr;
  outcome.status = santei_price(&result, context, claim.data(), claim.size());
  if (outcome.status != SANTEI_OK) {
    const santei_error* error = santei_last_error();
    outcome.text = std::string(error->field) + ": " + error->message;
    return outcome;
  }
  const char* json = nullptr;
  size_t size = 0;
  int64_t points = 0;
  santei_result_json(&json, &size, result);
  santei_result_total_points(&points, result);
  outcome.text.assign(json, size);
  outcome.points = points;
  santei_result_free(result);
  return outcome;
}

}  // namespace

int main() {
  santei_masters* masters = nullptr;
  if (santei_masters_new(&masters) != SANTEI_OK || santei_masters_load(masters, SANTEI_SHARED_MASTERS "/r06") != SANTEI_OK) {
    std::fprintf(stderr, "cannot load the r06 masters: %s\n", santei_last_error()->message);
    return 1;
  }
  const std::vector<std::string> inputs = claims(400);

  // One thread first: the expected outcomes.
  std::vector<Outcome> expected;
  santei_context* single = nullptr;
  santei_context_new(&single, masters, nullptr);
  for (const std::string& claim : inputs) expected.push_back(price(single, claim));
  santei_context_free(single);
  int errors = 0;
  for (const Outcome& o : expected) errors += o.status != SANTEI_OK;

  // Eight threads, each pricing every claim, starting at different offsets.
  constexpr int kThreads = 8;
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      santei_context* context = nullptr;
      if (santei_context_new(&context, masters, nullptr) != SANTEI_OK) {
        ++mismatches;
        return;
      }
      for (std::size_t k = 0; k < inputs.size(); ++k) {
        const std::size_t i = (k + static_cast<std::size_t>(t) * 37) % inputs.size();
        if (!(price(context, inputs[i]) == expected[i])) {
          std::fprintf(stderr, "thread %d: claim %zu differs from the single-thread result\n", t, i);
          ++mismatches;
        }
      }
      santei_context_free(context);
    });
  }
  for (std::thread& thread : threads) thread.join();
  santei_masters_free(masters);

  std::printf("%zu claims (%d with errors) x %d threads: %d mismatches\n", inputs.size(), errors, kThreads, mismatches.load());
  if (errors == 0 || errors == static_cast<int>(inputs.size())) {
    std::fprintf(stderr, "the claim mix should hold both priced and failing claims\n");
    return 1;
  }
  return mismatches.load() == 0 ? 0 : 1;
}
