// 負担区分 (記録条件仕様 別表21, fee-rules.md §8.3): which payers bear a line, as a bit set —
// bit 0 医保, bit n 第n公費 (n = 1…4).
#pragma once

#include <cstdint>

namespace santei::uke {

// The payers of a 負担区分 code; 0 for a character that is not one.
std::uint8_t burden_payers(char code);
// The 負担区分 code of a payer set; '\0' if none has one (the empty set).
char burden_code(std::uint8_t payers);
// The payers of a receipt: 医保 (unless 公費単独) and its 公費, as a bit set.
std::uint8_t receipt_payers(bool has_insurer, std::size_t public_payers);

}  // namespace santei::uke
