// Points engine speed on a realistic outpatient mix (bench/claim_mix.hpp) with the real r06 masters.
#include <benchmark/benchmark.h>

#include "claim_mix.hpp"
#include "santei/pricing.hpp"

namespace {

const santei::MasterLibrary& library() {
  static const santei::MasterLibrary masters = santei::MasterLibrary::load(std::string(SANTEI_SHARED_MASTERS) + "/r06");
  return masters;
}

void price_mix(benchmark::State& state, santei::PricingOptions options) {
  const auto claims = santei::bench::outpatient_mix(1000);
  std::size_t i = 0;
  std::int64_t lines = 0;
  for (auto _ : state) {
    const santei::PricedClaim priced = santei::price(claims[i++ % claims.size()], library(), options);
    lines += static_cast<std::int64_t>(priced.lines.size());
    benchmark::DoNotOptimize(priced.total);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["lines_per_receipt"] = benchmark::Counter(static_cast<double>(lines) / static_cast<double>(state.iterations()));
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_PriceOutpatient(benchmark::State& state) {
  santei::PricingOptions options;
  options.copay = false;
  price_mix(state, options);
}
BENCHMARK(BM_PriceOutpatient)->Unit(benchmark::kMicrosecond);

void BM_PriceOutpatientNoExplain(benchmark::State& state) {
  santei::PricingOptions options;
  options.copay = false;
  options.explain = false;
  price_mix(state, options);
}
BENCHMARK(BM_PriceOutpatientNoExplain)->Unit(benchmark::kMicrosecond);

void BM_PriceOutpatientWithCopay(benchmark::State& state) { price_mix(state, santei::PricingOptions{}); }
BENCHMARK(BM_PriceOutpatientWithCopay)->Unit(benchmark::kMicrosecond);

// The inpatient mix: a month's stay per receipt (bench/claim_mix.hpp inpatient_mix).
void price_inpatient_mix(benchmark::State& state, santei::PricingOptions options) {
  const auto claims = santei::bench::inpatient_mix(500);
  std::size_t i = 0;
  std::int64_t lines = 0;
  for (auto _ : state) {
    const santei::PricedClaim priced = santei::price(claims[i++ % claims.size()], library(), options);
    lines += static_cast<std::int64_t>(priced.lines.size());
    benchmark::DoNotOptimize(priced.total);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["lines_per_receipt"] = benchmark::Counter(static_cast<double>(lines) / static_cast<double>(state.iterations()));
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_PriceInpatient(benchmark::State& state) {
  santei::PricingOptions options;
  options.copay = false;
  price_inpatient_mix(state, options);
}
BENCHMARK(BM_PriceInpatient)->Unit(benchmark::kMicrosecond);

void BM_PriceInpatientNoExplain(benchmark::State& state) {
  santei::PricingOptions options;
  options.copay = false;
  options.explain = false;
  price_inpatient_mix(state, options);
}
BENCHMARK(BM_PriceInpatientNoExplain)->Unit(benchmark::kMicrosecond);

void BM_PriceInpatientWithCopay(benchmark::State& state) { price_inpatient_mix(state, santei::PricingOptions{}); }
BENCHMARK(BM_PriceInpatientWithCopay)->Unit(benchmark::kMicrosecond);

void BM_ParseClaimJson(benchmark::State& state) {
  // The JSON text of one mix claim, parsed again and again.
  const auto claims = santei::bench::outpatient_mix(1);
  (void)claims;
  static const std::string json = R"({"format":"santei.claim/1","month":"2024-07","setting":"outpatient","facility":{"kind":"clinic"},"patient":{"birth_date":"1970-04-15"},"insurance":{"kind":"employee"},"visits":[{"date":"2024-07-10","orders":[{"category":"12","items":[{"code":"112007410"}]},{"category":"21","days":14,"items":[{"code":"620098801","quantity":"3"},{"code":"620452801","quantity":"3"}]},{"category":"60","items":[{"code":"160022510"},{"code":"160022610"},{"code":"160020410"},{"code":"160020910"},{"code":"160023410"}]}]}]})";
  for (auto _ : state) benchmark::DoNotOptimize(santei::parse_claim(json));
}
BENCHMARK(BM_ParseClaimJson)->Unit(benchmark::kMicrosecond);

}  // namespace
