// What a read receipt states, summed.
#include "santei/uke.hpp"
#include "uke/burden.hpp"

namespace santei {

Points UkeReceipt::stated_total() const {
  if (insurer) return insurer->total;
  return public_payers.empty() ? Points{} : public_payers.front().total;
}

Points UkeReceipt::unit_total(int payer) const {
  Points sum;
  const auto bit = static_cast<std::uint8_t>(1U << payer);
  for (const UkeUnit& unit : units) {
    if (uke::is_yen_category(unit.category)) continue;  // yen: HO/KO 食事療養 合計金額
    if ((uke::burden_payers(unit.burden) & bit) != 0) sum += unit.total();
  }
  return sum;
}

const char* to_string(UkeCheck check) {
  switch (check) {
    case UkeCheck::day_sum: return "day_sum";
    case UkeCheck::unit_days: return "unit_days";
    case UkeCheck::unit_not_closed: return "unit_not_closed";
    case UkeCheck::payer_total: return "payer_total";
    case UkeCheck::payer_check_digit: return "payer_check_digit";
    case UkeCheck::receipt_count: return "receipt_count";
    case UkeCheck::file_total: return "file_total";
    case UkeCheck::receipt_number: return "receipt_number";
    case UkeCheck::payer_blank: return "payer_blank";
    case UkeCheck::encoding: return "encoding";
    case UkeCheck::dpc_total: return "dpc_total";
    case UkeCheck::layout: return "layout";
  }
  return "unknown";
}

}  // namespace santei
