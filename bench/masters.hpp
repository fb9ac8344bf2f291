// The real SSK masters the benchmarks price with (../shared/masters), each loaded once per process.
#pragma once

#include <string>
#include <vector>

#include "santei/generate.hpp"
#include "santei/masters.hpp"
#include "santei/santei.h"

namespace santei::bench {

inline const MasterLibrary& r06_masters() {
  static const MasterLibrary masters = MasterLibrary::load(std::string(SANTEI_SHARED_MASTERS) + "/r06");
  return masters;
}

// The r06 masters through the C ABI (santei_masters_load), for its benchmarks.
inline santei_masters* r06_c_masters() {
  static santei_masters* masters = [] {
    santei_masters* m = nullptr;
    santei_masters_new(&m);
    santei_masters_load(m, (std::string(SANTEI_SHARED_MASTERS) + "/r06").c_str());
    return m;
  }();
  return masters;
}

// r04 and r06, for the revision-to-revision regression.
inline const MasterLibrary& all_masters() {
  static const MasterLibrary masters = MasterLibrary::load(SANTEI_SHARED_MASTERS);
  return masters;
}

// `count` claims of `santei generate` on `masters` for July 2024, one JSON text each: as in a
// month's file, they use thousands of distinct codes.
inline std::vector<std::string> generated_claims(const MasterLibrary& masters, std::size_t count) {
  GenerateOptions options;
  options.month = *YearMonth::parse("2024-07");
  options.seed = 20240701;
  const ClaimGenerator generator(masters, options);
  std::vector<std::string> out(count);
  for (std::size_t i = 0; i < count; ++i) generator.append_json(i, out[i]);
  return out;
}

}  // namespace santei::bench
