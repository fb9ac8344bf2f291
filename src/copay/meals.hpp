// Inpatient meals (食事療養, 診療識別 97; copayment.md §5): the patient pays the 標準負担額 per meal
// (meals.xml), outside 高額療養費, 公費 caps and the 10円 rounding; the insurer pays the rest of the
// 食事療養費, and a 公費 covers all, half or none of the patient's part (kouhi.xml meals).
#pragma once

#include <span>
#include <vector>

#include "copay/plan.hpp"

namespace santei::copay {

// One date's meals of one group. A category-97 line's `yen` is per meal and `count` the meals,
// or — for a meal code priced by きざみ in 食 units (its first item has a quantity) — `yen` is the
// day's amount for `quantity` meals; a date's meals are the largest number of its lines
// (additions such as 特別食加算 are lines of the same date with the same or a smaller number), at
// most meals_per_day.
struct DayMeals {
  Date date;
  std::size_t group = 0;
  Yen cost;
  std::int64_t meals = 0;
};
// Adds `line` as it counts `count` times on `date` (a daily inpatient line covers several dates).
void add_meal_line(std::vector<DayMeals>& days, const PricedLine& line, std::size_t group, Date date, std::int32_t count);

// Turns each date's meals into the MealParts of the periods (`ends`: the periods' last dates) and
// records the 標準負担額 used. Throws claim_error when a 地方単独 programme does not say who pays
// meals, rule_error when meals.xml has no figures for a date.
void add_meals(Plan& plan, const std::vector<DayMeals>& days, std::span<const Date> ends, const Claim& claim, const RuleSet& rules);

struct MealSplit {
  Yen insurer;
  std::array<Yen, kMaxPayers> kouhi{};
  Yen patient;
};
MealSplit split_meals(const Plan& plan, const Period& period);

}  // namespace santei::copay
