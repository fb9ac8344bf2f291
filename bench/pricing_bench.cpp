// Points engine speed on realistic mixes (bench/claim_mix.hpp) with the real r06 masters: an
// outpatient visit of about 16 lines, and an inpatient month of about 21 lines.
#include <benchmark/benchmark.h>

#include "allocation_counter.hpp"
#include "claim_mix.hpp"
#include "masters.hpp"
#include "santei/pricing.hpp"

namespace {

const std::vector<santei::Claim>& outpatient() {
  static const std::vector<santei::Claim> claims = santei::bench::outpatient_mix(1000);
  return claims;
}

const std::vector<santei::Claim>& inpatient() {
  static const std::vector<santei::Claim> claims = santei::bench::inpatient_mix(500);
  return claims;
}

// The inpatient mix as DPC stays: each month's 包括 part by a 診断群分類 of r06 (its 入院料 and
// 入院基本料等加算 dropped: they are 包括), the visits' lines and the meals 出来高 as before.
const std::vector<santei::Claim>& dpc_stays() {
  static const std::vector<santei::Claim> claims = [] {
    std::vector<santei::Claim> out = inpatient();
    const char* codes[] = {"010010xx9901xx", "010010xx9902xx", "0400800x99x0xx", "060340xx03x00x", "0400800x97x1xx"};
    for (std::size_t i = 0; i < out.size(); ++i) {
      santei::Admission& admission = *out[i].admission;
      admission.fees.clear();
      admission.additions.clear();
      admission.dpc = santei::DpcStay{codes[i % std::size(codes)], *santei::Decimal::parse("1.4523")};
    }
    return out;
  }();
  return claims;
}

// The same months grouped from admission.dpc.grouping (r06: C711 + G005 → 010010xx9901xx, C711 +
// E101 SPECT → 010010xx9902xx, J189 院内肺炎 at 70 → 0400800x99x0xx) instead of a stated code.
const std::vector<santei::Claim>& dpc_stays_grouped() {
  static const std::vector<santei::Claim> claims = [] {
    std::vector<santei::Claim> out = dpc_stays();
    for (std::size_t i = 0; i < out.size(); ++i) {
      santei::DpcStay& dpc = *out[i].admission->dpc;
      santei::DpcGroupingInput input;
      if (i % 3 == 2) {
        input.diagnosis = "J189";
        input.age = 70;
        input.conditions = {{"pneumonia", 3}};
      } else {
        input.diagnosis = "C711";
        input.procedures = {i % 3 == 0 ? "G005" : "E101"};
      }
      dpc.code.clear();
      dpc.grouping = std::move(input);
    }
    return out;
  }();
  return claims;
}

// 20,000 claims of `santei generate` (r06, 2024-07): as in a month's file, they use thousands of
// distinct codes, so master records and 背反 rows are read cold the way `santei price` reads them.
// The mixes above repeat a few dozen codes, which stay in cache.
const std::vector<santei::Claim>& generated() {
  static const std::vector<santei::Claim> claims = [] {
    std::vector<santei::Claim> out;
    for (const std::string& json : santei::bench::generated_claims(santei::bench::r06_masters(), 20000)) {
      out.push_back(santei::parse_claim(json));
    }
    return out;
  }();
  return claims;
}

santei::PricingOptions options(bool copay, bool explain) {
  santei::PricingOptions out;
  out.copay = copay;
  out.explain = explain;
  return out;
}

santei::PricingOptions dpc_options(bool copay, bool explain) {
  static const std::shared_ptr<const santei::DpcTables> tables =
      santei::DpcTables::load(std::string(SANTEI_SHARED_MASTERS) + "/../dpc");
  santei::PricingOptions out = options(copay, explain);
  out.dpc = tables;
  return out;
}

// Prices the mix one claim after another. `reuse`: into one PricedClaim, the way a batch prices
// (price(…, into)); otherwise a new result per claim (price() returning one).
void price_mix(benchmark::State& state, const std::vector<santei::Claim>& claims, santei::PricingOptions options,
               bool reuse = false) {
  std::size_t i = 0;
  std::int64_t lines = 0;
  std::uint64_t allocations = 0;
  const santei::MasterLibrary& masters = santei::bench::r06_masters();  // loaded before the clock runs
  santei::PricedClaim reused;
  // Steady state: the reused result and the thread's scratch grow to the mix's largest claim first.
  if (reuse) {
    for (const santei::Claim& claim : claims) santei::price(claim, masters, options, reused);
  }
  for (auto _ : state) {
    const santei::Claim& claim = claims[i++ % claims.size()];
    const std::uint64_t before = santei::bench::allocations();
    const auto count = [&](const santei::PricedClaim& priced) {
      lines += static_cast<std::int64_t>(priced.lines.size());
      benchmark::DoNotOptimize(priced.total);
      allocations += santei::bench::allocations() - before;  // the result's own vectors included
    };
    if (reuse) {
      santei::price(claim, masters, options, reused);
      count(reused);
    } else {
      count(santei::price(claim, masters, options));
    }
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["lines_per_receipt"] = benchmark::Counter(static_cast<double>(lines) / static_cast<double>(state.iterations()));
  state.counters["allocations_per_receipt"] =
      benchmark::Counter(static_cast<double>(allocations) / static_cast<double>(state.iterations()));
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_PriceOutpatient(benchmark::State& state) { price_mix(state, outpatient(), options(false, true)); }
void BM_PriceOutpatientNoExplain(benchmark::State& state) { price_mix(state, outpatient(), options(false, false), true); }
void BM_PriceOutpatientNoExplainNewResult(benchmark::State& state) { price_mix(state, outpatient(), options(false, false)); }
void BM_PriceOutpatientWithCopay(benchmark::State& state) { price_mix(state, outpatient(), options(true, true)); }
// With explanations, into one reused result, as santei price, santei serve and the C ABI price.
void BM_PriceOutpatientReusedResult(benchmark::State& state) { price_mix(state, outpatient(), options(false, true), true); }
void BM_PriceOutpatientWithCopayReusedResult(benchmark::State& state) {
  price_mix(state, outpatient(), options(true, true), true);
}
// The batch path with the copayment: no explanation, into one reused result.
void BM_PriceOutpatientWithCopayNoExplain(benchmark::State& state) {
  price_mix(state, outpatient(), options(true, false), true);
}
void BM_PriceInpatient(benchmark::State& state) { price_mix(state, inpatient(), options(false, true)); }
void BM_PriceInpatientNoExplain(benchmark::State& state) { price_mix(state, inpatient(), options(false, false), true); }
void BM_PriceInpatientNoExplainNewResult(benchmark::State& state) { price_mix(state, inpatient(), options(false, false)); }
void BM_PriceInpatientWithCopay(benchmark::State& state) { price_mix(state, inpatient(), options(true, true)); }
void BM_PriceGeneratedNoExplain(benchmark::State& state) { price_mix(state, generated(), options(false, false), true); }
BENCHMARK(BM_PriceOutpatient)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceOutpatientNoExplain)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceOutpatientNoExplainNewResult)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceGeneratedNoExplain)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceOutpatientWithCopay)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceOutpatientReusedResult)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceOutpatientWithCopayReusedResult)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceOutpatientWithCopayNoExplain)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceInpatient)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceInpatientNoExplain)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceInpatientNoExplainNewResult)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceInpatientWithCopay)->Unit(benchmark::kMicrosecond);
// Beside the inpatient mix above: the same months as DPC stays.
void BM_PriceDpcStay(benchmark::State& state) { price_mix(state, dpc_stays(), dpc_options(false, true)); }
void BM_PriceDpcStayWithCopay(benchmark::State& state) { price_mix(state, dpc_stays(), dpc_options(true, true)); }
void BM_PriceDpcStayGrouped(benchmark::State& state) { price_mix(state, dpc_stays_grouped(), dpc_options(false, true)); }
BENCHMARK(BM_PriceDpcStay)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceDpcStayGrouped)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PriceDpcStayWithCopay)->Unit(benchmark::kMicrosecond);

void BM_ParseClaimJson(benchmark::State& state) {
  static const std::string json = R"({"format":"santei.claim/1","month":"2024-07","setting":"outpatient","facility":{"kind":"clinic"},"patient":{"birth_date":"1970-04-15"},"insurance":{"kind":"employee"},"visits":[{"date":"2024-07-10","orders":[{"category":"12","items":[{"code":"112007410"}]},{"category":"21","days":14,"items":[{"code":"620098801","quantity":"3"},{"code":"620452801","quantity":"3"}]},{"category":"60","items":[{"code":"160022510"},{"code":"160022610"},{"code":"160020410"},{"code":"160020910"},{"code":"160023410"}]}]}]})";
  const std::uint64_t before = santei::bench::allocations();
  for (auto _ : state) benchmark::DoNotOptimize(santei::parse_claim(json));
  state.counters["allocations_per_claim"] = benchmark::Counter(
      static_cast<double>(santei::bench::allocations() - before) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_ParseClaimJson)->Unit(benchmark::kMicrosecond);

}  // namespace
