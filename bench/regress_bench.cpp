// The full regression run per receipt: parse the claim's JSON line, price it under r04 and under
// r06 (PricingOptions::revision), diff and add to the summary — on generated clinic claims of
// 2024-07 (santei/generate.hpp) with the real masters. receipts_per_s is the figure of issue 6.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>
#include <vector>

#include "masters.hpp"
#include "regress/part.hpp"
#include "santei/generate.hpp"
#include "santei/regress.hpp"

namespace {

// 4,096 distinct JSON lines, made once.
const std::vector<std::string>& lines() {
  static const std::vector<std::string> out = santei::bench::generated_claims(santei::bench::all_masters(), 4096);
  return out;
}

void regress(benchmark::State& state, bool copay) {
  const santei::Regression regression(santei::bench::all_masters(), "r04", santei::bench::all_masters(), "r06", {.copay = copay, .explain = false});
  const std::vector<std::string>& input = lines();
  santei::RegressSummary summary;
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 997;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& line = input[i++ % input.size()];
    santei::add_outcome(summary, regression.compare(santei::parse_claim(line)));
    bytes += static_cast<std::int64_t>(line.size());
  }
  benchmark::DoNotOptimize(summary.new_points);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_RegressReceipt(benchmark::State& state) { regress(state, true); }
BENCHMARK(BM_RegressReceipt)->Unit(benchmark::kMicrosecond)->Threads(1)->Threads(2)->UseRealTime();

void BM_RegressReceiptNoCopay(benchmark::State& state) { regress(state, false); }
BENCHMARK(BM_RegressReceiptNoCopay)->Unit(benchmark::kMicrosecond)->Threads(1)->Threads(2)->UseRealTime();

// The whole run (regress_json_lines): the 4,096 lines read from memory, compared on `-j` threads
// (the argument) beside the reading thread, each adding into its own part, then merged.
void BM_RegressRun(benchmark::State& state) {
  const santei::Regression regression(santei::bench::all_masters(), "r04", santei::bench::all_masters(), "r06");
  std::string text;
  for (const std::string& line : lines()) text += line + "\n";
  santei::RegressRunOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    std::istringstream in(text);
    benchmark::DoNotOptimize(santei::regress_json_lines(in, "<bench>", regression, options).receipts);
  }
  state.counters["receipts_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * lines().size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RegressRun)->Unit(benchmark::kMillisecond)->Arg(1)->Arg(2)->UseRealTime();

// A receipt's per-code points added into the summary's ordered map (add_outcome, the public call)
// beside a thread's hash map (regress/part.hpp, what a run uses): the same 4,096 outcomes.
template <class Codes>
void time_add_codes(benchmark::State& state, Codes& codes) {
  static const std::vector<santei::RegressOutcome> outcomes = [] {
    const santei::Regression regression(santei::bench::all_masters(), "r04", santei::bench::all_masters(), "r06");
    std::vector<santei::RegressOutcome> out;
    for (const std::string& line : lines()) out.push_back(regression.compare(santei::parse_claim(line)));
    return out;
  }();
  std::size_t i = 0;
  for (auto _ : state) santei::regress::add_codes(codes, outcomes[i++ % outcomes.size()]);
  benchmark::DoNotOptimize(codes.size());
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
void BM_RegressAddCodes_OrderedMap(benchmark::State& state) {
  santei::RegressSummary summary;
  time_add_codes(state, summary.codes);
}
BENCHMARK(BM_RegressAddCodes_OrderedMap)->Unit(benchmark::kNanosecond);
void BM_RegressAddCodes_ThreadPart(benchmark::State& state) {
  santei::regress::Part part;
  time_add_codes(state, part.codes);
}
BENCHMARK(BM_RegressAddCodes_ThreadPart)->Unit(benchmark::kNanosecond);

// The parts: parsing alone, and one revision's pricing alone.
void BM_RegressParseOnly(benchmark::State& state) {
  const std::vector<std::string>& input = lines();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(santei::parse_claim(input[i++ % input.size()]));
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RegressParseOnly)->Unit(benchmark::kMicrosecond);

void BM_GenerateClaimJson(benchmark::State& state) {
  santei::GenerateOptions options;
  options.month = *santei::YearMonth::parse("2024-07");
  const santei::ClaimGenerator generator(santei::bench::all_masters(), options);
  std::uint64_t i = 0;
  std::string out;
  for (auto _ : state) {
    out.clear();
    generator.append_json(i++, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["claims_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GenerateClaimJson)->Unit(benchmark::kMicrosecond);

}  // namespace
