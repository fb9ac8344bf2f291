// Pricing rules the masters do not carry, read from masters/rules/lab_bundles.xml and
// masters/rules/time_additions.xml (compiled in). Loaded once, immutable, shared by threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "santei/claim.hpp"
#include "santei/period.hpp"
#include "santei/records.hpp"

namespace santei::pricing {

// 包括対象検査: one dated price rule of a bundle group.
struct LabBundleTier {
  std::int32_t min_items = 0;
  std::int64_t points = 0;
};
struct LabBundleRule {
  std::int32_t group = 0;
  std::string name;
  DateRange period;
  std::vector<LabBundleTier> tiers;  // ascending min_items
  std::int32_t cap_items = 0;        // 0 = none
  std::int64_t cap_points = 0;       // 0 = none
  std::string source;
};
// The rule of `group` in force on `on`, or nullptr.
const LabBundleRule* lab_bundle_rule(std::int32_t group, Date on);

struct TimeAdditionCode {
  VisitTime visit = VisitTime::regular;
  Code code = 0;
  std::optional<Setting> setting;  // only for this setting
};
struct TimeAdditionRule {
  std::string id;
  bool group_scope = false;           // true: found by 注加算 group / 区分番号 and 時間加算区分
  std::vector<std::uint8_t> categories;  // group scope: the 診療識別 it applies to
  char section = ' ';                 // section scope: the part of the 点数表 (J, K)
  // section scope: the 区分番号 it covers (inclusive; 0–999 = all) and those it leaves out,
  // as section × 100 + branch (D296-3 → 29603)
  std::int32_t first_section = 0;
  std::int32_t last_section = 999;
  std::vector<std::int32_t> excluded;
  std::int64_t min_points = 0;        // 所定点数 threshold
  std::optional<Setting> setting;
  DateRange period;
  std::string source;
  std::vector<TimeAdditionCode> additions;  // section scope

  // section scope: whether the rule's part and 区分番号 range take this base
  bool covers(const ProcedureRecord& base) const;
};
// Every time-addition rule, in priority order.
const std::vector<TimeAdditionRule>& time_addition_rules();
// The 時間加算区分 values (s col 43) an addition may have for a visit time.
std::span<const std::int32_t> time_kinds(VisitTime time);

// 通則 age additions (masters/rules/age_additions.xml): 手術 通則8, 麻酔 通則2, added to the bases of
// `section` whose 通則年齢 (s col 40) is 1.
struct GeneralAgeAddition {
  Code code = 0;
  AgeCode lower;  // inclusive
  AgeCode upper;  // exclusive
};
struct GeneralAgeUnknown {
  std::int32_t low_birth_weight = 0;  // the base's s col 47 this case is for
  AgeCode lower;
  AgeCode upper;
  std::string reason;
};
struct GeneralAgeRule {
  std::string id;
  char section = ' ';
  DateRange period;
  std::string source;
  std::vector<GeneralAgeAddition> additions;  // added automatically, by age
  std::vector<Code> listed;                    // never added; listed, they stand instead
  std::vector<GeneralAgeUnknown> unknowns;     // nothing added
};
const std::vector<GeneralAgeRule>& general_age_rules();

// 物価対応料 (masters/rules/price_response.xml): the dates on which santei adds the 物価対応料 the
// master links (s cols 132–133), and the cases the law text does not settle.
struct PriceResponseRule {
  DateRange period;
  std::string source;
  std::string several_in_group;  // why a group with several 物価対応料 gets none added
  std::string away_day;          // why a 外泊 day gets none added
};
// The rule in force on `on`, or nullptr (before r08: nothing is added).
const PriceResponseRule* price_response_rule(Date on);

// Reads `xml` as masters/rules/<file> (lab_bundles.xml, time_additions.xml, price_response.xml,
// age_additions.xml) with the loaders the
// functions above use on the compiled-in copy, keeping nothing: every check of the load is made.
// Throws santei::Exception(rule_error). For tests and the rule XML fuzz target.
void check_rule_tables(std::string_view file, std::string_view xml);

}  // namespace santei::pricing
