#include "core/names.hpp"

#include <algorithm>
#include <vector>

namespace santei {
namespace {

// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring).
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string_view nearest_name(std::string_view word, std::span<const std::string_view> defined) {
  // Words far longer than any name are not misspellings of one (and would cost a large table).
  constexpr std::size_t kLongest = 64;
  if (word.empty() || word.size() > kLongest) return {};
  std::string_view best;
  std::size_t best_distance = 0;
  for (const std::string_view name : defined) {
    const std::size_t d = distance(word, name);
    const std::size_t allowed = std::max<std::size_t>(1, std::max(word.size(), name.size()) / 3);
    if (d <= allowed && (best.empty() || d < best_distance)) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

std::string unknown_name(std::string_view what, std::string_view word, std::span<const std::string_view> defined) {
  std::string out = "unknown ";
  out += what;
  if (const std::string_view near = nearest_name(word, defined); !near.empty()) {
    out += "; did you mean ";
    out += near;
    out += '?';
    return out;
  }
  if (defined.empty()) return out + "; none is defined here";
  out += "; expected one of ";
  for (std::size_t i = 0; i < defined.size(); ++i) {
    if (i > 0) out += ", ";
    out += defined[i];
  }
  return out;
}

}  // namespace santei
