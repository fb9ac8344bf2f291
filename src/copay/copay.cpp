// compute_copay: the plan, the desk pass, the receipt pass and the meals, assembled per period.
#include <fmt/format.h>

#include "copay/chain.hpp"
#include "copay/plan.hpp"
#include "santei/copay.hpp"

namespace santei {

CopayResult compute_copay(const Claim& claim, const PricedClaim& priced) {
  const copay::RuleSet& rules = copay::rules();
  copay::Plan plan = copay::make_plan(claim, priced, rules);
  const std::vector<copay::DeskCharge> desk = copay::run_desk(plan);
  const std::vector<copay::ReceiptTotals> receipt = copay::run_receipt(plan);
  const std::size_t payers = plan.payers.size();

  CopayResult result;
  result.care_cost = plan.care_cost;
  result.meals_yen = plan.meal_cost;
  result.medical_cost = plan.care_cost + plan.meal_cost;
  result.rate = plan.rate;
  result.public_expenses.resize(payers);
  for (std::size_t k = 0; k < payers; ++k) result.public_expenses[k].law = plan.payers[k].law;

  copay::ReceiptTotals previous;
  Yen meal_insurer;
  result.daily.reserve(plan.periods.size());
  for (std::size_t p = 0; p < plan.periods.size(); ++p) {
    const copay::Period& period = plan.periods[p];
    const copay::MealSplit meals = copay::split_meals(plan, period);
    DailyCopay day;
    day.date = period.date;
    day.points = period.points;
    day.meals_patient_yen = meals.patient;
    day.patient_yen = desk[p].window + meals.patient;
    day.limit = desk[p].bound_by;
    Yen cost;
    for (const Yen c : period.cost) cost += c;
    for (const copay::MealPart& m : period.meals) cost += m.cost;
    Yen public_total;
    day.public_expenses.resize(payers);
    for (std::size_t k = 0; k < payers; ++k) {
      day.public_expenses[k] = receipt[p].kouhi[k] - previous.kouhi[k] + meals.kouhi[k];
      public_total += day.public_expenses[k];
      result.public_expenses[k].yen += day.public_expenses[k];
      result.public_expenses[k].meal_yen += meals.kouhi[k];
    }
    day.insurer_yen = cost - day.patient_yen - public_total;
    result.patient_yen += day.patient_yen;
    result.insurer_yen += day.insurer_yen;
    result.meals_patient_yen += meals.patient;
    meal_insurer += meals.insurer;
    previous = receipt[p];
    result.daily.push_back(std::move(day));
  }
  if (!receipt.empty()) {
    const copay::ReceiptTotals& month = receipt.back();
    result.insurer_claim_yen = month.insurer + meal_insurer;
    result.meals_insurer_yen = meal_insurer;
    result.patient_exact_yen = month.patient + result.meals_patient_yen;
    for (std::size_t k = 0; k < payers; ++k) result.public_expenses[k].patient_yen = month.kouhi_patient[k];
  }
  result.explain = std::move(plan.explain);
  result.explain.push_back(fmt::format("window: {}円 over {} {}; receipt: insurer {}円, patient {}円 in 1円 units",
                                       result.patient_yen.value, result.daily.size(),
                                       claim.setting == Setting::outpatient ? "visit dates" : "bills",
                                       result.insurer_claim_yen.value, result.patient_exact_yen.value));
  return result;
}

}  // namespace santei
