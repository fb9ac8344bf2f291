// Heap allocations made by this process so far: santei_bench replaces the global operator new
// (allocation_counter.cpp) so a benchmark can report allocations per receipt (issue 17: the
// no-explain pricing path's goal is 0).
#pragma once

#include <cstdint>

namespace santei::bench {

std::uint64_t allocations();

}  // namespace santei::bench
