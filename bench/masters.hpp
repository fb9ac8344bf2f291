// The real SSK masters the benchmarks price with (../shared/masters), each loaded once per process.
#pragma once

#include <string>

#include "santei/masters.hpp"

namespace santei::bench {

inline const MasterLibrary& r06_masters() {
  static const MasterLibrary masters = MasterLibrary::load(std::string(SANTEI_SHARED_MASTERS) + "/r06");
  return masters;
}

// r04 and r06, for the revision-to-revision regression.
inline const MasterLibrary& all_masters() {
  static const MasterLibrary masters = MasterLibrary::load(SANTEI_SHARED_MASTERS);
  return masters;
}

}  // namespace santei::bench
