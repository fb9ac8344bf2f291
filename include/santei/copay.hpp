// santei/copay.hpp — the window charge (窓口負担金) and every payer's share of a priced claim.
//
// The rules (rates by age, 高額療養費 limits, 公費 programmes, meal charges, the 配慮措置) are dated
// data in masters/rules/*.xml, compiled into santei, loaded once and shared read-only;
// ../shared/docs/copayment.md is the reference. compute_copay() is a pure function: call it from
// any number of threads.
//
// What the fields mean (all whole yen):
//   medical_cost = care_cost + meals_yen; medical_cost = patient_yen + insurer_yen + Σ public_expenses[].yen.
//   patient_yen is what the window collects (rounded per visit date / bill, limits applied day by
//   day); the receipt figures in 1円 units are insurer_claim_yen, public_expenses[].yen,
//   public_expenses[].patient_yen and patient_exact_yen. The few yen the window rounding moves
//   stay with the provider; insurer_yen = insurer_claim_yen − (patient_yen − patient_exact_yen)
//   carries them so that the shares add up to the medical cost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei {

struct Claim;
struct PricedClaim;

// One line this institution writes into a capped 公費's 自己負担上限額管理票 (難病 54, 小慢 52,
// 自立支援 15/16/21, 肝炎 38 …): one per visit date (per bill inpatient) with care under the 公費.
// The cap is shared by every institution the patient visits in the month; the claim says what the
// 管理票 already showed (public_expenses[].paid_this_month_yen, cap_reached_on).
struct CapLedgerLine {
  Date date;               // 日付: the visit date, or the bill's last date
  std::string institution; // 医療機関名 (claim facility.name)
  Yen cost;                // 医療費総額 (10割) of that day's care under this 公費
  Yen patient_yen;         // 自己負担額: what the window collected under this 公費 that day
  Yen cumulative_yen;      // 自己負担累積額 (月額): the 管理票's total after this line
  bool reached = false;    // the monthly cap is reached (that day or before): later lines collect 0
};

// One 公費's share of the month, in priority order (第1公費 first).
struct PublicExpenseShare {
  std::string law;      // 法別番号
  Yen yen;              // what the programme pays (care and meals, 1円 units)
  Yen patient_yen;      // the patient's share under this 公費 (KO 負担金額, care, 1円 units)
  Yen meal_yen;         // the part of `yen` paid for meals (食事療養 標準負担額)
  std::optional<Yen> cap_yen;          // 自己負担上限月額 as applied at the month end; none without a cap
  std::optional<Date> cap_reached_on;  // the day the 管理票 reached the cap (here or elsewhere)
  std::vector<CapLedgerLine> ledger;   // this institution's 管理票 lines, capped 公費 only
  // Non-empty for a 地方単独 programme whose parameters santei does not have: what it needs
  // ("needs parameters for 法別 83 (公費負担者番号 83123067)…"). Its yen are then 0 and the
  // patient's share is the share before the programme; every other figure is exact.
  std::string needs;
};

// One visit date (outpatient) or bill (inpatient): the desk's figures with month-to-date limits.
struct DailyCopay {
  Date date;                          // the visit date, or the last date of the bill
  std::int64_t points = 0;            // that day's (bill's) points
  Yen patient_yen;                    // collected at the window that day (meals included)
  Yen meals_patient_yen;              // the 食事 標準負担額 part of patient_yen
  Yen insurer_yen;                    // the day's cost − patient_yen − Σ public_expenses
  std::vector<Yen> public_expenses;   // per 公費, in priority order: the day's change of its share
  std::string limit;                  // the limit that bound that day, empty if none
};

struct CopayResult {
  Yen medical_cost;            // 総医療費 = care_cost + meals_yen
  Yen care_cost;               // points × 10 (+ yen-priced care items)
  Decimal rate;                // 負担割合 applied (1 for 公費単独: the 公費 is liable for the whole cost)
  Yen patient_yen;             // the month's window charge (sum of daily; meals included)
  Yen insurer_yen;             // 保険者, as the balance: medical_cost − patient_yen − Σ 公費
  Yen insurer_claim_yen;       // 保険者 on the receipt: 医療費 × 給付率 after 高額療養費, plus 食事療養費
  Yen patient_exact_yen;       // the patient's share in 1円 units, before window rounding
  std::vector<PublicExpenseShare> public_expenses;
  Yen meals_yen;               // 食事療養 total (category 97 lines)
  Yen meals_patient_yen;       // 標準負担額 part of it paid by the patient
  Yen meals_insurer_yen;       // 入院時食事療養費: the part the insurer pays (meals_yen − 標準負担額)
  std::vector<DailyCopay> daily;
  std::vector<std::string> explain;  // the rules and figures that made the amounts
};

struct CopayOptions {
  bool explain = true;  // fill CopayResult::explain
};

// The copayment of a priced claim: per visit date in order (outpatient) or per bill (inpatient:
// bills close at admission.bill_dates, the discharge and the month end), applying the month's
// limits to what was collected so far. Category-97 lines are meals: `yen` per meal, `count`
// meals. Throws santei::Exception (claim_error naming the field, or rule_error naming the rule
// file) for inputs the rules cannot price: an unknown 法別番号, a missing income bracket where a
// cap needs it, a rate outside 0–1, a 公費 without its required parameter, a period whose
// figures santei does not have.
SANTEI_API CopayResult compute_copay(const Claim& claim, const PricedClaim& priced, const CopayOptions& options = {});
// The same into `into`, which holds this claim's copayment alone afterwards: its vectors keep their
// memory, so a batch that reuses one result does not allocate them per claim (price(…, into) does).
// After an exception `into` holds no meaningful figures.
SANTEI_API void compute_copay(const Claim& claim, const PricedClaim& priced, const CopayOptions& options,
                              CopayResult& into);

}  // namespace santei
