#include "output/copay_json.hpp"

namespace santei::output {

void write_copay_json(JsonWriter& out, const CopayResult& copay) {
  out.begin_object();
  out.field("medical_cost_yen", copay.medical_cost.value);
  out.field("care_cost_yen", copay.care_cost.value);
  out.field("rate", copay.rate);
  out.field("patient_yen", copay.patient_yen.value);
  out.field("insurer_yen", copay.insurer_yen.value);
  out.field("insurer_claim_yen", copay.insurer_claim_yen.value);
  out.field("patient_exact_yen", copay.patient_exact_yen.value);
  out.key("public_expenses").begin_array();
  for (const PublicExpenseShare& share : copay.public_expenses) {
    out.begin_object();
    out.field("law", share.law);
    if (share.needs.empty()) {
      out.field("yen", share.yen.value);
      out.field("patient_yen", share.patient_yen.value);
      out.field("meal_yen", share.meal_yen.value);
    } else {  // unknown, not 0: the patient's share above is the share before this programme
      out.key("yen").null();
      out.key("patient_yen").null();
      out.key("meal_yen").null();
      out.field("needs", share.needs);
    }
    if (share.cap_yen) out.field("cap_yen", share.cap_yen->value);
    if (share.cap_reached_on) out.field("cap_reached_on", *share.cap_reached_on);
    if (share.cap_yen) {  // the 自己負担上限額管理票 lines of this institution
      out.key("ledger").begin_array();
      for (const CapLedgerLine& line : share.ledger) {
        out.begin_object().field("date", line.date);
        if (!line.institution.empty()) out.field("institution", line.institution);
        out.field("cost_yen", line.cost.value).field("patient_yen", line.patient_yen.value);
        out.field("cumulative_yen", line.cumulative_yen.value).field("reached", line.reached).end_object();
      }
      out.end_array();
    }
    out.end_object();
  }
  out.end_array();
  out.field("meals_yen", copay.meals_yen.value);
  out.field("meals_patient_yen", copay.meals_patient_yen.value);
  out.key("daily").begin_array();
  for (const DailyCopay& day : copay.daily) {
    out.begin_object();
    out.field("date", day.date);
    out.field("points", day.points);
    out.field("patient_yen", day.patient_yen.value);
    if (day.meals_patient_yen.value != 0) out.field("meals_patient_yen", day.meals_patient_yen.value);
    out.field("insurer_yen", day.insurer_yen.value);
    if (!day.public_expenses.empty()) {
      out.key("public_expenses").begin_array();
      for (const Yen yen : day.public_expenses) out.value(yen.value);
      out.end_array();
    }
    if (!day.limit.empty()) out.field("limit", day.limit);
    out.end_object();
  }
  out.end_array();
  out.key("explain").begin_array();
  for (const std::string& line : copay.explain) out.value(line);
  out.end_array();
  // 入院時食事療養費 the insurer pays (inpatient meals only; after the contract fields).
  if (copay.meals_yen.value != 0) out.field("meals_insurer_yen", copay.meals_insurer_yen.value);
  out.end_object();
}

}  // namespace santei::output
