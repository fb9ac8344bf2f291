// The window (窓口): per visit date or bill, each 負担区分 group's patient amount, its chain
//   insurance share → 高額療養費 limit → each 公費's share and cap
// evaluated on the period's cost against the month-to-date amounts counted so far, then rounded
// (10円未満四捨五入, or the last 公費's rule) unless a limit bound: a bound amount is collected
// to the yen (copayment.md §2.2, §7.1 default) and never lets the month pass the limit.
#include <algorithm>

#include "copay/chain.hpp"
#include "santei/rounding.hpp"

namespace santei::copay {
namespace {

Yen round_window(Yen amount, WindowRounding mode) {
  switch (mode) {
    case WindowRounding::round10: return rounding::copay_round10(amount);
    case WindowRounding::floor10: return rounding::copay_floor10(amount);
    case WindowRounding::exact: return amount;
  }
  return amount;
}

Yen headroom(Yen limit, Yen counted) { return limit >= kUnlimited ? kUnlimited : limit - counted; }

}  // namespace

Desk::Desk(const Plan& plan) : plan_(plan) {
  for (std::size_t k = 0; k < plan.payers.size(); ++k) {
    counted_[k] = plan.payers[k].paid_before;
    reached_on_[k] = plan.payers[k].reached_on;
  }
}

// The combined limit of the insurance-only group (§4.7): the patient's total over that group and
// the 公費 groups counted with it may not pass the limit on their combined cost. Under 70 a part
// counts only when its insurance copay reaches the 21,000円 threshold.
Yen Desk::combined_headroom(std::size_t g) const {
  const GroupState& own = groups_[g];
  if (rounding::share_of_cost(own.cost, plan_.rate) < plan_.combine_threshold) return kUnlimited;
  Yen cost = own.cost;
  Yen others;
  bool any = false;
  for (std::size_t h = 0; h < plan_.groups.size(); ++h) {
    const Group& other = plan_.groups[h];
    if (!other.insurance || other.insurance_only || groups_[h].cost.value == 0) continue;
    if (rounding::share_of_cost(groups_[h].cost, plan_.rate) < plan_.combine_threshold) continue;
    cost += groups_[h].cost;
    others += groups_[h].collected;
    any = true;
  }
  if (!any) return kUnlimited;
  return headroom(limit_of(plan_.combined_limit, cost).yen, others + own.counted);
}

DeskCharge Desk::step(const Period& period) {
  DeskCharge charge;
  const std::size_t payers = plan_.payers.size();
  std::array<Yen, kMaxPayers> day_left{};  // per-day amounts still chargeable today
  for (std::size_t k = 0; k < payers; ++k) {
    const Payer& p = plan_.payers[k];
    if (p.share == ShareKind::per_day && (p.max_days == 0 || charged_days_[k] < p.max_days)) day_left[k] = p.per_day;
  }
  std::array<bool, kMaxPayers> charged_today{};
  // What other institutions wrote into the 管理票 up to today counts first (the same day included).
  for (std::size_t k = 0; k < payers; ++k) {
    const Payer& payer = plan_.payers[k];
    for (; elsewhere_[k] < payer.elsewhere.size() && !(period.date < payer.elsewhere[elsewhere_[k]].date); ++elsewhere_[k]) {
      const CapPayment& p = payer.elsewhere[elsewhere_[k]];
      counted_[k] += p.yen;
      if (!reached_on_[k] && counted_[k] >= payer.cap) reached_on_[k] = p.date;
    }
  }
  const std::array<Yen, kMaxPayers> counted_before = counted_;

  for (const std::size_t g : plan_.ordered()) {
    const Yen cost = period.cost[g];
    if (cost.value == 0) continue;
    const Group& group = plan_.groups[g];
    GroupState& state = groups_[g];
    state.cost += cost;
    for (std::uint8_t j = 0; j < group.payer_count; ++j) charge.ledger_cost[static_cast<std::size_t>(group.payers[j])] += cost;

    // out: the chain with the month's limits; natural: the same chain without them.
    Yen out = cost, natural = cost;
    Yen slack = kUnlimited;  // the least room any limit leaves above `out`
    LimitKind bound = LimitKind::none;
    std::int8_t bound_payer = -1;
    const auto note = [&](Yen room, Yen value, LimitKind kind, std::int8_t payer) {
      if (room >= kUnlimited) return;
      if (room - value < slack) slack = room - value;
      if (value >= room && bound == LimitKind::none) {
        bound = kind;
        bound_payer = payer;
      }
    };
    if (group.insurance) {
      const Yen due = rounding::share_of_cost(cost, plan_.rate);
      const Limit limit = limit_of(group.limit, state.cost);
      Yen room = headroom(limit.yen, state.counted);
      LimitKind kind = limit.kind;
      if (plan_.combine && group.insurance_only) {
        const Yen combined = combined_headroom(g);
        if (combined < room) {
          room = combined;
          kind = LimitKind::combined;
        }
      }
      natural = due;
      out = std::min(due, std::max(Yen{0}, room));
      note(room, out, kind, -1);
    }
    const Yen insurance_out = out;
    std::array<Yen, kMaxPayers> layer_out{};
    for (std::uint8_t j = 0; j < group.payer_count; ++j) {
      const auto k = static_cast<std::size_t>(group.payers[j]);
      const Payer& payer = plan_.payers[k];
      Yen share = kUnlimited, share_natural = kUnlimited;
      switch (payer.share) {
        case ShareKind::rate: share = share_natural = rounding::share_of_cost(cost, payer.rate); break;
        case ShareKind::per_day: share = share_natural = day_left[k]; break;
        case ShareKind::liable: share = out; share_natural = natural; break;
        case ShareKind::none: share = share_natural = Yen{0}; break;
      }
      const Yen cap = payer.cap_is_kougaku ? limit_of(payer.cap_spec, state.cost).yen : payer.cap;
      const Yen room = payer.reached_on ? Yen{0} : headroom(cap, counted_[k]);
      const Yen next = std::min({out, share, std::max(Yen{0}, room)});
      natural = std::min(natural, share_natural);
      note(room, next, LimitKind::public_cap, group.payers[j]);
      if (payer.share == ShareKind::per_day && next.value > 0) {
        day_left[k] -= std::min(day_left[k], next);
        charged_today[k] = true;
      }
      out = next;
      layer_out[j] = next;
    }

    // The window amount: rounded when no limit bound, else the limit's remainder to the yen.
    Yen window = out;
    if (!(out < natural)) {
      const WindowRounding mode =
          group.payer_count > 0 ? plan_.payers[static_cast<std::size_t>(group.payers[group.payer_count - 1])].rounding
                                : WindowRounding::round10;
      window = round_window(out, mode);
      if (slack < kUnlimited && window > out + slack) window = out + slack;
    }
    window = std::max(Yen{0}, window);
    const Yen delta = window - out;
    if (group.insurance) state.counted += insurance_out + delta;
    for (std::uint8_t j = 0; j < group.payer_count; ++j) counted_[static_cast<std::size_t>(group.payers[j])] += layer_out[j] + delta;
    state.collected += window;
    charge.window += window;
    if (charge.bound == LimitKind::none && bound != LimitKind::none && window < rounding::copay_round10(natural)) {
      charge.bound = bound;
      charge.bound_payer = bound_payer;
    }
  }
  for (std::size_t k = 0; k < payers; ++k) {
    charged_days_[k] += charged_today[k] ? 1 : 0;
    const Payer& payer = plan_.payers[k];
    cost_[k] += charge.ledger_cost[k];
    charge.ledger_yen[k] = counted_[k] - counted_before[k];
    charge.ledger_total[k] = counted_[k];
    const Yen cap = payer.cap_is_kougaku ? limit_of(payer.cap_spec, cost_[k]).yen : payer.cap;
    if (!reached_on_[k] && payer.has_cap() && counted_[k] >= cap) reached_on_[k] = period.date;
    charge.reached[k] = reached_on_[k].has_value();
    charge.reached_on[k] = reached_on_[k];
  }
  return charge;
}

}  // namespace santei::copay
