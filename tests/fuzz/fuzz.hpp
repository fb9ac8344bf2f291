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

// Stops the run when `condition` does not hold.
inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace santei::fuzz
