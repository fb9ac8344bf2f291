// The master names of the codes in a priced claim, for explanations and text output.
#pragma once

#include <string_view>

#include "santei/masters.hpp"

namespace santei::output {

// Views into the masters (they outlive the result): no copy per explanation line.
// The name of a 診療行為, 医薬品 or 特定器材 code (a コメント's text) in force on `on`; empty if none.
std::string_view item_name(Code code, const MasterSet& set, Date on);
// Its unit (data_unit_name of a 診療行為, unit_name of a drug or material); empty if none.
std::string_view item_unit(Code code, const MasterSet& set, Date on);

}  // namespace santei::output
