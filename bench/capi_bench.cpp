// The C ABI's cost: the same receipts (bench/claim_mix.hpp, real r06 masters) priced from JSON to
// result JSON through santei.h (santei_price + santei_result_json) and through the C++ API
// (parse_claim + price + result_json). The difference is the ABI's overhead: UTF-8 check, handle
// checks, the exception firewall and copying the figures into the result handle.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "allocation_counter.hpp"
#include "claim_mix.hpp"
#include "masters.hpp"
#include "santei/generate.hpp"
#include "santei/pricing.hpp"
#include "santei/santei.h"

namespace {

// The mix, or the one claim file SANTEI_BENCH_CLAIM names (bench/serve_load.sh: the claim the
// service is loaded with, so the two figures price the same bytes).
const std::vector<std::string>& receipts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    if (const char* path = std::getenv("SANTEI_BENCH_CLAIM")) {
      std::ifstream file(path, std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
      if (!file || out.back().empty()) throw std::runtime_error(std::string("SANTEI_BENCH_CLAIM: cannot read ") + path);
      return out;
    }
    // The library's own writer: every field the mix sets (a hand-written one here once sent every
    // patient as "employee", which santei rightly refuses from 75).
    for (const santei::Claim& claim : santei::bench::outpatient_mix(1000)) out.push_back(santei::claim_json(claim));
    return out;
  }();
  return texts;
}

void BM_PriceJson_CppApi(benchmark::State& state) {
  const auto& texts = receipts();
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string& text = texts[i++ % texts.size()];
    const santei::PricedClaim priced = santei::price(santei::parse_claim(text), santei::bench::r06_masters());
    const std::string json = santei::result_json(priced, santei::bench::r06_masters());
    bytes += json.size();
    benchmark::DoNotOptimize(priced.total);
  }
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["result_bytes"] = benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_PriceJson_CppApi)->Unit(benchmark::kMicrosecond);

void BM_PriceJson_CAbi(benchmark::State& state) {
  const auto& texts = receipts();
  santei_context* context = nullptr;
  if (santei_context_new(&context, santei::bench::r06_c_masters(), nullptr) != SANTEI_OK) {
    state.SkipWithError(santei_last_error()->message);
    return;
  }
  // Same receipts, same answers: the C path's JSON is the C++ path's, byte for byte.
  for (std::size_t k = 0; k < std::min<std::size_t>(20, texts.size()); ++k) {
    santei_result* result = nullptr;
    const char* json = nullptr;
    size_t size = 0;
    if (santei_price(&result, context, texts[k].data(), texts[k].size()) != SANTEI_OK ||
        santei_result_json(&json, &size, result) != SANTEI_OK ||
        std::string(json, size) != santei::result_json(santei::price(santei::parse_claim(texts[k]), santei::bench::r06_masters()), santei::bench::r06_masters())) {
      state.SkipWithError("the C ABI and the C++ API disagree");
      return;
    }
    santei_result_free(result);
  }
  std::size_t i = 0;
  std::size_t bytes = 0;
  const std::uint64_t allocations = santei::bench::allocations();  // the library's, through the global operator new
  for (auto _ : state) {
    const std::string& text = texts[i++ % texts.size()];
    santei_result* result = nullptr;
    if (santei_price(&result, context, text.data(), text.size()) != SANTEI_OK) {
      state.SkipWithError(santei_last_error()->message);
      break;
    }
    const char* json = nullptr;
    size_t size = 0;
    int64_t points = 0;
    santei_result_json(&json, &size, result);
    santei_result_total_points(&points, result);
    bytes += size;
    benchmark::DoNotOptimize(points);
    santei_result_free(result);
  }
  state.counters["allocations_per_receipt"] = benchmark::Counter(
      static_cast<double>(santei::bench::allocations() - allocations) / static_cast<double>(state.iterations()));
  santei_context_free(context);
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["result_bytes"] = benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_PriceJson_CAbi)->Unit(benchmark::kMicrosecond);

// The same receipts as JSON Lines priced in one santei_price_json_lines call per 1,000 (threads:
// the benchmark's argument), beside a santei_price call per claim: the batch path of the C ABI.
// BM_PriceJsonLinesTo_CAbi: the same call handing each batch's lines to a write function (which
// takes them as a pipe would: counts them) instead of gathering them in one buffer.
const std::string& receipt_lines() {
  static const std::string lines = [] {
    std::string out;
    for (const std::string& text : receipts()) {
      out += text;
      out += '\n';
    }
    return out;
  }();
  return lines;
}

int count_bytes(void* user, const char* bytes, size_t length) {
  *static_cast<std::int64_t*>(user) += static_cast<std::int64_t>(length);
  benchmark::DoNotOptimize(bytes);
  return 0;
}

template <bool kToWrite>
void price_json_lines(benchmark::State& state) {
  const std::string& lines = receipt_lines();
  santei_context* context = nullptr;
  if (santei_context_new(&context, santei::bench::r06_c_masters(), nullptr) != SANTEI_OK) {
    state.SkipWithError(santei_last_error()->message);
    return;
  }
  const auto threads = static_cast<unsigned>(state.range(0));
  std::int64_t bytes = 0;
  for (auto _ : state) {
    size_t errors = 0;
    int status = SANTEI_OK;
    if constexpr (kToWrite) {
      status = santei_price_json_lines_to(&errors, context, lines.data(), lines.size(), 1, threads, count_bytes, &bytes);
    } else {
      santei_buf out = SANTEI_BUF_INIT;
      status = santei_price_json_lines(&out, &errors, context, lines.data(), lines.size(), 1, threads);
      bytes += static_cast<std::int64_t>(out.size);
      santei_buf_dispose(&out);
    }
    if (status != SANTEI_OK || errors != 0) {
      state.SkipWithError(santei_last_error()->message);
      break;
    }
  }
  santei_context_free(context);
  const auto claims = static_cast<double>(state.iterations() * receipts().size());
  state.counters["receipts_per_s"] = benchmark::Counter(claims, benchmark::Counter::kIsRate);
  state.counters["result_bytes"] = benchmark::Counter(static_cast<double>(bytes) / claims);
}

void BM_PriceJsonLines_CAbi(benchmark::State& state) { price_json_lines<false>(state); }
BENCHMARK(BM_PriceJsonLines_CAbi)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_PriceJsonLinesTo_CAbi(benchmark::State& state) { price_json_lines<true>(state); }
BENCHMARK(BM_PriceJsonLinesTo_CAbi)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The machine's limit for result JSON (issue 17): the mix priced once, then its result JSON
// written into one reused string (result_json(…, out)), beside copying the same bytes (memcpy)
// into one reused buffer. bytes_per_second of the two is the ratio.
const std::vector<santei::PricedClaim>& priced_mix() {
  static const std::vector<santei::PricedClaim> priced = [] {
    std::vector<santei::PricedClaim> out;
    for (const std::string& text : receipts()) out.push_back(santei::price(santei::parse_claim(text), santei::bench::r06_masters()));
    return out;
  }();
  return priced;
}

void BM_WriteResultJson(benchmark::State& state) {
  const auto& priced = priced_mix();
  std::string out;
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    santei::result_json(priced[i++ % priced.size()], santei::bench::r06_masters(), out);
    bytes += static_cast<std::int64_t>(out.size());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(bytes);
  state.counters["receipts_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WriteResultJson)->Unit(benchmark::kMicrosecond);

void BM_CopyResultBytes(benchmark::State& state) {
  std::vector<std::string> results;
  for (const santei::PricedClaim& p : priced_mix()) results.push_back(santei::result_json(p, santei::bench::r06_masters()));
  std::string out(std::max_element(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); })->size(), '\0');
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& result = results[i++ % results.size()];
    std::memcpy(out.data(), result.data(), result.size());
    bytes += static_cast<std::int64_t>(result.size());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_CopyResultBytes)->Unit(benchmark::kMicrosecond);

}  // namespace
