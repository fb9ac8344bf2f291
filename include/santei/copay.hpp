// santei/copay.hpp — the window charge (窓口負担金) and every payer's share of a priced claim.
//
// The rules (rates by age, 高額療養費 limits, 公費 programmes, meal charges) are dated data in
// masters/rules/*.xml, compiled into santei; ../shared/docs/copayment.md is the reference.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei {

struct Claim;
struct PricedClaim;

// One 公費's share of the month.
struct PublicExpenseShare {
  std::string law;      // 法別番号
  Yen yen;              // what the programme pays
  Yen patient_yen;      // the patient's share under this 公費 (KO 負担金額, 1円 units)
};

// One visit date (outpatient) or bill (inpatient): the desk's figures with month-to-date limits.
struct DailyCopay {
  Date date;
  std::int64_t points = 0;
  Yen patient_yen;             // collected at the window that day
  std::vector<Yen> public_expenses;  // per 公費, in priority order
  std::string limit;           // the limit that bound that day, empty if none
};

struct CopayResult {
  Yen medical_cost;            // 総医療費 = points × 10 (meals apart)
  Decimal rate;                // 負担割合 applied
  Yen patient_yen;             // the month's window charge (sum of daily; meals included)
  Yen insurer_yen;             // 保険者
  std::vector<PublicExpenseShare> public_expenses;
  Yen meals_yen;               // 食事療養 total
  Yen meals_patient_yen;       // 標準負担額 part of it
  std::vector<DailyCopay> daily;
  std::vector<std::string> explain;  // the rules and figures that made the amounts
};

// The copayment of a priced claim: per visit date in order (outpatient) or per bill (inpatient),
// applying the month's limits to what was collected so far. Throws santei::Exception
// (claim_error / rule_error) for inputs the rules cannot price: an unknown 法別番号, a missing
// income bracket where a cap needs it, a 公費 without its required parameter.
SANTEI_API CopayResult compute_copay(const Claim& claim, const PricedClaim& priced);

}  // namespace santei
