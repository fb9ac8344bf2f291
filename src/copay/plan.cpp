// Claim + priced lines → Plan: groups by 負担区分, their limits, and the periods to charge.
#include "copay/plan.hpp"

#include <algorithm>
#include <bit>

#include <fmt/format.h>

#include "copay/meals.hpp"
#include "copay/payers.hpp"
#include "copay/rate.hpp"

namespace santei::copay {
namespace {

constexpr std::uint8_t kMeals = 97;  // 診療識別 97 食事

// 負担区分 (記録条件仕様 別表21) → payers: bit 0 医保, bit k 第k公費.
std::uint8_t burden_mask(char code) {
  constexpr std::uint8_t I = 1, K1 = 2, K2 = 4, K3 = 8, K4 = 16;
  switch (code) {
    case '1': return I;
    case '2': return I | K1;
    case '3': return I | K2;
    case '4': return I | K1 | K2;
    case '5': return K1;
    case '6': return K2;
    case '7': return K1 | K2;
    case 'B': return K3;
    case 'C': return K4;
    case 'E': return I | K3;
    case 'G': return I | K4;
    case 'H': return K1 | K3;
    case 'I': return K1 | K4;
    case 'J': return K2 | K3;
    case 'K': return K2 | K4;
    case 'L': return K3 | K4;
    case 'M': return I | K1 | K3;
    case 'N': return I | K1 | K4;
    case 'O': return I | K2 | K3;
    case 'P': return I | K2 | K4;
    case 'Q': return I | K3 | K4;
    case 'R': return K1 | K2 | K3;
    case 'S': return K1 | K2 | K4;
    case 'T': return K1 | K3 | K4;
    case 'U': return K2 | K3 | K4;
    case 'V': return I | K1 | K2 | K3;
    case 'W': return I | K1 | K2 | K4;
    case 'X': return I | K1 | K3 | K4;
    case 'Y': return I | K2 | K3 | K4;
    case 'Z': return K1 | K2 | K3 | K4;
    case '9': return I | K1 | K2 | K3 | K4;
    default: return 0;
  }
}

std::uint8_t line_mask(const PricedLine& line, std::size_t index, bool insured, std::size_t payer_count) {
  const std::uint8_t all = static_cast<std::uint8_t>((insured ? 1 : 0) | (((1u << payer_count) - 1) << 1));
  if (line.burden == '\0') return all;
  const std::uint8_t mask = burden_mask(line.burden);
  if (mask == 0) fail_claim(fmt::format("lines[{}].burden", index), fmt::format("'{}' is not a 負担区分 of the 記録条件仕様 (別表21)", line.burden));
  if ((mask & ~all) != 0) {
    fail_claim(fmt::format("lines[{}].burden", index), fmt::format("負担区分 {} names a payer the claim does not have ({}, {} 公費)", line.burden,
                            insured ? "insured" : "公費単独", payer_count));
  }
  return mask;
}

struct Context {
  const Claim& claim;
  const RuleSet& rules;
  Date first;
  AgeGroup age;
  bool halves;  // the 75歳到達月
  bool outpatient;
};

bool is_70plus(AgeGroup age) { return age == AgeGroup::from70 || age == AgeGroup::latter; }

// The claim field that gave a 区分: insurance.income_bracket (kInsurance) or public_expenses[k].income_bracket.
constexpr std::size_t kInsurance = static_cast<std::size_t>(-1);
std::string bracket_field(std::size_t payer) {
  return payer == kInsurance ? std::string("insurance.income_bracket") : fmt::format("public_expenses[{}].income_bracket", payer);
}

// The 高額療養費 limit of a group whose 区分 is `bracket` (empty: none known). The 配慮措置 applies
// to the insurance-only group (`care`) of a receipt without マル長 only: a 公費 group keeps the plain
// 一般Ⅱ limit (計算事例集 令和5年4月 事例10, 事例21; copayment.md §1.3).
LimitSpec limit_spec(const Context& c, const std::string& bracket, bool many, std::size_t payer, bool care = false) {
  LimitSpec spec;
  spec.outpatient = c.outpatient;
  spec.many = many;
  if (c.halves) spec.divisor = c.rules.birthday_month_divisor.at(c.first).value;
  if (const auto& cap = c.claim.insurance.special_disease_cap) {
    const auto& allowed = c.rules.special_disease_caps.at(c.first).value;
    if (std::find(allowed.begin(), allowed.end(), *cap) == allowed.end()) {
      fail_claim("insurance.special_disease_cap", fmt::format("{} is not a 特定疾病 limit (kougaku.xml special_disease)", cap->value));
    }
    spec.special = *cap;
  }
  if (bracket.empty()) return spec;
  const auto& table = limit_table(c.age, c.first, c.rules);
  spec.row = table.value.find(bracket);
  if (!spec.row) {
    fail_claim(bracket_field(payer), fmt::format("'{}' is not a 区分 of {} {} on {} (one of {})", bracket, c.rules.limits_under70.file,
                            is_70plus(c.age) ? "70plus" : "under70", c.first.iso(), table.value.names()));
  }
  if (care && c.outpatient && bracket == "一般Ⅱ" && !spec.special) {
    if (const auto* measure = c.rules.care_measure.find(c.first)) spec.care = &measure->value;
  }
  return spec;
}

// The 区分 whose limit applies first to a 公費 group (§4.7, kouhi.xml limit_under70/limit_70plus).
std::string group_bracket(const Context& c, const Payer& payer, std::size_t index, const ProgrammeTable& table) {
  const LimitBasis& basis = payer.programme ? (is_70plus(c.age) ? payer.programme->limit_70plus : payer.programme->limit_under70)
                                            : (is_70plus(c.age) ? table.local_70plus : table.local_under70);
  if (!basis.real) return basis.fallback;
  if (!payer.bracket.empty()) return payer.bracket;
  if (!c.claim.insurance.income_bracket.empty()) return c.claim.insurance.income_bracket;
  if (!basis.fallback.empty()) return basis.fallback;
  fail_claim(fmt::format("public_expenses[{}].income_bracket", index),
       fmt::format("法別 {} needs the patient's 高額療養費 区分 (public_expenses[{}].income_bracket or insurance.income_bracket) "
                   "for a patient of 70 or over",
                   payer.law, index));
}

std::size_t group_of(Plan& plan, std::uint8_t mask, const Context& c, const ProgrammeTable& table,
                     std::array<std::int8_t, kMaxGroups>& index_of_mask) {
  if (index_of_mask[mask] >= 0) return static_cast<std::size_t>(index_of_mask[mask]);
  Group g;
  g.mask = mask;
  for (std::size_t k = 0; k < plan.payers.size(); ++k) {
    if (mask & (1u << (k + 1))) g.payers[g.payer_count++] = static_cast<std::int8_t>(k);
  }
  const bool first_public = g.payer_count > 0 && plan.payers[static_cast<std::size_t>(g.payers[0])].public_first;
  g.insurance = (mask & 1) != 0 && !first_public;
  g.insurance_only = g.insurance && g.payer_count == 0;
  if (g.insurance) {
    const Insurance& ins = c.claim.insurance;
    if (g.insurance_only) {
      g.limit = limit_spec(c, ins.income_bracket, ins.many_times, kInsurance, true);
    } else {
      const auto k = static_cast<std::size_t>(g.payers[0]);
      const bool inpatient_only = c.rules.public_group_many_times_inpatient_only.at(c.first).value;
      g.limit = limit_spec(c, group_bracket(c, plan.payers[k], k, table), ins.many_times && !(inpatient_only && c.outpatient), k);
    }
  }
  plan.groups.push_back(g);
  index_of_mask[mask] = static_cast<std::int8_t>(plan.groups.size() - 1);
  return plan.groups.size() - 1;
}

// The dates a line stands for, with its count on each: a daily inpatient line (day_mask, see
// santei/pricing.hpp) covers several dates with count / days each; any other line its date.
template <class F>
void each_day(const PricedLine& line, Date month_first, F f) {
  if (line.day_mask == 0) {
    f(line.date, line.count);
    return;
  }
  const std::int32_t per_day = line.count / std::popcount(line.day_mask);
  for (int d = 0; d < 31; ++d) {
    if (line.day_mask & (1u << d)) f(month_first.plus_days(d), per_day);
  }
}

// Bill boundaries of an inpatient month: interim bills, the discharge, the month end.
std::vector<Date> bill_ends(const Claim& claim) {
  std::vector<Date> ends;
  if (claim.admission) {
    for (std::size_t i = 0; i < claim.admission->bill_dates.size(); ++i) {
      const Date d = claim.admission->bill_dates[i];
      if (!claim.month.contains(d)) {
        fail_claim(fmt::format("admission.bill_dates[{}]", i), fmt::format("{} is outside the service month", d.iso()));
      }
      ends.push_back(d);
    }
    if (claim.admission->discharged && claim.month.contains(*claim.admission->discharged)) ends.push_back(*claim.admission->discharged);
    for (const DateRange& stay : claim.admission->stays) {  // a discharge before a readmission in the month
      if (claim.month.contains(stay.to)) ends.push_back(stay.to);
    }
  }
  ends.push_back(claim.month.last_day());
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  return ends;
}

// A DPC month's 包括 points are a cost of the month like its lines: one line of the DPC total on the
// month's last day in hospital, for the payers of admission.burden.
std::vector<PricedLine> lines_with_dpc(const Claim& claim, const PricedClaim& priced) {
  std::vector<PricedLine> lines;
  lines.reserve(priced.lines.size() + 1);
  for (const PricedLine& line : priced.lines) {  // what the plan reads: no explanation, items of meals only
    PricedLine& copy = lines.emplace_back();
    copy.date = line.date;
    copy.category = line.category;
    copy.burden = line.burden;
    if (line.category == kMeals) copy.items = line.items;  // meals.cpp counts the meals by the item's quantity
    copy.points = line.points;
    copy.count = line.count;
    copy.yen = line.yen;
    copy.day_mask = line.day_mask;
  }
  PricedLine dpc;
  dpc.date = claim.admission->discharged.value_or(claim.month.last_day());
  dpc.burden = claim.admission->burden;
  dpc.points = priced.dpc->points;
  lines.push_back(std::move(dpc));
  std::stable_sort(lines.begin(), lines.end(), [](const PricedLine& a, const PricedLine& b) { return a.date < b.date; });
  return lines;
}

}  // namespace

Plan make_plan(const Claim& claim, const PricedClaim& priced, const RuleSet& rules) {
  std::vector<PricedLine> with_dpc;
  if (priced.dpc) with_dpc = lines_with_dpc(claim, priced);
  const std::vector<PricedLine>& lines = priced.dpc ? with_dpc : priced.lines;
  Plan plan;
  plan.groups.reserve(4);
  if (lines.empty()) fail_claim("lines", "a priced claim without lines has no copayment");
  plan.insured = claim.insurance.kind != InsuranceKind::none;
  plan.outpatient = claim.setting == Setting::outpatient;
  if (!plan.insured && claim.public_expenses.empty()) {
    fail_claim("public_expenses", "insurance.kind none (公費単独) needs at least one public expense");
  }

  // Dates of the lines, in order: at most one per day of the month.
  const Date month_first = claim.month.first_day(), month_last = claim.month.last_day();
  std::uint32_t days = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const PricedLine& line = lines[i];
    if (line.date < month_first || month_last < line.date) {
      fail_claim(fmt::format("lines[{}].date", i), fmt::format("{} is outside the service month {}", line.date.iso(), claim.month.iso()));
    }
    if (line.category == kMeals && plan.outpatient) {
      fail_claim(fmt::format("lines[{}].category", i), "meals (診療識別 97) belong to an inpatient claim");
    }
    if (line.count < 0) fail_claim(fmt::format("lines[{}].count", i), "a count cannot be negative");
    if (line.day_mask != 0) {
      const std::uint32_t month_days = (1u << (month_last - month_first + 1)) - 1;
      if ((line.day_mask & ~month_days) != 0 || !(line.day_mask & (1u << (line.date - month_first)))) {
        fail_claim(fmt::format("lines[{}].day_mask", i), fmt::format("days outside {} or not including the line's date", claim.month.iso()));
      }
      if (line.count % std::popcount(line.day_mask) != 0) {
        fail_claim(fmt::format("lines[{}].count", i),
             fmt::format("{} is not a multiple of the line's {} days", line.count, std::popcount(line.day_mask)));
      }
      days |= line.day_mask;
    } else {
      days |= 1u << (line.date - month_first);
    }
  }
  std::array<Date, 31> day_dates;
  std::size_t day_count = 0;
  for (int d = 0; d < 31; ++d) {
    if (days & (1u << d)) day_dates[day_count++] = month_first.plus_days(d);
  }
  const std::span<const Date> dates(day_dates.data(), day_count);

  const AgeDates ages = age_dates(claim.patient.birth_date);
  plan.rate_decision = decide_rate(claim, ages, dates.front(), dates.back(), rules);
  if (plan.rate_decision.undecided) return plan;  // nothing more to plan: the copayment says why
  plan.rate = plan.rate_decision.rate;
  plan.age = plan.rate_decision.age;

  const auto& programmes = rules.programmes.at(dates.front());
  plan.programmes = rules.programmes.cite(programmes);
  plan.payers = resolve_payers(claim, programmes.value, plan.rate);
  const Context c{claim, rules, dates.front(), plan.age, ages.halves_in(claim.month), plan.outpatient};
  for (std::size_t k = 0; k < plan.payers.size(); ++k) {
    Payer& p = plan.payers[k];
    // paid_this_month_yen and cap_reached_on are the 管理票 as it stood before this claim's first date.
    if (p.reached_on && (!claim.month.contains(*p.reached_on) || dates.front() < *p.reached_on)) {
      fail_claim(fmt::format("public_expenses[{}].cap_reached_on", k),
           fmt::format("{} is not in {} on or before the claim's first date {}: give the 管理票 as it stood before that date",
                       p.reached_on->iso(), claim.month.iso(), dates.front().iso()));
    }
    for (std::size_t j = 0; j < claim.public_expenses[k].paid_elsewhere.size(); ++j) {
      const Date d = claim.public_expenses[k].paid_elsewhere[j].date;
      if (!claim.month.contains(d)) {
        fail_claim(fmt::format("public_expenses[{}].paid_elsewhere[{}].date", k, j), fmt::format("{} is outside {}", d.iso(), claim.month.iso()));
      }
    }
    if (p.cap_is_kougaku) {
      if (claim.insurance.income_bracket.empty() && p.bracket.empty()) {
        fail_claim(fmt::format("public_expenses[{}].income_bracket", k),
             fmt::format("法別 {} tier {}: its cap is the 高額療養費 limit, which needs the patient's 区分", p.law,
                         claim.public_expenses[k].tier));
      }
      p.cap_spec = limit_spec(c, p.bracket.empty() ? claim.insurance.income_bracket : p.bracket, claim.insurance.many_times,
                              p.bracket.empty() ? kInsurance : k);
    }
  }

  // Periods: each visit date (outpatient) or each bill (inpatient).
  const std::vector<Date> bills = plan.outpatient ? std::vector<Date>{} : bill_ends(claim);
  const std::span<const Date> ends = plan.outpatient ? dates : std::span<const Date>(bills);
  std::array<std::int8_t, kMaxGroups> index_of_mask;
  index_of_mask.fill(-1);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    (void)group_of(plan, line_mask(lines[i], i, plan.insured, plan.payers.size()), c, programmes.value, index_of_mask);
  }
  const std::size_t groups = plan.groups.size();
  plan.periods.resize(ends.size());

  // Care cost per period and group; meals per date and group (meals.hpp).
  std::vector<DayMeals> day_meals;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const PricedLine& line = lines[i];
    const auto g = static_cast<std::size_t>(index_of_mask[line_mask(line, i, plan.insured, plan.payers.size())]);
    each_day(line, month_first, [&](Date date, std::int32_t count) {
      const auto p = static_cast<std::size_t>(std::lower_bound(ends.begin(), ends.end(), date) - ends.begin());
      Period& period = plan.periods[p];
      const Points points = line.points * count;
      const Yen points_cost = yen_of(points);
      period.points += points.value;
      period.cost[g] += points_cost;
      plan.care_cost += points_cost;
      const Yen yen = line.yen * count;
      if (line.category == kMeals) {
        plan.meal_cost += yen;
        add_meal_line(day_meals, line, g, date, count);
      } else {
        period.cost[g] += yen;
        plan.care_cost += yen;
      }
    });
  }
  if (!day_meals.empty()) add_meals(plan, day_meals, ends, claim, rules);

  // Drop bills without lines; each period is dated by its last line date.
  std::size_t kept = 0;
  for (std::size_t p = 0; p < plan.periods.size(); ++p) {
    Period& period = plan.periods[p];
    const Date start = p == 0 ? claim.month.first_day() : ends[p - 1].plus_days(1);
    const auto last = std::upper_bound(dates.begin(), dates.end(), ends[p]);
    if (last == dates.begin() || *(last - 1) < start) continue;
    period.date = *(last - 1);
    for (std::size_t g = 0; g < groups; ++g) {
      if (period.cost[g].value < 0) {
        fail_claim("lines", fmt::format("the lines of {} add up to a negative cost ({}円)", period.date.iso(), period.cost[g].value));
      }
    }
    if (kept != p) plan.periods[kept] = std::move(period);
    ++kept;
  }
  plan.periods.resize(kept);

  // Processing order: 公費 groups with insurance, groups without insurance, the insurance-only
  // group last (its combined limit depends on what the patient paid in the 公費 groups).
  const auto rank = [&](std::size_t g) { return plan.groups[g].insurance_only ? 2 : plan.groups[g].insurance ? 0 : 1; };
  for (std::size_t g = 0; g < groups; ++g) plan.order[g] = static_cast<std::uint8_t>(g);
  std::sort(plan.order.begin(), plan.order.begin() + static_cast<std::ptrdiff_t>(groups), [&](std::size_t a, std::size_t b) {
    return rank(a) != rank(b) ? rank(a) < rank(b) : plan.groups[a].mask < plan.groups[b].mask;
  });

  // The unit's combined limit needs the patient's real 区分 and both kinds of group.
  const auto only = std::find_if(plan.groups.begin(), plan.groups.end(), [](const Group& g) { return g.insurance_only; });
  const bool public_groups = std::any_of(plan.groups.begin(), plan.groups.end(), [](const Group& g) { return g.insurance && !g.insurance_only; });
  plan.combine = only != plan.groups.end() && only->limit.row != nullptr && public_groups;
  if (plan.combine) {
    plan.combined_limit = only->limit;
    plan.combined_limit.care = nullptr;  // the 配慮措置 is on the insurance-only part's own cost (事例16, 事例17)
    if (!is_70plus(plan.age)) plan.combine_threshold = rules.combine_threshold.at(dates.front()).value;
  }

  if (std::any_of(plan.groups.begin(), plan.groups.end(), [](const Group& g) { return g.limit.row != nullptr; })) {
    const auto& table = limit_table(plan.age, dates.front(), rules);
    plan.limits = (is_70plus(plan.age) ? rules.limits_70plus : rules.limits_under70).cite(table);
  }
  return plan;
}

}  // namespace santei::copay
