// The receipt (レセプト) figures in 1円 units: after each period, the month-to-date chain on the
// month-to-date costs (copayment.md §4.7). The last evaluation is the month's receipt: the
// insurer's share after 高額療養費, each 公費's share and the patient's share under it (KO
// 負担金額), with no window rounding.
#include <algorithm>

#include "copay/chain.hpp"
#include "santei/rounding.hpp"

namespace santei::copay {

std::vector<ReceiptTotals> run_receipt(const Plan& plan) {
  const std::size_t groups = plan.groups.size();
  std::vector<Yen> cost(groups);
  // Per-day shares (地方単独) are per date: the share of each date is min(that date's increase of
  // what is left to the programme, the amount still chargeable that date).
  std::vector<std::array<Yen, kMaxPayers>> per_day_share(groups), previous_liable(groups);
  std::array<int, kMaxPayers> charged_days{};

  std::vector<ReceiptTotals> out;
  out.reserve(plan.periods.size());
  for (const Period& period : plan.periods) {
    for (std::size_t g = 0; g < groups; ++g) cost[g] += period.cost[g];
    std::array<Yen, kMaxPayers> day_left{};
    std::array<Yen, kMaxPayers> used{};
    for (std::size_t k = 0; k < plan.payers.size(); ++k) {
      const Payer& p = plan.payers[k];
      used[k] = p.paid_before;
      if (p.share == ShareKind::per_day && (p.max_days == 0 || charged_days[k] < p.max_days)) day_left[k] = p.per_day;
    }
    std::array<bool, kMaxPayers> charged_today{};
    std::vector<Yen> patient(groups);
    ReceiptTotals totals;

    for (const std::size_t g : plan.order) {
      const Yen c = cost[g];
      if (c.value == 0) continue;
      const Group& group = plan.groups[g];
      Yen liable = c;
      if (group.insurance) {
        const Yen copay = rounding::share_of_cost(c, plan.rate);
        Yen limit = limit_of(group.limit, c).yen;
        if (plan.combine && group.insurance_only && copay >= plan.combine_threshold) {
          Yen combined_cost = c, others;
          bool any = false;
          for (std::size_t h = 0; h < groups; ++h) {
            const Group& other = plan.groups[h];
            if (!other.insurance || other.insurance_only || cost[h].value == 0) continue;
            if (rounding::share_of_cost(cost[h], plan.rate) < plan.combine_threshold) continue;
            combined_cost += cost[h];
            others += patient[h];
            any = true;
          }
          if (any) limit = std::min(limit, limit_of(group.limit, combined_cost).yen - others);
        }
        liable = std::min(copay, std::max(Yen{0}, limit));
        totals.insurer += c - liable;
      }
      for (std::uint8_t j = 0; j < group.payer_count; ++j) {
        const auto k = static_cast<std::size_t>(group.payers[j]);
        const Payer& payer = plan.payers[k];
        Yen share;
        switch (payer.share) {
          case ShareKind::rate: share = rounding::share_of_cost(c, payer.rate); break;
          case ShareKind::per_day: {
            const Yen increase = std::max(Yen{0}, liable - previous_liable[g][j]);
            const Yen take = std::min(increase, day_left[k]);
            if (period.cost[g].value > 0 && take.value > 0) {
              day_left[k] -= take;
              per_day_share[g][j] += take;
              charged_today[k] = true;
            }
            share = per_day_share[g][j];
            break;
          }
          case ShareKind::liable: share = liable; break;
          case ShareKind::none: share = Yen{0}; break;
        }
        previous_liable[g][j] = liable;
        const Yen cap = payer.cap_is_kougaku ? limit_of(payer.cap_spec, c).yen : payer.cap;
        const Yen room = cap >= kUnlimited ? kUnlimited : cap - used[k];
        const Yen next = std::min({liable, share, std::max(Yen{0}, room)});
        totals.kouhi[k] += liable - next;
        totals.kouhi_patient[k] += next;
        used[k] += next;
        liable = next;
      }
      patient[g] = liable;
      totals.patient += liable;
    }
    for (std::size_t k = 0; k < plan.payers.size(); ++k) charged_days[k] += charged_today[k] ? 1 : 0;
    out.push_back(totals);
  }
  return out;
}

MealSplit split_meals(const Plan& plan, const Period& period) {
  MealSplit split;
  for (const MealPart& part : period.meals) {
    const Group& group = plan.groups[part.group];
    // The insurer pays the 食事療養費 above the 標準負担額; without insurance the 公費 is liable for all.
    Yen liable = part.cost;
    if (group.insurance) {
      liable = std::min(part.cost, part.standard);
      split.insurer += part.cost - liable;
    }
    for (std::uint8_t j = 0; j < group.payer_count; ++j) {
      const auto k = static_cast<std::size_t>(group.payers[j]);
      Yen patient;
      switch (*plan.payers[k].meals) {
        case MealRule::covered: patient = Yen{0}; break;
        case MealRule::half: patient = rounding::percent_of_half_up(std::min(liable, part.standard), 50); break;
        case MealRule::patient: patient = std::min(liable, part.standard); break;
      }
      split.kouhi[k] += liable - patient;
      liable = patient;
    }
    split.patient += liable;
  }
  return split;
}

}  // namespace santei::copay
