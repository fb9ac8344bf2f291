// Control bytes (0x00–0x1F and 0x7F): never part of a CP932 character (trail bytes are 0x40 or above)
// nor of a multi-byte UTF-8 one, and never data in a claim, a master row or a UKE record — a NUL, a
// stray CR or an escaped "\u0001" is damage, not text.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/byte_lanes.hpp"

namespace santei {

inline bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }

namespace detail {

// Whether the word of `Word` at `at` holds a control byte.
template <class Word>
bool control_in(const char* at) {
  Word word;
  std::memcpy(&word, at, sizeof word);
  return (byte_lanes::below(word, 0x20) | byte_lanes::equal(word, 0x7F)) != 0;
}

}  // namespace detail

// Offset of the first control byte of `text`, or npos. Tested a word at a time, the last word
// overlapping the one before (most texts of a claim are 2–10 bytes: two words of 4 or of 8); a byte
// at a time, the test was a twentieth of reading a claim (callgrind). The byte is looked for only
// once a word holds one.
inline std::size_t find_control(std::string_view text) noexcept {
  const std::size_t n = text.size();
  const char* const p = text.data();
  bool found = false;
  if (n >= 8) {
    for (std::size_t at = 0; at + 8 < n && !found; at += 8) found = detail::control_in<std::uint64_t>(p + at);
    found = found || detail::control_in<std::uint64_t>(p + n - 8);
  } else if (n >= 4) {
    found = detail::control_in<std::uint32_t>(p) || detail::control_in<std::uint32_t>(p + n - 4);
  } else {
    found = std::any_of(text.begin(), text.end(), is_control);
  }
  if (!found) return std::string_view::npos;
  return static_cast<std::size_t>(std::find_if(text.begin(), text.end(), is_control) - text.begin());
}

}  // namespace santei
