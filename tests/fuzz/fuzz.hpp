// Shared by the fuzz targets: what counts as a finding besides a crash, a leak or a sanitizer
// report. A santei::Exception is the expected answer to bad input, except internal_error, which
// santei reserves for its own bugs; any other exception escapes and libFuzzer reports it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "santei/result.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace santei::fuzz {

// Stops the run (a finding) when santei says it has a bug of its own.
inline void expected(const Exception& e) {
  if (e.status() == Status::internal_error) {
    std::fprintf(stderr, "internal_error: %s\n", e.what());
    std::abort();
  }
}

// Counts an input the target took as valid (a claim parsed, a file read, a result priced): the
// replay of the regressions and seeds fails when none was, since a seed set that stops at the
// first check reaches none of the paths it is there for.
inline std::size_t& accepted() {
  static std::size_t count = 0;
  return count;
}
inline void accept() { ++accepted(); }

// Stops the run when `condition` does not hold.
inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace santei::fuzz
