// Loading the real r06 set: every master, the 電子点数表 and the applied updates.
#include <benchmark/benchmark.h>

#include "santei/masters.hpp"

static void BM_LoadR06(benchmark::State& state) {
  for (auto _ : state) {
    auto set = santei::MasterSet::load(std::string(SANTEI_SHARED_MASTERS) + "/r06");
    benchmark::DoNotOptimize(set);
  }
}
BENCHMARK(BM_LoadR06)->Unit(benchmark::kMillisecond)->MinTime(3.0);

BENCHMARK_MAIN();
