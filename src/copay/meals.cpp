#include "copay/meals.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "santei/rounding.hpp"

namespace santei::copay {
namespace {

// The patient's 標準負担額 category: the lowest that applies (meals.xml).
std::vector<MealCategory> meal_categories(const Claim& claim, const std::vector<Payer>& payers) {
  std::vector<MealCategory> out{MealCategory::general};
  for (const Payer& p : payers) {
    if (p.programme && p.programme->intractable_meals) out.push_back(MealCategory::intractable);
  }
  const std::string& b = claim.insurance.income_bracket;
  if (b == "オ" || b == "低所得Ⅱ") out.push_back(claim.insurance.meal_long_stay ? MealCategory::low_income_long : MealCategory::low_income);
  if (b == "低所得Ⅰ") out.push_back(MealCategory::low_income_1);
  return out;
}

Yen meal_charge(const RuleSet& rules, Date on, const std::vector<MealCategory>& categories) {
  const MealCharges& charges = rules.meal_charges.at(on).value;
  Yen lowest = kUnlimited;
  for (MealCategory c : categories) lowest = std::min(lowest, charges[static_cast<std::size_t>(c)]);
  return lowest;
}

}  // namespace

void add_meal_line(std::vector<DayMeals>& days, const PricedLine& line, std::size_t group, Date date, std::int32_t count) {
  auto it = std::find_if(days.begin(), days.end(), [&](const DayMeals& d) { return d.date == date && d.group == group; });
  if (it == days.end()) it = days.insert(days.end(), DayMeals{date, group, Yen{0}, 0});
  it->cost += line.yen * count;
  const std::int64_t meals = !line.items.empty() && line.items.front().quantity ? line.items.front().quantity->trunc() * count : count;
  if (line.yen.value > 0) it->meals = std::max(it->meals, meals);
}

void add_meals(Plan& plan, const std::vector<DayMeals>& days, std::span<const Date> ends, const Claim& claim, const RuleSet& rules) {
  for (std::size_t k = 0; k < plan.payers.size(); ++k) {
    if (!plan.payers[k].meals) {
      throw Exception(ErrorInfo{Status::claim_error, "<claim>", 0, 0, fmt::format("public_expenses[{}].meals", k),
                                fmt::format("法別 {} is a 地方単独 programme: say who pays the meal 標準負担額 (patient, half, covered)",
                                            plan.payers[k].law)});
    }
  }
  const std::vector<MealCategory> categories = meal_categories(claim, plan.payers);
  for (const DayMeals& d : days) {
    const auto p = static_cast<std::size_t>(std::lower_bound(ends.begin(), ends.end(), d.date) - ends.begin());
    const std::int64_t meals = std::min<std::int64_t>(d.meals, rules.meals_per_day.at(d.date).value);
    const Yen standard = meal_charge(rules, d.date, categories) * meals;
    auto& parts = plan.periods[p].meals;
    auto it = std::find_if(parts.begin(), parts.end(), [&](const MealPart& m) { return m.group == d.group; });
    if (it == parts.end()) it = parts.insert(parts.end(), MealPart{d.group, Yen{0}, Yen{0}});
    it->cost += d.cost;
    it->standard += standard;
  }
  plan.meal_rule = rules.meal_charges.cite(rules.meal_charges.at(days.front().date));
  plan.meal_charge = meal_charge(rules, days.front().date, categories);
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
