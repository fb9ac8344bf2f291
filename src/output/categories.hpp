// 診療識別 names for text output (記録条件仕様 別表20, as in ../shared/docs/fee-rules.md §1.2).
#pragma once

#include <cstdint>
#include <string>

namespace santei::output {

// "初診" for 11, "検査・病理" for 60 …; the two digits for a code the table does not name.
std::string category_name(std::uint8_t category);

}  // namespace santei::output
