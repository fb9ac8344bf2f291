// The wording of an explanation step, appended to a caller's buffer (result_json writes each
// step through one reused buffer; explain_text in santei/pricing.hpp returns it as a string).
#pragma once

#include <string>

#include "santei/pricing.hpp"

namespace santei::output {

void append_explain_text(std::string& out, const ExplainStep& step, const MasterSet& set, Date on);

}  // namespace santei::output
