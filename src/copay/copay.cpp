// compute_copay: the plan, the desk pass, the receipt pass and the meals, assembled per period.
#include <fmt/format.h>

#include "copay/chain.hpp"
#include "copay/compute.hpp"
#include "copay/explain.hpp"
#include "copay/meals.hpp"
#include "copay/plan.hpp"
#include "santei/copay.hpp"

namespace santei {

namespace {

// Every figure of `result` zeroed for a new claim with `payers` 公費, its vectors' memory kept.
void clear_for_reuse(CopayResult& result, std::size_t payers) {
  result.patient_yen = {};
  result.insurer_yen = {};
  result.meals_patient_yen = {};
  result.public_expenses.resize(payers);
  for (PublicExpenseShare& share : result.public_expenses) {
    share.yen = {};
    share.patient_yen = {};
    share.meal_yen = {};
    share.cap_yen.reset();
    share.ledger.clear();
  }
  // result.explain is written over at the end (explain_copay keeps its strings' room), or cleared.
}

}  // namespace

CopayResult compute_copay(const Claim& claim, const PricedClaim& priced, const CopayOptions& options) {
  CopayResult result;
  compute_copay(claim, priced, options, result);
  return result;
}

void compute_copay(const Claim& claim, const PricedClaim& priced, const CopayOptions& options, CopayResult& result) {
  if (std::optional<ErrorInfo> undecided = copay::compute(claim, priced, options, result)) throw Exception(std::move(*undecided));
}

std::optional<ErrorInfo> copay::compute(const Claim& claim, const PricedClaim& priced, const CopayOptions& options,
                                        CopayResult& result) {
  const copay::RuleSet& rules = copay::rules();
  const copay::Plan plan = copay::make_plan(claim, priced, rules);
  if (plan.rate_decision.undecided) return plan.rate_decision.undecided;
  copay::Desk desk(plan);
  copay::Receipt receipt(plan);
  const std::size_t payers = plan.payers.size();

  clear_for_reuse(result, payers);
  result.care_cost = plan.care_cost;
  result.meals_yen = plan.meal_cost;
  result.medical_cost = plan.care_cost + plan.meal_cost;
  result.rate = plan.rate;
  std::array<Yen, copay::kMaxPayers> capped_cost{};
  for (std::size_t k = 0; k < payers; ++k) {
    result.public_expenses[k].law = plan.payers[k].law;
    result.public_expenses[k].cap_reached_on = plan.payers[k].reached_on;
    result.public_expenses[k].needs = plan.payers[k].needs;
  }

  copay::ReceiptTotals previous;
  Yen meal_insurer;
  result.daily.resize(plan.periods.size());
  for (std::size_t p = 0; p < plan.periods.size(); ++p) {
    const copay::Period& period = plan.periods[p];
    const copay::DeskCharge charge = desk.step(period);
    const copay::ReceiptTotals totals = receipt.step(period);
    const copay::MealSplit meals = copay::split_meals(plan, period);
    DailyCopay& day = result.daily[p];  // every field set below
    day.date = period.date;
    day.points = period.points;
    day.meals_patient_yen = meals.patient;
    day.patient_yen = charge.window + meals.patient;
    day.limit.clear();
    if (charge.bound == copay::LimitKind::public_cap) {
      day.limit = fmt::format("公費 {} 上限", plan.payers[static_cast<std::size_t>(charge.bound_payer)].law);
    } else if (charge.bound != copay::LimitKind::none) {
      day.limit = copay::limit_name(charge.bound);
    }
    Yen cost;
    for (std::size_t g = 0; g < plan.groups.size(); ++g) cost += period.cost[g];
    for (const copay::MealPart& m : period.meals) cost += m.cost;
    Yen public_total;
    day.public_expenses.resize(payers);
    for (std::size_t k = 0; k < payers; ++k) {
      day.public_expenses[k] = totals.kouhi[k] - previous.kouhi[k] + meals.kouhi[k];
      public_total += day.public_expenses[k];
      PublicExpenseShare& share = result.public_expenses[k];
      share.yen += day.public_expenses[k];
      share.meal_yen += meals.kouhi[k];
      // The 上限額管理票 line of a capped 公費 (copayment.md §4.3): the day's 10割 cost under it,
      // what was collected under it, the 管理票 total; after the cap is reached, 0 is collected.
      if (plan.payers[k].has_cap() && charge.ledger_cost[k].value > 0) {
        capped_cost[k] += charge.ledger_cost[k];
        share.ledger.push_back(CapLedgerLine{period.date, claim.facility.name, charge.ledger_cost[k], charge.ledger_yen[k],
                                             charge.ledger_total[k], charge.reached[k]});
        if (charge.reached[k]) share.cap_reached_on = charge.reached_on[k];
      }
    }
    day.insurer_yen = cost - day.patient_yen - public_total;
    result.patient_yen += day.patient_yen;
    result.insurer_yen += day.insurer_yen;
    result.meals_patient_yen += meals.patient;
    meal_insurer += meals.insurer;
    previous = totals;
  }
  // The last month-to-date receipt is the month's.
  result.insurer_claim_yen = previous.insurer + meal_insurer;
  result.meals_insurer_yen = meal_insurer;
  result.patient_exact_yen = previous.patient + result.meals_patient_yen;
  for (std::size_t k = 0; k < payers; ++k) {
    const copay::Payer& payer = plan.payers[k];
    result.public_expenses[k].patient_yen = previous.kouhi_patient[k];
    if (payer.has_cap()) result.public_expenses[k].cap_yen = payer.cap_is_kougaku ? copay::limit_of(payer.cap_spec, capped_cost[k]).yen : payer.cap;
  }
  if (options.explain) {
    copay::explain_copay(plan, claim, result.explain);
  } else {
    result.explain.clear();
  }
  return std::nullopt;
}

}  // namespace santei
