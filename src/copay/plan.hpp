// The copayment plan of one claim: the rate, the payers (公費) as this claim uses them, the 負担区分
// groups with their limits, and the periods (visit dates or bills) with each group's cost.
// Built and validated once per claim; the desk and receipt passes only read it.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "copay/age.hpp"
#include "copay/limits.hpp"
#include "copay/rate.hpp"
#include "copay/rule_set.hpp"
#include "santei/claim.hpp"
#include "santei/pricing.hpp"

namespace santei::copay {

inline constexpr std::size_t kMaxPayers = 4;   // 公費 on one receipt (第1–第4公費)
inline constexpr std::size_t kMaxGroups = 32;  // payer sets: 医保 and 4 公費 (a 5-bit mask)

// One 公費 of the claim, resolved against kouhi.xml.
struct Payer {
  std::string law;
  const Programme* programme = nullptr;  // nullptr for 地方単独
  bool public_first = false;             // 公費優先: pays 10割 instead of insurance
  ShareKind share = ShareKind::none;
  Decimal rate;                          // share rate, never above the insurance rate
  Yen per_day;                           // ShareKind::per_day amount
  std::int32_t max_days = 0;             // charged dates a month (0 = every date)
  Yen cap = kUnlimited;                  // monthly cap on the patient's share under this 公費
  bool cap_is_kougaku = false;           // the cap is the patient's 高額療養費 limit (自立支援 中間所得)
  LimitSpec cap_spec;                    // that limit, when cap_is_kougaku
  Yen paid_before;                       // already paid this month elsewhere, before the first date (管理票)
  std::vector<CapPayment> elsewhere;     // paid at other institutions during the claim's dates, by date
  std::optional<Date> reached_on;        // the 管理票 reached the cap on that day, before this claim
  // The 管理票 total from other institutions up to and including `date`.
  Yen paid_until(Date date) const {
    Yen total = paid_before;
    for (const CapPayment& p : elsewhere) total += date < p.date ? Yen{} : p.yen;
    return total;
  }
  bool has_cap() const { return cap < kUnlimited || cap_is_kougaku; }
  WindowRounding rounding = WindowRounding::round10;
  std::optional<MealRule> meals;         // who pays the meal 標準負担額 (locals must say when there are meals)
  std::string bracket;                   // 高額療養費 区分 of the 受給者証
  const Tier* tier = nullptr;            // the tier row the cap came from, if any
  std::string needs;                     // 地方単独 without parameters: what it needs (it pays nothing here)
};

// The lines sharing one set of payers (a 負担区分 code, 記録条件仕様 別表21).
struct Group {
  std::uint8_t mask = 0;        // bit 0 医保, bit k 第k公費
  bool insurance = false;       // the insurer pays first
  std::array<std::int8_t, kMaxPayers> payers{};  // indices into Plan::payers, priority order
  std::uint8_t payer_count = 0;
  LimitSpec limit;              // the 高額療養費 limit on the group's own cost (§4.7)
  bool insurance_only = false;  // 負担区分 1
};

struct MealPart {  // one group's meals in a period
  std::size_t group = 0;
  Yen cost;        // 食事療養費 (the lines' yen × count)
  Yen standard;    // meals × 標準負担額
};

struct Period {
  Date date;                 // the visit date, or the bill's last date
  std::int64_t points = 0;
  std::array<Yen, kMaxGroups> cost{};  // care cost per group (points × 10 and yen-priced care)
  std::vector<MealPart> meals;
};

struct Plan {
  bool insured = true;                 // insurance.kind != none
  Decimal rate;                        // 負担割合 (1 when 公費単独)
  AgeGroup age = AgeGroup::under70;
  RateDecision rate_decision;          // how the rate was found
  bool outpatient = true;
  std::vector<Payer> payers;
  // Inline for the usual few groups and visit days: a claim's plan allocates nothing (issue 17).
  boost::container::small_vector<Group, 4> groups;
  // Groups in processing order: 公費 groups, then the insurance-only group.
  std::array<std::uint8_t, kMaxGroups> order{};
  std::span<const std::uint8_t> ordered() const { return {order.data(), groups.size()}; }
  // The unit's combined limit (§4.7): the real 区分 on the combined cost, 21,000円 rule under 70.
  bool combine = false;
  LimitSpec combined_limit;            // the insurance-only group's limit without the 配慮措置
  Yen combine_threshold;               // 0 for 70+
  boost::container::small_vector<Period, 8> periods;
  Yen care_cost, meal_cost;
  // For the explanation: the rule values used.
  Citation limits;                     // kougaku.xml table (when a group has a 区分)
  Citation programmes;                 // kouhi.xml
  Citation meal_rule;                  // meals.xml (when there are meals)
  Yen meal_charge;                     // 標準負担額 per meal on the first date
};

// Validates the claim against the rules and builds its plan. Throws santei::Exception
// (claim_error naming the field, or rule_error naming the rule file).
Plan make_plan(const Claim& claim, const PricedClaim& priced, const RuleSet& rules);

}  // namespace santei::copay
