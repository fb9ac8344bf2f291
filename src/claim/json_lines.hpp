// Claims one per line (JSON Lines, `santei price` and `santei regress`), and the one error of a
// claim over kMaxClaimBytes, whoever meets it: parse_claim, santei_price's length check, and the
// line readers that read such a line past without holding it.
#pragma once

#include <cstdint>
#include <string_view>

#include "santei/result.hpp"

namespace santei::claim {

// A line of spaces, tabs and CRs holds no claim: it is skipped, not an error.
bool blank_line(std::string_view line);

// limit_exceeded: "a claim of N bytes is over the 16777216-byte limit".
ErrorInfo over_size(std::uint64_t bytes);

}  // namespace santei::claim
