// Inpatient rules the masters do not carry, read from masters/rules/inpatient_*.xml (compiled
// in): the 入院期間 schedules of the 入院料, 外泊, the 包括 of 特定入院料, the meal fees and the
// 名寄せ 施設基準. Loaded once, immutable, shared by threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "santei/claim.hpp"
#include "santei/period.hpp"

namespace santei::pricing {

// One band of 入院期間 days [from_day, to_day] (to_day 0 = open) and the code it bills.
struct PeriodBand {
  std::int32_t from_day = 1;
  std::int32_t to_day = 0;
  Code code = 0;

  bool contains(std::int32_t day) const { return from_day <= day && (to_day == 0 || day <= to_day); }
};

enum class ScheduleKind : std::uint8_t {
  addition,  // the 入院料 as listed, plus the band's 入院期間加算
  base,      // the 入院料 has one code per band; the band's code is billed
};

struct FeeSchedule {
  std::string id;       // "A100 注3"
  std::string section;  // "A100"
  ScheduleKind kind = ScheduleKind::addition;
  DateRange period;
  std::string source;
  std::vector<Code> fees;         // addition schedules: the 入院料 the bands add to
  std::vector<PeriodBand> bands;  // ascending, contiguous
  std::int32_t limit_days = 0;    // base schedules: billable days beyond the bands' end (0 = the bands' end)
  bool limit_from_ward = false;   // the limit counts from the fee's `from` (ward entry), not the 起算日

  const PeriodBand* band(std::int32_t day) const;
};

// The schedule in force on `on` that names `fee` (a listed 入院料 or any band code of a base
// schedule); nullptr when none does.
const FeeSchedule* fee_schedule(Code fee, Date on);
// The schedule whose band bills `code` (for explanations); nullptr when none.
const FeeSchedule* schedule_of_band_code(Code code, Date on);
// Every schedule (tests check them against the masters).
std::span<const FeeSchedule> fee_schedules();

// A 区分番号 whose 入院期間 schedule the law sets but santei cannot name (its codes are not known):
// an explicit unknown of inpatient_fees.xml, reported on the claims it touches.
struct ScheduleUnknown {
  std::string section;  // "A300"
  DateRange period;
  std::string reason;
};
// The unknown in force on `on` for the 区分番号 `section` ("A100", "A308-3"), or nullptr.
const ScheduleUnknown* schedule_unknown(std::string_view section, Date on);

// 外泊 (通知 第1章第2部 通則6(1)): the reduction codes and the limits of a therapeutic 外泊.
struct AwayRule {
  DateRange period;
  std::string source;
  Code basic = 0;                 // 入院基本料 at 15% (−85%)
  Code specific = 0;              // 特定入院料 at 15%
  Code basic_therapeutic = 0;     // 入院基本料 at 30% (−70%)
  Code specific_therapeutic = 0;  // 特定入院料 at 30%
  std::int32_t therapeutic_consecutive = 0;
  std::int32_t therapeutic_month = 0;
};
// The 外泊 rule in force on `on`, or nullptr.
const AwayRule* away_rule(Date on);

// 包括 of a 特定入院料: what it includes on its days.
struct BundleMatch {
  char letter = 0;                 // section match: 区分番号 letter (s col 85); 0 = part or code match
  std::int32_t chapter = 0;        // part match (s cols 90, 91)
  std::int32_t part = 0;
  std::int32_t section_from = -1;  // 区分番号 range (s col 92), inclusive …
  std::int32_t section_to = -1;
  std::int32_t branch_from = 0;    // … from this 枝番 of section_from to this one of section_to
  std::int32_t branch_to = 0;
  std::int32_t branch = -1;        // 枝番 (s col 93); -1 = any
  std::vector<Code> codes;
};
enum class BundledItems : std::uint8_t {
  billed,         // the 告示 does not include them
  bundled,        // included
  except_listed,  // included unless a 除外薬剤・注射薬 (not listed by santei): kept with a warning
};
struct BundleRule {
  std::string id;
  DateRange period;
  std::string source;
  std::vector<std::string> aux_groups;  // 01 補助 グループ番号 with 包括単位 01
  std::vector<Code> fees;
  bool dpc = false;  // the DPC 包括 (告示 別表 ２) of a DPC stay's days, not of a 入院料
  std::vector<BundleMatch> include;
  std::vector<BundleMatch> exclude;
  BundledItems drugs = BundledItems::billed;
  BundledItems materials = BundledItems::billed;
  // What the law leaves out of the bundle but santei cannot tell by code: treated as included, and
  // the reason is given with the Diagnostic (an explicit unknown of inpatient_bundles.xml).
  std::vector<std::pair<BundleMatch, std::string>> unknowns;

  // Whether a procedure is included in the 入院料 on its day.
  bool includes(const ProcedureRecord& procedure) const;
  // The reason of the unknown that matches an included procedure, or nullptr.
  const std::string* unknown_reason(const ProcedureRecord& procedure) const;
};
// The bundle of a 入院料: by its 01 補助 row's 包括単位 01 groups (passed in) or by code.
const BundleRule* bundle_rule(Code fee, std::span<const std::string> day_groups, Date on);
// The DPC 包括 in force on `on`, or nullptr (none is written for that date: unknown).
const BundleRule* dpc_bundle_rule(Date on);

// 入院時食事療養: a meal fee and the additions it allows (0 = not allowed).
struct MealFeeRule {
  std::string id;
  DateRange period;
  std::string source;
  std::vector<Code> codes;
  Code special = 0;  // 特別食加算
  Code dining = 0;   // 食堂加算
};
// The rule of the meal fee `code` on `on`, or nullptr (the code is not a meal fee santei knows).
const MealFeeRule* meal_fee_rule(Code code, Date on);

// 名寄せコード (R06rec2 別紙7-8): whether the facility meets `standard` through one of its members.
// False when `standard` is not an alias santei knows.
bool meets_standard_alias(std::int32_t standard, const Facility& facility, Date on);

// Reads `xml` as masters/rules/<file> (inpatient_fees.xml, inpatient_bundles.xml,
// inpatient_meals.xml, inpatient_standards.xml) with the loaders the functions above use on the
// compiled-in copy, keeping nothing: every check of the load is made. Throws
// santei::Exception(rule_error). For tests and the rule XML fuzz target.
void check_inpatient_rules(std::string_view file, std::string_view xml);

}  // namespace santei::pricing
