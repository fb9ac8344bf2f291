// A month's UKE (レセ電) file checked as `santei price --uke` checks it: read, then every receipt
// priced as claimed and compared with what it states. The file is written by santei (write_uke)
// from 20,000 generated clinic claims of 2024-07 on the real r06 masters, so every receipt agrees.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "masters.hpp"
#include "santei/santei.h"
#include "santei/uke.hpp"

namespace {

constexpr std::size_t kReceipts = 20000;

const std::string& month_file() {
  static const std::string bytes = [] {
    const santei::MasterLibrary& masters = santei::bench::r06_masters();
    std::vector<santei::Claim> claims;
    std::vector<santei::PricedClaim> priced;
    for (const std::string& text : santei::bench::generated_claims(masters, kReceipts)) {
      claims.push_back(santei::parse_claim(text));
      priced.push_back(santei::price(claims.back(), masters));
    }
    std::vector<santei::UkeReceiptInput> inputs;
    for (std::size_t i = 0; i < claims.size(); ++i) inputs.push_back({&claims[i], &priced[i], nullptr});
    santei::UkeFacility facility;
    facility.billing_month = *santei::YearMonth::parse("2024-08");
    return santei::write_uke(facility, inputs);
  }();
  return bytes;
}

void BM_ReadUke(benchmark::State& state) {
  const std::string& bytes = month_file();
  for (auto _ : state) benchmark::DoNotOptimize(santei::read_uke(bytes, "<bench>").receipts.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["receipts_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kReceipts), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadUke)->Unit(benchmark::kMillisecond)->UseRealTime();

// What `santei price --uke` prices with: as claimed, no explanations, no copayment.
santei::PricingOptions check_options() {
  santei::PricingOptions options;
  options.mode = santei::ClaimMode::as_claimed;
  options.explain = false;
  options.copay = false;
  return options;
}

// The file on disk (in the temporary directory), written once.
const std::filesystem::path& month_path() {
  static const std::filesystem::path path = [] {
    const std::filesystem::path out = std::filesystem::temp_directory_path() / "santei_bench_month.uke";
    std::ofstream(out, std::ios::binary) << month_file();
    return out;
  }();
  return path;
}

// The file read beforehand; the argument is the threads.
void BM_PriceUke(benchmark::State& state) {
  const santei::UkeFile file = santei::read_uke(month_file(), "<bench>");
  const santei::PricingOptions options = check_options();
  std::size_t agreeing = 0;
  for (auto _ : state) {
    const santei::UkePriceReport report = santei::price_uke(file, santei::bench::r06_masters(), options, static_cast<unsigned>(state.range(0)));
    agreeing = report.agreeing_units();
    benchmark::DoNotOptimize(agreeing);
  }
  state.counters["receipts_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * file.receipts.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PriceUke)->Unit(benchmark::kMillisecond)->Arg(1)->Arg(2)->UseRealTime();

// The whole check of a file on disk, as `santei price --uke -j N` (N: the argument): read, then
// priced (the file's receipts all held) beside read and priced as they are read (price_uke_file).
void time_check(benchmark::State& state, bool streamed) {
  const santei::PricingOptions options = check_options();
  const auto threads = static_cast<unsigned>(state.range(0));
  const std::filesystem::path& path = month_path();  // written before the clock runs
  std::size_t receipts = 0;
  for (auto _ : state) {
    const santei::UkePriceReport report =
        streamed ? santei::price_uke_file(path, {}, santei::bench::r06_masters(), options, threads)
                 : santei::price_uke(santei::read_uke_file(path), santei::bench::r06_masters(), options, threads);
    receipts += report.receipts.size();
    benchmark::DoNotOptimize(report.agreeing_units());
  }
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(receipts), benchmark::Counter::kIsRate);
}
void BM_CheckUkeFile_ReadThenPrice(benchmark::State& state) { time_check(state, false); }
BENCHMARK(BM_CheckUkeFile_ReadThenPrice)->Unit(benchmark::kMillisecond)->Arg(1)->Arg(2)->UseRealTime();
void BM_CheckUkeFile_Streamed(benchmark::State& state) { time_check(state, true); }
BENCHMARK(BM_CheckUkeFile_Streamed)->Unit(benchmark::kMillisecond)->Arg(1)->Arg(2)->UseRealTime();

int count_report_bytes(void* user, const char*, size_t length) {
  *static_cast<std::size_t*>(user) += length;
  return 0;
}

// The same file's bytes in memory checked through the C ABI (santei_price_uke, one thread), as a
// vendor's program checks them: the JSON report out in a buffer; BM_CheckUkeBytesTo_CAbi the same
// call handing the report to a write function (santei_price_uke_to) a piece at a time, as
// `santei serve`'s POST /v1/uke streams it, the receipts priced on the argument's threads.
template <bool kToWrite>
void check_uke_bytes(benchmark::State& state) {
  const std::string& bytes = month_file();
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  options.mode = SANTEI_MODE_AS_CLAIMED;
  options.explain = 0;
  options.copay = 0;
  santei_context* context = nullptr;
  if (santei_context_new(&context, santei::bench::r06_c_masters(), &options) != SANTEI_OK) {
    state.SkipWithError(santei_last_error()->message);
    return;
  }
  const auto threads = kToWrite ? static_cast<unsigned>(state.range(0)) : 1u;
  std::size_t report_bytes = 0;
  for (auto _ : state) {
    report_bytes = 0;
    int status = SANTEI_OK;
    if constexpr (kToWrite) {
      status = santei_price_uke_to(context, bytes.data(), bytes.size(), "<bench>", threads, count_report_bytes, &report_bytes);
    } else {
      santei_buf report = SANTEI_BUF_INIT;
      status = santei_price_uke(&report, context, bytes.data(), bytes.size(), "<bench>");
      report_bytes = report.size;
      santei_buf_dispose(&report);
    }
    if (status != SANTEI_OK) {
      state.SkipWithError(santei_last_error()->message);
      break;
    }
  }
  santei_context_free(context);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["receipts_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kReceipts), benchmark::Counter::kIsRate);
  state.counters["report_bytes"] = static_cast<double>(report_bytes);
}
void BM_CheckUkeBytes_CAbi(benchmark::State& state) { check_uke_bytes<false>(state); }
BENCHMARK(BM_CheckUkeBytes_CAbi)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_CheckUkeBytesTo_CAbi(benchmark::State& state) { check_uke_bytes<true>(state); }
BENCHMARK(BM_CheckUkeBytesTo_CAbi)->Unit(benchmark::kMillisecond)->Arg(1)->Arg(2)->UseRealTime();

}  // namespace
