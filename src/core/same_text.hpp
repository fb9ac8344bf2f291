// Whether two short texts are the same, compared in line: JSON keys, 区分 and 法別 names.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace santei {

// Lengths first, then in line (keys and names are a few bytes: a call to memcmp cost more than the
// comparison) as two overlapping words of 8 or 4 bytes, the first and the last of each text. A byte
// at a time was a tenth of reading a claim; a call to memcmp a name, most of finding a 区分's limit
// row (callgrind).
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  const auto words_equal = [&](auto word) {
    constexpr std::size_t w = sizeof(word);
    decltype(word) xh, xt, yh, yt;
    std::memcpy(&xh, x, w);
    std::memcpy(&yh, y, w);
    std::memcpy(&xt, x + n - w, w);
    std::memcpy(&yt, y + n - w, w);
    return ((xh ^ yh) | (xt ^ yt)) == 0;
  };
  if (n >= 8 && n <= 16) return words_equal(std::uint64_t{});
  if (n >= 4 && n < 8) return words_equal(std::uint32_t{});
  if (n > 16) return std::memcmp(x, y, n) == 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

}  // namespace santei
