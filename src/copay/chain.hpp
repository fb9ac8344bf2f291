// The two passes over a plan's periods:
//  - the desk (窓口): what the window collects each visit date or bill, rounded per visit and
//    per 負担区分 group, with every month-to-date limit applied to the amounts actually
//    collected so far (copayment.md §2.2, §3.8);
//  - the receipt (レセプト): each payer's share in 1円 units on the month-to-date totals, as the
//    receipt computes it on the month (§4.7).
// And the meal split of a period (§5), outside 高額療養費, 公費 caps and rounding.
#pragma once

#include <array>
#include <vector>

#include "copay/plan.hpp"

namespace santei::copay {

struct DeskCharge {
  Yen window;                          // care part collected (meals apart)
  LimitKind bound = LimitKind::none;   // the limit that bound, if any
  std::string bound_by;                // "高額療養費", "公費 54 上限" …
};
std::vector<DeskCharge> run_desk(const Plan& plan);

struct ReceiptTotals {  // cumulative, 1円 units
  Yen insurer;
  std::array<Yen, kMaxPayers> kouhi{};          // what each 公費 pays
  std::array<Yen, kMaxPayers> kouhi_patient{};  // the patient's share under each 公費 (KO 負担金額)
  Yen patient;
};
std::vector<ReceiptTotals> run_receipt(const Plan& plan);  // after each period

struct MealSplit {
  Yen insurer;
  std::array<Yen, kMaxPayers> kouhi{};
  Yen patient;
};
MealSplit split_meals(const Plan& plan, const Period& period);

}  // namespace santei::copay
