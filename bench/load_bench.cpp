// Loading the real masters: the whole r06 set (every master, the 電子点数表, the applied updates)
// from its CSVs and from its snapshot (docs/snapshot.md), and r04 + r06 side by side as a
// MasterLibrary. Goal (issue 2): r06 under 300 ms and 150 MB.
//
// Time is wall-clock (UseRealTime): the loader works on several threads. Counters:
//   peak_MB  peak resident memory while the benchmark ran (getrusage ru_maxrss; on Linux the peak
//            is reset before each benchmark through /proc/self/clear_refs, elsewhere it is the
//            process's peak so far — run one benchmark per process with --benchmark_filter)
//   held_MB  resident memory of the process with the loaded set still alive, after returning freed
//            heap to the system (glibc malloc_trim; Linux /proc/self/statm, else 0)
//   heap_MB  bytes the loaded set holds on the heap (glibc mallinfo2: in use, arenas and mmapped
//            chunks; else 0): held_MB also counts freed pages malloc keeps, which vary with the
//            order of allocations
//   read_MB  bytes of master files (or of the snapshot) read per load
//   cpu_ms   CPU time of all threads per load (getrusage user + system): on a shared machine the
//            wall time varies with the other load, this does much less
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <fstream>
#include <string>

#include <filesystem>

#include "santei/dpc.hpp"
#include "santei/masters.hpp"

namespace {

const std::string kMasters = SANTEI_SHARED_MASTERS;

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

double cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](timeval t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Linux only: "5" resets the peak resident set size (proc(5), clear_refs).
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

double held_rss_mb() {
#if defined(__GLIBC__)
  malloc_trim(0);  // freed file buffers would otherwise count as held
#endif
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double heap_in_use_mb() {
#if defined(__GLIBC__)
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#else
  return 0;
#endif
}

std::int64_t bytes_read(const santei::MasterSet& set) { return set.stats().bytes; }

template <class Load>
void run(benchmark::State& state, Load load) {
  reset_peak_rss();
  double held = 0;
  double heap = 0;
  double cpu = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const double cpu_before = cpu_ms();
    auto loaded = load();
    cpu += cpu_ms() - cpu_before;
    state.PauseTiming();
    held = held_rss_mb();
    heap = heap_in_use_mb();
    bytes = loaded.second;
    benchmark::DoNotOptimize(loaded.first);
    loaded = {};  // unloading is not timed
    state.ResumeTiming();
  }
  state.counters["peak_MB"] = peak_rss_mb();
  state.counters["held_MB"] = held;
  state.counters["heap_MB"] = heap;
  state.counters["read_MB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
  state.counters["cpu_ms"] = state.iterations() ? cpu / static_cast<double>(state.iterations()) : 0;
}

void BM_LoadR06(benchmark::State& state) {
  run(state, [] {
    auto set = santei::MasterSet::load(kMasters + "/r06");
    const std::int64_t bytes = bytes_read(*set);
    return std::make_pair(std::move(set), bytes);
  });
}

// The snapshot `santei masters compile ../shared/masters/REV` writes, compiled once per process
// into the temporary directory (not timed) and removed at exit; read_MB is its size.
struct CompiledSnapshot {
  std::filesystem::path path;
  explicit CompiledSnapshot(const std::string& revision)
      : path(std::filesystem::temp_directory_path() /
             ("santei-bench-" + revision + "-" + std::to_string(::getpid()) + ".snapshot")) {
    santei::compile_master_snapshot(kMasters + "/" + revision, path);
  }
  ~CompiledSnapshot() { std::filesystem::remove(path); }
};
const std::filesystem::path& r06_snapshot() {
  static const CompiledSnapshot snapshot("r06");
  return snapshot.path;
}
const std::filesystem::path& r04_snapshot() {
  static const CompiledSnapshot snapshot("r04");
  return snapshot.path;
}

void BM_LoadR06Snapshot(benchmark::State& state) {
  const std::filesystem::path& file = r06_snapshot();
  const auto size = static_cast<std::int64_t>(std::filesystem::file_size(file));
  run(state, [&file, size] { return std::make_pair(santei::MasterSet::load(file), size); });
}

// The floor of any snapshot load (issue 17): reading the snapshot file's bytes from the page cache
// into memory, beside BM_LoadR06Snapshot.
void BM_ReadR06SnapshotFile(benchmark::State& state) {
  const std::filesystem::path& file = r06_snapshot();
  std::string bytes(std::filesystem::file_size(file), '\0');
  for (auto _ : state) {
    std::ifstream in(file, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.gcount() != static_cast<std::streamsize>(bytes.size())) state.SkipWithError("short read");
    benchmark::DoNotOptimize(bytes.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes.size()));
}

void BM_LoadR04AndR06(benchmark::State& state) {
  run(state, [] {
    auto library = santei::MasterLibrary::load(kMasters);
    std::int64_t bytes = 0;
    for (const auto& set : library.sets()) bytes += bytes_read(*set);
    return std::make_pair(std::move(library), bytes);
  });
}

// Issue 17's "r04 + r06 ≤ 80 ms from snapshots": both revisions' snapshots into one library, as
// `santei regress --old r04.snapshot --new r06.snapshot` loads them.
void BM_LoadR04AndR06Snapshots(benchmark::State& state) {
  const std::filesystem::path& r04 = r04_snapshot();
  const std::filesystem::path& r06 = r06_snapshot();
  const auto size = static_cast<std::int64_t>(std::filesystem::file_size(r04) + std::filesystem::file_size(r06));
  run(state, [&r04, &r06, size] {
    santei::MasterLibrary library;
    library.add(santei::MasterSet::load(r04));
    library.add(santei::MasterSet::load(r06));
    return std::make_pair(std::move(library), size);
  });
}

// MHLW's DPC電子点数表 of ../shared/dpc: sheet 11 of the three workbooks (r06 twice, r08), the
// xlsx read in place. read_MB: the workbook files' sizes.
void BM_LoadDpcTables(benchmark::State& state) {
  const std::filesystem::path dir = std::filesystem::path(kMasters) / ".." / "dpc";
  run(state, [&dir] {
    auto tables = santei::DpcTables::load(dir);
    std::int64_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() == ".xlsx") bytes += static_cast<std::int64_t>(entry.file_size());
    }
    return std::make_pair(std::move(tables), bytes);
  });
}

}  // namespace

BENCHMARK(BM_LoadR06)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_LoadR06Snapshot)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_ReadR06SnapshotFile)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
BENCHMARK(BM_LoadR04AndR06)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_LoadR04AndR06Snapshots)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_LoadDpcTables)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

BENCHMARK_MAIN();
