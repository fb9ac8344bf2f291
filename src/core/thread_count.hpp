// A count of threads as santei's options give it (-j, --workers, a C ABI `threads` argument).
#pragma once

#include <algorithm>
#include <thread>

namespace santei::detail {

// `given`, or for 0 the hardware threads (at least 1).
inline unsigned thread_count(unsigned given) {
  return given != 0 ? given : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace santei::detail
