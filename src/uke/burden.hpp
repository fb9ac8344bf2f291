// 負担区分 (記録条件仕様 別表21, fee-rules.md §8.3): which payers bear a line, as a bit set —
// bit 0 医保, bit n 第n公費 (n = 1…4).
#pragma once

#include <cstddef>
#include <cstdint>

namespace santei::uke {

// The payers of a 負担区分 code; 0 for a character that is not one.
std::uint8_t burden_payers(char code);
// The 負担区分 code of a payer set; '\0' if none has one (the empty set).
char burden_code(std::uint8_t payers);
// The payers of a receipt: 医保 (unless 公費単独) and its 公費, as a bit set.
std::uint8_t receipt_payers(bool has_insurer, std::size_t public_payers);

// 診療識別 97 (食事療養・生活療養・標準負担額): its records state yen in the 点数 field, which go to
// HO/KO 食事療養 合計金額, not to 合計点数 (fee-rules.md §1.2; the SSK sample's HO 6 leaves them out).
constexpr bool is_yen_category(std::uint8_t category) { return category == 97; }

}  // namespace santei::uke
