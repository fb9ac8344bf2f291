// The wording of an explanation step, appended to a caller's buffer (result_json writes each
// step through one reused buffer; explain_text in santei/pricing.hpp returns it as a string).
#pragma once

#include <fmt/format.h>

#include "santei/pricing.hpp"

namespace santei::output {

// A memory buffer, not a std::string: fmt writes into a string by resizing it first, zero-filling
// the room it then overwrites (a third of a step's wording, callgrind).
void append_explain_text(fmt::memory_buffer& out, const ExplainStep& step, const MasterSet& set, Date on);

}  // namespace santei::output
