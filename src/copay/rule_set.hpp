// The copayment rules of masters/rules/*.xml as typed, dated values. Loaded once, immutable.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copay/timeline.hpp"
#include "santei/money.hpp"

namespace santei::copay {

// rates.xml: the 負担割合 of each 区分 in an age bracket.
struct RateRow {
  std::vector<std::string> names;  // 区分 names the row answers to
  Decimal rate;
};
struct RateTable {
  std::vector<RateRow> rows;
  const RateRow* find(std::string_view bracket) const;
};
struct SpecialRate {  // 70–74 1割 特例: born on or before `born_until`, in the 区分 `names`
  Date born_until;
  Decimal rate;
  std::vector<std::string> names;
};

// kougaku.xml: one 区分's 高額療養費 limit.
struct LimitRow {
  std::vector<std::string> names;
  std::optional<Yen> outpatient;  // 70歳以上 外来 (個人) limit
  Yen base;                       // fixed part (the whole limit when there is no threshold)
  std::optional<Yen> threshold;   // 1% of (医療費 − threshold) is added
  std::optional<Yen> many;        // 多数回該当
};
struct LimitTable {
  std::vector<LimitRow> rows;
  const LimitRow* find(std::string_view bracket) const;
  std::string names() const;  // for error messages
};

// kougaku.xml annual_*: a yearly cap (August to July) by 区分.
struct AnnualCap {
  std::vector<std::string> names;
  Yen yen;
  std::optional<Yen> low_income;  // 年収約200万円以下
};
struct AnnualCaps {
  std::vector<AnnualCap> caps;
  const AnnualCap* find(std::string_view bracket) const;  // nullptr: the 区分 has no yearly cap
};

// care_measure.xml: min(ceiling, base + (医療費 − threshold) × percent%).
struct CareMeasure {
  Yen ceiling;
  Yen base;
  Yen threshold;
  int percent = 0;
};

// meals.xml: 標準負担額 per meal by category.
enum class MealCategory : std::uint8_t { general, intractable, low_income, low_income_long, low_income_1 };
inline constexpr std::size_t kMealCategories = 5;
using MealCharges = std::array<Yen, kMealCategories>;

// kouhi.xml.
enum class ProgrammeType : std::uint8_t { insurance_first, public_first };
enum class ShareKind : std::uint8_t {
  rate,           // `rate` of the cost (never above the insurance rate)
  per_day,        // a fixed amount per visit date, for at most max_days dates a month (地方単独)
  liable,         // all of what is left to the programme (only the cap limits it)
  none,           // nothing
};
enum class CapKind : std::uint8_t { none, required, optional };
enum class MealRule : std::uint8_t { patient, half, covered };
enum class WindowRounding : std::uint8_t { round10, exact, floor10 };

// A monthly cap from a tier table cell.
struct TierCap {
  enum class Kind : std::uint8_t { yen, kougaku, ineligible, absent } kind = Kind::absent;
  Yen yen;
};
struct Tier {
  std::vector<std::string> names;
  TierCap general, long_term, ventilator;
};

// A 高額療養費 basis for a programme's 負担区分 group: the patient's real 区分 (falling back to
// `fallback` when unknown, or an error when there is none), or a fixed 区分.
struct LimitBasis {
  bool real = false;
  std::string fallback;  // the 区分 to use (fixed) or to fall back to (real); empty: none
};

struct Programme {
  std::string law;
  std::string name;
  ProgrammeType type = ProgrammeType::insurance_first;
  ShareKind share = ShareKind::none;
  Decimal rate;
  CapKind cap = CapKind::none;
  Yen cap_default;
  std::vector<Tier> tiers;
  LimitBasis limit_under70, limit_70plus;
  MealRule meals = MealRule::patient;
  bool intractable_meals = false;  // the patient pays the reduced 難病/小慢 標準負担額
  WindowRounding rounding = WindowRounding::round10;
  std::string source;
  std::string title;  // "公費 54 難病法 特定医療", for explanations
  std::string cite;   // " (kouhi.xml 54)": where an explanation points

  const Tier* find_tier(std::string_view name) const;
};

struct ProgrammeTable {
  std::vector<Programme> programmes;
  std::vector<std::string> priority;             // 法別 in 公費併用 order
  std::vector<std::pair<int, int>> local_ranges;  // 地方単独 法別 ranges
  LimitBasis local_under70, local_70plus;
  std::string local_source;
  std::vector<std::string> insurer_laws;

  const Programme* find(std::string_view law) const;
  bool is_local(std::string_view law) const;
  bool is_insurer(std::string_view law) const;
  // Position in the priority order; locals after every national programme.
  int rank(std::string_view law) const;

  // Lookups by the number of a two-digit 法別番号 (filled by index()).
  std::array<std::int16_t, 100> programme_of{};  // index into programmes, or -1
  std::array<std::int16_t, 100> rank_of{};       // position in priority
  void index();
};

struct RuleSet {
  // rates.xml
  Timeline<Decimal> rate_preschool, rate_under70;
  Timeline<RateTable> rate_70to74, rate_75plus;
  Timeline<SpecialRate> rate_70to74_special;
  // kougaku.xml
  Timeline<LimitTable> limits_under70, limits_70plus;
  Timeline<int> birthday_month_divisor;
  Timeline<std::vector<Yen>> special_disease_caps;
  Timeline<Yen> combine_threshold;
  Timeline<bool> public_group_many_times_inpatient_only;
  Timeline<AnnualCaps> annual_outpatient_70plus, annual_household;
  // care_measure.xml
  Timeline<CareMeasure> care_measure;
  // meals.xml
  Timeline<MealCharges> meal_charges;
  Timeline<int> meals_per_day;
  // kouhi.xml
  Timeline<ProgrammeTable> programmes;
};

// The XML text of each rule file, for loading from somewhere other than the embedded copies.
struct RuleTexts {
  std::string_view rates, kougaku, kouhi, meals, care_measure;
};

// The embedded rule texts (masters/rules/*.xml compiled into santei).
RuleTexts embedded_rule_texts();

// Parses and checks every rule file: each value's dates and source, the coverage of every rule
// from 2015-01-01 to 2027-12-31 (no gap, no overlap) and the shape of each topic.
// Throws santei::Exception(rule_error) naming the file, line and rule.
RuleSet load_rules(const RuleTexts& texts);

// The embedded rules, loaded on first use (function-local static) and shared read-only.
const RuleSet& rules();

}  // namespace santei::copay
