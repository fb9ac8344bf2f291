// Inpatient (入院) pricing: the days of the stay in the service month, the 入院料 billed on each
// (入院基本料 or 特定入院料, its 入院期間 band or 入院期間加算, the listed 入院基本料等加算 the 04
// 入院基本料テーブル lets it carry, 外泊 at 15%/30%), the 包括 of 特定入院料 over the other care of
// their days, and the meals (入院時食事療養). Days with identical items become one line (算定単位)
// whose day_mask names the days and whose count is the number of days (fee-rules.md §9 E19).
//
// Used by price() between its phases: build_units → InpatientStay::apply → claim rules →
// price_units → InpatientStay::price. Per-call state; nothing shared.
#pragma once

#include <array>
#include <vector>

#include <boost/container/small_vector.hpp>
#include <boost/container/static_vector.hpp>

#include "pricing/context.hpp"
#include "pricing/eligibility.hpp"
#include "pricing/inpatient_rules.hpp"

namespace santei::pricing {

struct FieldPath;  // a claim field named in messages (inpatient.cpp)

enum class AwayKind : std::uint8_t { none, away, therapeutic };  // 外泊 15% / 30%

// One day of the service month.
struct InpatientDay {
  bool in_hospital = false;
  AwayKind away = AwayKind::none;
  std::int32_t stay_day = 0;                    // 入院期間: 1 on the 起算日
  std::int32_t fee = -1;                        // index into admission.fees; -1 = no 入院料 listed
  const ProcedureRecord* base = nullptr;        // the 入院料 billed that day; nullptr = none
  const ProcedureRecord* period = nullptr;      // its 入院期間加算, if any
  const FeeSchedule* schedule = nullptr;
  const BundleRule* bundle = nullptr;           // what the day's 特定入院料 (or the DPC 包括) includes
  std::uint8_t meals = 0;                       // served meals (kBreakfast | kLunch | kDinner)
  std::uint8_t special = 0;                     // of those, 特別食
};

class InpatientStay {
 public:
  // Plans the month's days from claim.admission. Throws santei::Exception (claim_error or
  // unknown_code naming the admission field) for an admission that cannot be priced.
  explicit InpatientStay(Context& ctx);

  // Drops, with a Diagnostic, what the visits list that the days' 入院料 already pay for: care a
  // 特定入院料 includes (包括), a 入院料 listed again, an 入院基本料等加算 its 入院料 may not carry.
  void apply(std::vector<Unit>& units);

  // A DPC stay (admission.dpc): the days `covered` (bit d−1 for day d of the month) are billed 包括
  // under `code`, and apply() drops from them the care the DPC 包括 includes (告示 別表 ２,
  // dpc_bundle_rule). False when no DPC 包括 is written for those days (the care is kept).
  bool cover_dpc_days(std::uint32_t covered, const std::string& code);

  // Appends the daily 入院料 lines and the meal lines to the priced claim.
  void price();

 private:
  std::string dpc_code_;  // admission.dpc's code, when cover_dpc_days found a DPC 包括
  struct Addition {
    const InpatientAddition* listed = nullptr;
    const ProcedureRecord* record = nullptr;  // the version in force on the last day priced
    std::size_t index = 0;
    std::uint32_t days = 0;  // day mask it is billed on
  };

  void plan_days();
  void plan_fees();
  void plan_away();
  void plan_meals();
  void plan_additions();
  std::optional<Ineligibility> combination(const ProcedureRecord& addition, const ProcedureRecord& base, Date on) const;
  std::uint32_t addition_days(const ProcedureRecord& addition, const InpatientAddition& listed, std::size_t index);
  const ProcedureRecord& record(Code code, Date on, const FieldPath& field);
  bool eligible(const ProcedureRecord& record, Date on, const FieldPath& field);
  // The first and last 入院期間 day of each unit (explanations).
  using StayDays = boost::container::small_vector<std::pair<std::int32_t, std::int32_t>, 8>;
  void fee_lines(std::vector<Unit>& out, StayDays& stay_days);
  void price_response_lines(std::vector<Unit>& out);
  void meal_lines(std::vector<Unit>& out);
  Unit day_unit(std::uint8_t category, std::uint32_t mask) const;
  Date date_of(std::size_t day_index) const { return first_.plus_days(static_cast<int>(day_index)); }

  Context& ctx_;
  const Admission* admission_ = nullptr;
  Date first_;
  std::size_t month_days_ = 0;
  std::array<InpatientDay, 31> days_{};
  // Inline storage for the few of each a month holds: no allocation per receipt (issue 17).
  boost::container::small_vector<Addition, 4> additions_;
  boost::container::small_vector<std::pair<Code, bool>, 16> eligible_;  // memo: code → eligible
  boost::container::small_vector<Code, 4> diagnosed_;                   // codes whose ineligibility was reported
  // Meal quantities the lines point at (stable addresses): at most 3 per meal code (1–3 食), three
  // codes (meal_lines), so a fixed capacity never reallocates.
  boost::container::static_vector<ClaimItem, 9> items_;
  std::uint32_t price_response_listed_ = 0;      // days whose 物価対応料 the claim lists (bit per day)
  const ProcedureRecord* meal_fee_ = nullptr;
  const ProcedureRecord* meal_special_ = nullptr;
  const ProcedureRecord* meal_dining_ = nullptr;
};

// Whether a 診療行為 is an 入院料 (第1章第2部 第1節 入院基本料 A100–A199 or 第3節 特定入院料
// A300–A399), not one of its additions.
bool is_inpatient_fee(const ProcedureRecord& r);
// Whether it is an 入院基本料等加算 (第1章第2部 第2節, A200–A299).
bool is_inpatient_addition(const ProcedureRecord& r);

}  // namespace santei::pricing
