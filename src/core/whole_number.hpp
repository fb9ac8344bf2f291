// A whole number written in ASCII digits and nothing else ("12", not "+12", "1.0" or "１２").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace santei {

// nullopt for an empty text, any character that is not 0–9, or more than 18 digits.
inline std::optional<std::int64_t> whole_number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace santei
