// Claims one per line (JSON Lines, `santei price` and `santei regress`), and the one error of a
// claim over kMaxClaimBytes, whoever meets it: parse_claim, santei_price's length check, and the
// line readers that read such a line past without holding it.
#pragma once

#include <cstdint>
#include <string_view>

#include "claim/json_tree.hpp"
#include "santei/claim.hpp"
#include "santei/result.hpp"

namespace santei::claim {

// A line of spaces, tabs and CRs holds no claim: it is skipped, not an error.
bool blank_line(std::string_view line);

// limit_exceeded: "a claim of N bytes is over the 16777216-byte limit".
ErrorInfo over_size(std::uint64_t bytes);

// santei::parse_claim(json, into) of a claim kept padded by a batch's reader: parsed where it lies.
void parse_claim(const json::PaddedText& json, Claim& into);

}  // namespace santei::claim
