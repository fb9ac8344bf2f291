// A name santei does not define (a claim key, a rule file's attribute or element) is refused by
// name, with the defined name it most likely misspells.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace santei {

// The name of `defined` nearest to `word` when it is near enough to be a misspelling of it (an
// edit distance — insertions, deletions, substitutions, swaps of neighbours — of at most a third
// of the longer word, at least 1), else empty. The first of equally near names wins.
std::string_view nearest_name(std::string_view word, std::span<const std::string_view> defined);

// "unknown <what>; did you mean quantity?", or when no defined name is near,
// "unknown <what>; expected one of code, quantity, unit_price, text" (or "…; none is defined here").
std::string unknown_name(std::string_view what, std::string_view word, std::span<const std::string_view> defined);

}  // namespace santei
