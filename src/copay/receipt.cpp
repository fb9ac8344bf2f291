// The receipt (レセプト) figures in 1円 units: after each period, the month-to-date chain on the
// month-to-date costs (copayment.md §4.7). The last evaluation is the month's receipt: the
// insurer's share after 高額療養費, each 公費's share and the patient's share under it (KO
// 負担金額), with no window rounding.
#include <algorithm>

#include "copay/chain.hpp"
#include "santei/rounding.hpp"

namespace santei::copay {

ReceiptTotals Receipt::step(const Period& period) {
  const std::size_t groups = plan_.groups.size();
  for (std::size_t g = 0; g < groups; ++g) cost_[g] += period.cost[g];
  std::array<Yen, kMaxPayers> day_left{};
  std::array<Yen, kMaxPayers> used{};
  for (std::size_t k = 0; k < plan_.payers.size(); ++k) {
    const Payer& p = plan_.payers[k];
    used[k] = p.paid_until(period.date);
    if (p.share == ShareKind::per_day && (p.max_days == 0 || charged_days_[k] < p.max_days)) day_left[k] = p.per_day;
  }
  std::array<bool, kMaxPayers> charged_today{};
  std::array<Yen, kMaxGroups> patient{};
  ReceiptTotals totals;

  for (const std::size_t g : plan_.ordered()) {
    const Yen c = cost_[g];
    if (c.value == 0) continue;
    const Group& group = plan_.groups[g];
    Yen liable = c;
    if (group.insurance) {
      const Yen copay = rounding::share_of_cost(c, plan_.rate);
      Yen limit = limit_of(group.limit, c).yen;
      if (plan_.combine && group.insurance_only && copay >= plan_.combine_threshold) {
        Yen combined_cost = c, others;
        bool any = false;
        for (std::size_t h = 0; h < groups; ++h) {
          const Group& other = plan_.groups[h];
          if (!other.insurance || other.insurance_only || cost_[h].value == 0) continue;
          if (rounding::share_of_cost(cost_[h], plan_.rate) < plan_.combine_threshold) continue;
          combined_cost += cost_[h];
          others += patient[h];
          any = true;
        }
        if (any) limit = std::min(limit, limit_of(plan_.combined_limit, combined_cost).yen - others);
      }
      liable = std::min(copay, std::max(Yen{0}, limit));
      totals.insurer += c - liable;
    }
    for (std::uint8_t j = 0; j < group.payer_count; ++j) {
      const auto k = static_cast<std::size_t>(group.payers[j]);
      const Payer& payer = plan_.payers[k];
      Yen share;
      switch (payer.share) {
        case ShareKind::rate: share = rounding::share_of_cost(c, payer.rate); break;
        case ShareKind::per_day: {
          const Yen increase = std::max(Yen{0}, liable - previous_liable_[g][j]);
          const Yen take = std::min(increase, day_left[k]);
          if (period.cost[g].value > 0 && take.value > 0) {
            day_left[k] -= take;
            per_day_share_[g][j] += take;
            charged_today[k] = true;
          }
          share = per_day_share_[g][j];
          break;
        }
        case ShareKind::liable: share = liable; break;
        case ShareKind::none: share = Yen{0}; break;
      }
      previous_liable_[g][j] = liable;
      const Yen cap = payer.cap_is_kougaku ? limit_of(payer.cap_spec, c).yen : payer.cap;
      const Yen room = payer.reached_on ? Yen{0} : cap >= kUnlimited ? kUnlimited : cap - used[k];
      const Yen next = std::min({liable, share, std::max(Yen{0}, room)});
      totals.kouhi[k] += liable - next;
      totals.kouhi_patient[k] += next;
      used[k] += next;
      liable = next;
    }
    patient[g] = liable;
    totals.patient += liable;
  }
  for (std::size_t k = 0; k < plan_.payers.size(); ++k) charged_days_[k] += charged_today[k] ? 1 : 0;
  return totals;
}

}  // namespace santei::copay
