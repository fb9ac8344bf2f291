#include "pricing/inpatient.hpp"

#include <algorithm>
#include <bit>

#include <fmt/format.h>

#include "pricing/eligibility.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/rules.hpp"

namespace santei::pricing {
namespace {

[[noreturn]] void admission_error(std::string_view field, std::string message) {
  throw Exception(ErrorInfo{Status::claim_error, {}, 0, 0, std::string(field), std::move(message)});
}

[[noreturn]] void fees_rule_error(std::string message) {
  throw Exception(ErrorInfo{Status::rule_error, "masters/rules/inpatient_fees.xml", 0, 0, {}, std::move(message)});
}

constexpr std::uint32_t bit(std::size_t day_index) { return 1u << day_index; }


}  // namespace

// The days of a mask for messages, "2024-06-03, 2024-06-04": formatted in place (fmt::formatter
// below), never stored.
struct DaysText {
  std::uint32_t mask = 0;
  Date first;
};

}  // namespace santei::pricing

template <>
struct fmt::formatter<santei::pricing::DaysText> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const santei::pricing::DaysText& days, FormatContext& ctx) const {
    auto out = ctx.out();
    const char* separator = "";
    for (int i = 0; i < 31; ++i) {
      if (!(days.mask & (1u << i))) continue;
      out = fmt::format_to(out, "{}{}", separator, days.first.plus_days(i).iso());
      separator = ", ";
    }
    return out;
  }
};

namespace santei::pricing {

// A claim field, spelled out only when a message needs it ("admission.fees[1].code").
struct FieldPath {
  const char* path;
  std::size_t index = static_cast<std::size_t>(-1);
  const char* member = "";

  Text text() const {
    return index == static_cast<std::size_t>(-1) ? Text("{}{}", path, member) : Text("{}[{}]{}", path, index, member);
  }
};

namespace {
// The 区分番号 of a record as the rule files write it: "A100", "A308-3".
std::string section_of(const ProcedureRecord& r) {
  return r.branch == 0 ? fmt::format("{}{:03}", r.section_letter, r.section_number)
                       : fmt::format("{}{:03}-{}", r.section_letter, r.section_number, r.branch);
}
}  // namespace

bool is_inpatient_fee(const ProcedureRecord& r) {
  const bool fee_section = (r.section_number >= 100 && r.section_number < 200) || (r.section_number >= 300 && r.section_number < 400);
  return r.chapter == 1 && r.part == 2 && r.section_letter == 'A' && fee_section && !is_addition(r);
}

bool is_inpatient_addition(const ProcedureRecord& r) {
  return r.chapter == 1 && r.part == 2 && r.section_letter == 'A' && r.section_number >= 200 && r.section_number < 300;
}

InpatientStay::InpatientStay(Context& ctx) : ctx_(ctx), admission_(&*ctx.claim.admission) {
  first_ = ctx.claim.month.first_day();
  month_days_ = static_cast<std::size_t>(ctx.claim.month.last_day() - first_ + 1);
  plan_days();
  if (!admission_->fees.empty()) {
    plan_fees();
    plan_away();
    plan_additions();
  }
  if (admission_->meals) plan_meals();
}

// The days in hospital and their 入院期間 (第1章第2部 通則5; 通知 通則7): counted from the 起算日,
// 外泊 days included, the days between two stays of this month left out [unverified for 通算
// readmissions: the 通知 fixes the 起算日 but not how days out of hospital count].
void InpatientStay::plan_days() {
  const Admission& a = *admission_;
  const Date last = ctx_.claim.month.last_day();
  if (last < a.admitted) admission_error("admission.admitted", fmt::format("{} is after the service month", a.admitted.iso()));
  if (a.discharged && *a.discharged < a.admitted) {
    admission_error("admission.discharged", fmt::format("{} is before the admission ({})", a.discharged->iso(), a.admitted.iso()));
  }
  boost::container::small_vector<DateRange, 4> stays(a.stays.begin(), a.stays.end());  // inline (issue 17)
  if (stays.empty()) {
    stays.push_back(DateRange{a.admitted, a.discharged.value_or(Date::open_end())});
  } else {
    if (stays.front().from < a.admitted) admission_error("admission.stays[0].from", "a stay cannot begin before admission.admitted");
    if (a.discharged) {
      if (stays.back().to.is_open_end()) stays.back().to = *a.discharged;
      if (stays.back().to != *a.discharged) {
        admission_error(fmt::format("admission.stays[{}].to", stays.size() - 1), "the last stay ends on admission.discharged");
      }
    }
  }
  int gap = 0;
  for (std::size_t s = 0; s < stays.size(); ++s) {
    if (s > 0) gap += stays[s].from - stays[s - 1].to - 1;
    const Date from = std::max(stays[s].from, first_);
    const Date to = std::min(stays[s].to, last);
    for (Date d = from; d <= to; d = d.plus_days(1)) {
      InpatientDay& day = days_[static_cast<std::size_t>(d - first_)];
      day.in_hospital = true;
      day.stay_day = d - a.admitted + 1 - gap;
    }
  }
}

const ProcedureRecord& InpatientStay::record(Code code, Date on, const FieldPath& field) {
  if (code / 100000000 != 1) admission_error(field.text(), fmt::format("{} is not a 診療行為 code", code));
  if (const ProcedureRecord* r = ctx_.set.procedure(code, on)) return *r;
  const bool known = !ctx_.set.procedure_versions(code).empty();
  throw Exception(ErrorInfo{Status::unknown_code, {}, 0, 0, std::string(field.text()),
                            known ? fmt::format("{} is not in force on {} (医科診療行為マスター of {})", code, on.iso(), ctx_.set.revision())
                                  : fmt::format("{} is not in the 医科診療行為マスター of {}", code, ctx_.set.revision())});
}

// The master's conditions of a code (eligibility.hpp), decided once per code — per day for an
// age-bound code, whose patient may pass a birthday within the month; one Diagnostic per code.
bool InpatientStay::eligible(const ProcedureRecord& r, Date on, const FieldPath& field) {
  const bool by_date = !r.min_age.is_none() || !r.max_age.is_none();
  if (!by_date) {
    for (const auto& [code, ok] : eligible_) {
      if (code == r.code) return ok;
    }
  }
  const auto why = check_eligibility(ctx_, r, on);
  if (why && std::find(diagnosed_.begin(), diagnosed_.end(), r.code) == diagnosed_.end()) {
    diagnosed_.push_back(r.code);
    ctx_.diagnose(Severity::error, why->rule, {r.code},
                  Text("{} {} not billed: {}", r.code, r.name, std::string_view(why->message)), on, field.text());
  }
  if (!by_date) eligible_.emplace_back(r.code, !why);
  return !why;
}

void InpatientStay::plan_fees() {
  const Admission& a = *admission_;
  const RuleGraph& rules = ctx_.set.rules();
  for (std::size_t i = 0; i < a.fees.size(); ++i) {
    const FieldPath field{"admission.fees", i, ".code"};
    const ProcedureRecord& fee = record(a.fees[i].code, ctx_.lookup_date(std::max(a.fees[i].from, first_)), field);
    if (!is_inpatient_fee(fee)) {
      admission_error(field.text(), fmt::format("{} {} is not an 入院基本料 (A100–A199) or 特定入院料 (A300–A399)", fee.code, fee.name));
    }
  }
  boost::container::small_vector<std::uint32_t, 4> past_limit(a.fees.size());  // inline (issue 17)
  std::uint64_t unscheduled = 0;  // fees warned about (bit per fee)
  const ProcedureRecord* bundle_of = nullptr;  // memo of the last day's bundle lookup
  const BundleRule* bundle = nullptr;
  for (std::size_t i = 0; i < month_days_; ++i) {
    InpatientDay& day = days_[i];
    if (!day.in_hospital) continue;
    const Date date = date_of(i);
    const Date on = ctx_.lookup_date(date);
    std::size_t f = a.fees.size();
    while (f > 0 && date < a.fees[f - 1].from) --f;
    if (f == 0) admission_error("admission.fees[0].from", fmt::format("no 入院料 for {}: the first fee starts on {}", date.iso(), a.fees[0].from.iso()));
    --f;
    day.fee = static_cast<std::int32_t>(f);
    const FieldPath field{"admission.fees", f, ".code"};
    const ProcedureRecord& listed = record(a.fees[f].code, on, field);
    const FeeSchedule* schedule = fee_schedule(listed.code, on);
    const ProcedureRecord* base = &listed;
    const ProcedureRecord* period = nullptr;
    if (schedule && schedule->kind == ScheduleKind::base) {
      const PeriodBand* band = schedule->band(day.stay_day);
      const std::int32_t limit_day = schedule->limit_from_ward ? date - std::max(a.fees[f].from, a.admitted) + 1 : day.stay_day;
      if (!band || (schedule->limit_days > 0 && limit_day > schedule->limit_days)) {
        past_limit[f] |= bit(i);
        continue;
      }
      base = ctx_.set.procedure(band->code, on);
      if (!base) fees_rule_error(fmt::format("schedule '{}': band code {} is not in the masters on {}", schedule->id, band->code, on.iso()));
    } else if (schedule) {
      if (const PeriodBand* band = schedule->band(day.stay_day)) {
        period = ctx_.set.procedure(band->code, on);
        if (!period) fees_rule_error(fmt::format("schedule '{}': band code {} is not in the masters on {}", schedule->id, band->code, on.iso()));
      }
    } else if (const ScheduleUnknown* unknown = schedule_unknown(section_of(listed), on);
               unknown && f < 64 && !(unscheduled & (std::uint64_t{1} << f))) {
      unscheduled |= std::uint64_t{1} << f;
      ctx_.diagnose(Severity::warning, "入院料/入院期間", {listed.code},
                    fmt::format("{} {}: {} (masters/rules/inpatient_fees.xml)", listed.code, listed.name, unknown->reason),
                    date, field.text());
    } else if (listed.max_count > 0 && f < 64 && !(unscheduled & (std::uint64_t{1} << f))) {
      // A code limited to some days (上限回数) is usually one band of a banded 入院料.
      unscheduled |= std::uint64_t{1} << f;
      ctx_.diagnose(Severity::warning, "入院料/入院期間", {listed.code},
                    fmt::format("{} {} is billable {} times (上限回数, s col 36) but masters/rules/inpatient_fees.xml has no "
                                "入院期間 schedule for it: billed as listed on every day",
                                listed.code, listed.name, listed.max_count),
                    date, field.text());
    }
    if (!eligible(*base, date, field)) continue;
    day.base = base;
    day.period = period;  // its conditions are the base's (the schedule ties them): not checked again
    day.schedule = schedule;
    if (base != bundle_of) {
      bundle_of = base;
      boost::container::small_vector<std::string, 4> groups;  // inline (issue 17)
      if (const AuxiliaryRecord* aux = rules.auxiliary(base->code, on)) {
        for (std::size_t k = 0; k < aux->bundle_units.size(); ++k) {
          if (aux->bundle_units[k] == 1 && !aux->bundle_groups[k].empty()) groups.push_back(aux->bundle_groups[k]);  // 1日につき
        }
      }
      bundle = bundle_rule(base->code, {groups.data(), groups.size()}, on);
    }
    day.bundle = bundle;
  }
  for (std::size_t f = 0; f < a.fees.size(); ++f) {
    if (past_limit[f] == 0) continue;
    const Date on = ctx_.lookup_date(first_.plus_days(std::countr_zero(past_limit[f])));
    const FeeSchedule* schedule = fee_schedule(a.fees[f].code, on);
    ctx_.diagnose(Severity::error, "入院料/算定日数", {a.fees[f].code},
                  fmt::format("{} is billable for {} days of 入院期間{} ({}): not billed on {}", a.fees[f].code,
                              schedule ? (schedule->limit_days > 0 ? schedule->limit_days : schedule->bands.back().to_day) : 0,
                              schedule && schedule->limit_from_ward ? " in the ward" : "", schedule ? schedule->source : "",
                              DaysText{past_limit[f], first_}),
                  first_.plus_days(std::countr_zero(past_limit[f])), Text("admission.fees[{}]", f));
  }
}

// 外泊 (通知 第1章第2部 通則6(1)): a therapeutic 外泊 of a psychiatric patient is billed at 30% for at
// most 3 days in a row and 6 days a month; beyond that it is an ordinary 外泊 (15%).
void InpatientStay::plan_away() {
  const Admission& a = *admission_;
  const auto mark = [&](const std::vector<Date>& dates, const char* name, AwayKind kind) {
    for (std::size_t i = 0; i < dates.size(); ++i) {
      const Text field("admission.{}[{}]", name, i);
      if (!ctx_.claim.month.contains(dates[i])) admission_error(field, fmt::format("{} is outside the service month", dates[i].iso()));
      InpatientDay& day = days_[static_cast<std::size_t>(dates[i] - first_)];
      if (!day.in_hospital) admission_error(field, fmt::format("{} is not a day of the stay", dates[i].iso()));
      if (day.away != AwayKind::none) admission_error(field, fmt::format("{} is listed as 外泊 twice", dates[i].iso()));
      day.away = kind;
    }
  };
  mark(a.away_days, "away_days", AwayKind::away);
  mark(a.therapeutic_away_days, "therapeutic_away_days", AwayKind::therapeutic);
  if (a.therapeutic_away_days.empty()) return;
  const AwayRule* rule = away_rule(ctx_.lookup_date(first_));
  if (!rule) return;
  std::int32_t run = 0;
  std::int32_t month = 0;
  std::uint32_t over = 0;
  for (std::size_t i = 0; i < month_days_; ++i) {
    InpatientDay& day = days_[i];
    if (day.away != AwayKind::therapeutic) {
      run = 0;
      continue;
    }
    ++run;
    if (run > rule->therapeutic_consecutive || month >= rule->therapeutic_month) {
      day.away = AwayKind::away;
      over |= bit(i);
    } else {
      ++month;
    }
  }
  if (over != 0) {
    ctx_.diagnose(Severity::error, "外泊/30%", {rule->basic_therapeutic},
                  fmt::format("a therapeutic 外泊 is billed at 30% for at most {} days in a row and {} days a month ({}): "
                              "{} billed at 15%",
                              rule->therapeutic_consecutive, rule->therapeutic_month, rule->source, DaysText{over, first_}),
                  first_.plus_days(std::countr_zero(over)), "admission.therapeutic_away_days");
  }
}

// Why an addition may not be billed with a day's 入院料, or nullopt: it must be an 入院基本料等加算
// the 入院料 lets combine (04 入院基本料テーブル, the 入院料's 入院基本料識別 group in 01 補助 col 20)
// or a 注加算 of the 入院料 itself (the same 注加算コード).
std::optional<Ineligibility> InpatientStay::combination(const ProcedureRecord& addition, const ProcedureRecord& base, Date on) const {
  if (addition.price_response_kind == '1') {  // 物価対応料 (告示 O100 注4): the one of the 入院料's group
    if (base.price_response_kind == '2' && base.price_response_group == addition.price_response_group) return std::nullopt;
    return Ineligibility{"物価対応料", Text("it is billed with an 入院料 of 物価対応料グループ区分 {:03} (s col 133), "
                                            "and {} {} is of {:03}",
                                            addition.price_response_group, base.code, base.name,
                                            base.price_response_kind == '2' ? base.price_response_group : 0)};
  }
  if (is_inpatient_addition(addition)) {
    const RuleGraph& rules = ctx_.set.rules();
    if (!rules.has_table(ElectronicTable::inpatient)) return std::nullopt;
    const AuxiliaryRecord* aux = rules.auxiliary(base.code, on);
    const std::int32_t group = aux ? aux->inpatient_group : 0;
    for (const InpatientAdditionRecord& row : rules.inpatient_group(group)) {
      if (row.code == addition.code && row.valid_from <= on && on <= row.valid_to) return std::nullopt;
    }
    return Ineligibility{"入院基本料テーブル",
                         group == 0 ? Text("{} {} has no 入院基本料識別 (01 補助 col 20)", base.code, base.name)
                                    : Text("04 入院基本料テーブル group {:03} of {} {} does not list it", group, base.code,
                                           base.name)};
  }
  if (is_addition(addition) && addition.addition_group != 0 && addition.addition_group == base.addition_group) return std::nullopt;
  return Ineligibility{"入院料/加算", Text("neither an 入院基本料等加算 (A200–A299) nor a 注加算 of {} {} (注加算コード {})",
                                        base.code, base.name, base.addition_group)};
}

// The days a listed addition is billed on: the days of the stay with an 入院料 (not 外泊) within its
// from/to, as its 算定単位 in the 05 算定回数テーブル allows: 入院初日 only the 起算日; 入院中 N the
// first N days of the 入院期間 (the 「入院した日から起算してN日を限度」 of the 加算); 退院時 the discharge
// day; 月 N / 週 N the first N days of the month / Sunday–Saturday week; 日 one a day.
std::uint32_t InpatientStay::addition_days(const ProcedureRecord& addition, const InpatientAddition& listed, std::size_t index) {
  const Admission& a = *admission_;
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < month_days_; ++i) {
    const InpatientDay& day = days_[i];
    const Date date = date_of(i);
    if (!day.base || day.away != AwayKind::none) continue;
    if ((listed.from && date < *listed.from) || (listed.to && *listed.to < date)) continue;
    mask |= bit(i);
  }
  const RuleGraph& rules = ctx_.set.rules();
  if (mask != 0 && rules.has_table(ElectronicTable::count_limit) && (addition.rule_flags & ProcedureRecord::kHasCountLimits)) {
    const Date on = ctx_.lookup_date(date_of(static_cast<std::size_t>(std::countr_zero(mask))));
    for (const CountLimitRecord& row : rules.count_limits(addition.code)) {
      if (!(row.valid_from <= on && on <= row.valid_to)) continue;
      std::uint32_t keep = 0;
      std::int32_t used = 0;
      Date window;
      for (std::size_t i = 0; i < month_days_; ++i) {
        if (!(mask & bit(i))) continue;
        const InpatientDay& day = days_[i];
        const Date date = date_of(i);
        bool ok = true;
        switch (row.unit) {
          case 121: ok = row.limit >= 1; break;                                  // 日
          case 132: ok = day.stay_day == 1; break;                               // 入院初日
          case 133: ok = day.stay_day <= row.limit; break;                       // 入院中
          case 134: ok = a.discharged && *a.discharged == date; break;           // 退院時
          case 131: ok = used++ < row.limit; break;                              // 月
          case 138:                                                              // 週
            if (week_start(date) != window) {
              window = week_start(date);
              used = 0;
            }
            ok = used++ < row.limit;
            break;
          default:
            ctx_.diagnose(Severity::info, "算定回数", {addition.code},
                          fmt::format("{} {} has a limit per 算定単位 {} that santei does not apply to inpatient days",
                                      addition.code, addition.name, row.unit),
                          std::nullopt, fmt::format("admission.additions[{}]", index));
            break;
        }
        if (ok) keep |= bit(i);
      }
      mask = keep;
    }
  }
  // The days whose 入院料 may carry it; one Diagnostic per 入院料 that may not: an error when no
  // day of the stay may, information when the others may (e.g. days in a 特定入院料 that includes it).
  const FieldPath field{"admission.additions", index, ".code"};
  // By listed fee: its 入院料, the day its refusal was decided on (its text is built only for the
  // Diagnostic) and the days refused.
  struct Refused {
    std::int32_t fee = 0;
    const ProcedureRecord* base = nullptr;
    Date on;
    std::uint32_t days = 0;
  };
  boost::container::small_vector<Refused, 4> refused;
  const ProcedureRecord* last_base = nullptr;  // days mostly share their 入院料: decide once per run
  bool refuse = false;
  Date decided_on;
  for (std::size_t i = 0; i < month_days_; ++i) {
    if (!(mask & bit(i))) continue;
    const ProcedureRecord* base = days_[i].base;
    if (base != last_base) {
      last_base = base;
      decided_on = ctx_.lookup_date(date_of(i));
      refuse = combination(addition, *base, decided_on).has_value();
    }
    if (!refuse) continue;
    mask &= ~bit(i);
    auto it = std::find_if(refused.begin(), refused.end(), [&](const Refused& r) { return r.fee == days_[i].fee; });
    if (it == refused.end()) it = refused.insert(refused.end(), Refused{days_[i].fee, base, decided_on, 0});
    it->days |= bit(i);
  }
  for (const Refused& r : refused) {
    const Ineligibility why = *combination(addition, *r.base, r.on);
    ctx_.diagnose(mask == 0 ? Severity::error : Severity::info, why.rule, {addition.code, r.base->code},
                  Text("{} {} not billed on {}: {}", addition.code, addition.name, DaysText{r.days, first_},
                       std::string_view(why.message)),
                  first_.plus_days(std::countr_zero(r.days)), field.text());
  }
  if (mask == 0) return mask;
  if (addition.min_age.is_none() && addition.max_age.is_none()) {
    if (!eligible(addition, date_of(static_cast<std::size_t>(std::countr_zero(mask))), field)) mask = 0;
    return mask;
  }
  // An age-bound addition (乳幼児加算 …) is checked day by day: a birthday may fall in the month.
  std::uint32_t refused_days = 0;
  std::optional<Ineligibility> first_why;
  for (std::size_t i = 0; i < month_days_; ++i) {
    if (!(mask & bit(i))) continue;
    if (auto no = check_eligibility(ctx_, addition, date_of(i))) {
      refused_days |= bit(i);
      if (!first_why) first_why = std::move(no);
    }
  }
  mask &= ~refused_days;
  if (first_why) {
    ctx_.diagnose(mask == 0 ? Severity::error : Severity::info, first_why->rule, {addition.code},
                  Text("{} {} not billed on {}: {}", addition.code, addition.name, DaysText{refused_days, first_},
                       std::string_view(first_why->message)),
                  first_.plus_days(std::countr_zero(refused_days)), field.text());
  }
  return mask;
}

void InpatientStay::plan_additions() {
  const Admission& a = *admission_;
  additions_.reserve(a.additions.size());
  for (std::size_t i = 0; i < a.additions.size(); ++i) {
    const InpatientAddition& listed = a.additions[i];
    const Date on = ctx_.lookup_date(listed.from ? std::max(*listed.from, first_) : first_);
    const ProcedureRecord& addition = record(listed.code, on, FieldPath{"admission.additions", i, ".code"});
    if (is_inpatient_fee(addition)) {
      admission_error(fmt::format("admission.additions[{}].code", i),
                      fmt::format("{} {} is an 入院料: list it in admission.fees", addition.code, addition.name));
    }
    additions_.push_back(Addition{&listed, &addition, i, addition_days(addition, listed, i)});
    if (addition.price_response_kind == '1') price_response_listed_ |= additions_.back().days;
  }
}

void InpatientStay::plan_meals() {
  const Meals& meals = *admission_->meals;
  for (std::size_t r = 0; r < meals.days.size(); ++r) {
    const MealDays& run = meals.days[r];
    for (Date d = run.from; d <= run.to; d = d.plus_days(1)) {
      const FieldPath field{"admission.meals.days", r};
      if (!ctx_.claim.month.contains(d)) admission_error(field.text(), fmt::format("{} is outside the service month", d.iso()));
      InpatientDay& day = days_[static_cast<std::size_t>(d - first_)];
      if (!day.in_hospital || day.away != AwayKind::none) {
        admission_error(field.text(), fmt::format("{} is not a day in hospital: no meals are served", d.iso()));
      }
      if (day.meals != 0) admission_error(field.text(), fmt::format("{} has meals listed twice", d.iso()));
      day.meals = run.served;
      day.special = run.special;
    }
  }
  const auto first_meal = std::find_if(days_.begin(), days_.end(), [](const InpatientDay& d) { return d.meals != 0; });
  if (first_meal == days_.end()) return;
  const Date date = date_of(static_cast<std::size_t>(first_meal - days_.begin()));
  const Date on = ctx_.lookup_date(date);
  const MealFeeRule* rule = meal_fee_rule(meals.code, on);
  if (!rule) {
    admission_error("admission.meals.code", fmt::format("{} is not an 入院時食事療養 fee (masters/rules/inpatient_meals.xml)", meals.code));
  }
  const ProcedureRecord& fee = record(meals.code, on, FieldPath{"admission.meals.code"});
  if (!eligible(fee, date, FieldPath{"admission.meals.code"})) return;
  meal_fee_ = &fee;
  const bool special = std::any_of(days_.begin(), days_.end(), [](const InpatientDay& d) { return d.special != 0; });
  if (special && rule->special == 0) {
    ctx_.diagnose(Severity::error, "食事療養/特別食加算", {meals.code},
                  fmt::format("特別食加算 is not billable with {} {} ({}): not billed", fee.code, fee.name, rule->source), date,
                  "admission.meals.days");
  } else if (special) {
    meal_special_ = &record(rule->special, on, FieldPath{"admission.meals.days"});
  }
  if (meals.dining_room && rule->dining == 0) {
    ctx_.diagnose(Severity::error, "食事療養/食堂加算", {meals.code},
                  fmt::format("食堂加算 is not billable with {} {} ({}): not billed", fee.code, fee.name, rule->source), date,
                  "admission.meals.dining_room");
  } else if (meals.dining_room) {
    meal_dining_ = &record(rule->dining, on, FieldPath{"admission.meals.dining_room"});
  }
}

bool InpatientStay::cover_dpc_days(std::uint32_t covered, const std::string& code) {
  bool found = false;
  for (std::size_t d = 0; d < days_.size(); ++d) {
    if (!(covered & bit(d))) continue;
    days_[d].bundle = dpc_bundle_rule(ctx_.lookup_date(date_of(d)));
    found = found || days_[d].bundle != nullptr;
  }
  if (found) dpc_code_ = code;
  return found;
}

void InpatientStay::apply(std::vector<Unit>& units) {
  if (admission_->fees.empty() && dpc_code_.empty()) return;
  // Orders (visit, order) holding a procedure outside the day's bundle: their drugs and materials
  // are billable with them (e.g. 手術 and its 薬剤 in a 地域包括ケア病棟).
  std::vector<std::pair<std::size_t, std::size_t>> exempt_orders;
  for (const Unit& unit : units) {
    if (unit.dropped || !ctx_.claim.month.contains(unit.date)) continue;
    const InpatientDay& day = days_[static_cast<std::size_t>(unit.date - first_)];
    if (!day.bundle) continue;
    for (const Resolved& r : unit.items) {
      if (r.procedure && !r.dropped && !is_inpatient_fee(*r.procedure) && !is_inpatient_addition(*r.procedure) &&
          !day.bundle->includes(*r.procedure)) {
        exempt_orders.emplace_back(unit.visit, unit.order);
      }
    }
  }
  const auto exempt = [&](const Unit& u) {
    return std::find(exempt_orders.begin(), exempt_orders.end(), std::pair{u.visit, u.order}) != exempt_orders.end();
  };
  for (Unit& unit : units) {
    if (unit.dropped || !ctx_.claim.month.contains(unit.date)) continue;
    const InpatientDay& day = days_[static_cast<std::size_t>(unit.date - first_)];
    if (!day.base && !day.bundle) continue;
    // What holds the day's 包括: its 特定入院料, or the DPC 診断群分類.
    const auto holder = [&] {
      return day.base ? Text("{} {}", day.base->code, day.base->name) : Text("the DPC 包括 of {}", dpc_code_);
    };
    const char* bundle_rule_name = day.base ? "包括/特定入院料" : "包括/DPC";
    const auto involved = [&](Code code) {
      return day.base ? boost::container::small_vector<Code, 2>{code, day.base->code} : boost::container::small_vector<Code, 2>{code};
    };
    for (std::size_t i = 0; i < unit.items.size() && !unit.dropped; ++i) {
      const Resolved& r = unit.items[i];
      if (r.dropped) continue;
      const auto field = [&r] { return r.item ? r.where.path(".code") : Text(); };
      if (r.procedure) {
        const ProcedureRecord& p = *r.procedure;
        if (day.base && is_inpatient_fee(p)) {
          ctx_.diagnose(Severity::error, "入院料/重複", {p.code, day.base->code},
                        fmt::format("{} is listed in the visits of an admission whose 入院料 come from admission.fees "
                                    "({} {} on {}): not billed",
                                    ctx_.describe(r), day.base->code, day.base->name, unit.date.iso()),
                        unit.date, field());
          drop_item(unit, i);
        } else if (day.base && (is_inpatient_addition(p) || p.price_response_kind == '1')) {
          if (auto why = combination(p, *day.base, ctx_.lookup_date(unit.date));
              why && ctx_.forbid(why->rule, {p.code, day.base->code},
                                 Text("{} on {}: {}", ctx_.describe(r), unit.date.iso(), std::string_view(why->message)), "not billed",
                                 unit.date, field())) {
            drop_item(unit, i);
          } else if (p.price_response_kind == '1') {
            const std::uint32_t day_bit = bit(static_cast<std::size_t>(unit.date - first_));
            if ((price_response_listed_ & day_bit) &&
                ctx_.forbid("物価対応料", {p.code},
                            fmt::format("{} is a second 物価対応料 on {}: billed once a day (通知 O100 (5))",
                                        ctx_.describe(r), unit.date.iso()),
                            "not billed", unit.date, field())) {
              drop_item(unit, i);
            }
            price_response_listed_ |= day_bit;  // listed: santei adds none that day
          }
        } else if (day.bundle && day.bundle->includes(p)) {
          const std::string* unknown = day.bundle->unknown_reason(p);
          if (ctx_.forbid(bundle_rule_name, involved(p.code),
                          Text("{} is included in {} on {} ({}){}", ctx_.describe(r), std::string_view(holder()),
                               unit.date.iso(), day.bundle->source,
                               unknown ? fmt::format(" [unknown: {}]", *unknown) : std::string()),
                          "not billed separately", unit.date, field())) {
            drop_item(unit, i);
          }
        }
        continue;
      }
      if (!day.bundle || (!r.drug && !r.material) || exempt(unit)) continue;
      const BundledItems policy = r.drug ? day.bundle->drugs : day.bundle->materials;
      if (policy == BundledItems::bundled) {
        if (ctx_.forbid(bundle_rule_name, involved(r.code),
                        Text("{} is included in {} on {} ({})", ctx_.describe(r), std::string_view(holder()),
                             unit.date.iso(), day.bundle->source),
                        "not billed separately", unit.date, field())) {
          drop_item(unit, i);
        }
      } else if (policy == BundledItems::except_listed) {
        ctx_.diagnose(Severity::warning, bundle_rule_name, involved(r.code),
                      Text("{} is included in {} on {} unless {} ({}; santei does not list them): kept",
                           ctx_.describe(r), std::string_view(holder()), unit.date.iso(),
                           day.base ? "it is a 除外薬剤・注射薬" : "it is one the 告示 leaves out (別表 ２ ロ)",
                           day.bundle->source),
                      unit.date, field());
      }
    }
  }
}

Unit InpatientStay::day_unit(std::uint8_t category, std::uint32_t mask) const {
  Unit unit;
  unit.kind = UnitKind::procedure;
  unit.date = date_of(static_cast<std::size_t>(std::countr_zero(mask)));
  unit.category = category;
  unit.burden = admission_->burden;
  unit.count = std::popcount(mask);
  unit.day_mask = mask;
  return unit;
}

namespace {

Resolved resolved(const ProcedureRecord& r, bool automatic, const ClaimItem* item = nullptr) {
  Resolved out;
  out.item = item;
  out.kind = ItemKind::procedure;
  out.code = r.code;
  out.procedure = &r;
  out.automatic = automatic;
  return out;
}

// Days with the same items, in order of their first day.
struct DayGroup {
  boost::container::small_vector<const ProcedureRecord*, 6> items;
  std::uint32_t mask = 0;
  std::int32_t first_day = 0;  // 入院期間 of the first and last day (explanations)
  std::int32_t last_day = 0;
  std::size_t automatic_from = 0;  // items[automatic_from…] are period additions / reductions
  std::size_t automatic_to = 0;
};

}  // namespace

// The daily 入院料 lines: each day's items, then one unit per distinct list of items. A 外泊 day
// bills the 入院料 alone with its reduction (s col 48 = 1 → the col 48 = 4 code), a day in a
// schedule its band, every other day the 入院料, its 入院期間加算 and the additions of that day.
void InpatientStay::fee_lines(std::vector<Unit>& out, StayDays& stay_days) {
  boost::container::small_vector<DayGroup, 8> groups;  // a month has a few: inline (issue 17)
  for (std::size_t i = 0; i < month_days_; ++i) {
    const InpatientDay& day = days_[i];
    if (!day.base) continue;
    const Date date = date_of(i);
    DayGroup g;
    g.items.push_back(day.base);
    if (day.away != AwayKind::none) {
      const AwayRule* rule = away_rule(ctx_.lookup_date(date));
      if (rule && day.base->inpatient_reduction == 1) {
        const bool specific = day.base->section_number >= 300;
        const bool therapeutic = day.away == AwayKind::therapeutic;
        const Code code = specific ? (therapeutic ? rule->specific_therapeutic : rule->specific)
                                   : (therapeutic ? rule->basic_therapeutic : rule->basic);
        g.automatic_from = 1;
        g.items.push_back(&record(code, ctx_.lookup_date(date), FieldPath{"admission.away_days"}));
        g.automatic_to = 2;
      } else {
        ctx_.diagnose(Severity::warning, "外泊", {day.base->code},
                      fmt::format("{} {} is not an 入院料 the 外泊 reduction applies to (s col 48 = {}): billed in full on {}",
                                  day.base->code, day.base->name, day.base->inpatient_reduction, date.iso()),
                      date, "admission.away_days");
      }
    } else {
      g.automatic_from = 1;
      if (day.period) g.items.push_back(day.period);
      g.automatic_to = g.items.size();
      for (Addition& a : additions_) {
        if (!(a.days & bit(i))) continue;
        const Date on = ctx_.lookup_date(date);
        if (!(a.record->valid_from <= on && on <= a.record->valid_to)) {  // a new version within the month
          a.record = &record(a.listed->code, on, FieldPath{"admission.additions", a.index, ".code"});
        }
        g.items.push_back(a.record);
      }
    }
    auto it = std::find_if(groups.begin(), groups.end(), [&](const DayGroup& other) { return other.items == g.items; });
    if (it == groups.end()) {
      g.first_day = day.stay_day;
      it = groups.insert(groups.end(), std::move(g));
    }
    it->mask |= bit(i);
    it->last_day = day.stay_day;
  }
  for (const DayGroup& g : groups) {
    const ProcedureRecord& base = *g.items.front();
    Unit unit = day_unit(base.section_number >= 300 ? 92 : 90, g.mask);  // 第3節 特定入院料: 92
    for (std::size_t k = 0; k < g.items.size(); ++k) {
      unit.items.emplace_back(resolved(*g.items[k], k >= g.automatic_from && k < g.automatic_to));
    }
    out.push_back(std::move(unit));
    stay_days.emplace_back(g.first_day, g.last_day);
  }
}

// 入院物価対応料 (masters/rules/price_response.xml, 告示 O100 注4, 通知 O100 (5)): once a day, the
// 物価対応料 of the 物価対応料グループ区分 (s col 133) of the 入院料 the day bills, as the master links
// them; days with the same one share a line (診療識別 80). Nothing on a day whose 物価対応料 the claim
// lists, and — the rule file says why — on a 外泊 day or where the group has several.
void InpatientStay::price_response_lines(std::vector<Unit>& out) {
  // Inline storage: a month has one or two of each, no allocation per receipt (issue 17).
  boost::container::small_vector<std::pair<const ProcedureRecord*, std::uint32_t>, 4> lines;  // item → days
  boost::container::small_vector<std::int32_t, 4> warned;  // groups with several, reported
  std::uint32_t away = 0;
  const PriceResponseRule* away_rule_of = nullptr;
  for (std::size_t i = 0; i < month_days_; ++i) {
    const InpatientDay& day = days_[i];
    if (!day.base || day.base->price_response_kind != '2' || (price_response_listed_ & bit(i))) continue;
    const Date date = date_of(i);
    const Date on = ctx_.lookup_date(date);
    const PriceResponseRule* rule = price_response_rule(on);
    if (!rule) continue;
    const std::int32_t group = day.base->price_response_group;
    boost::container::small_vector<const ProcedureRecord*, 4> candidates;  // per day: inline (issue 17)
    for (Code code : ctx_.set.rules().price_response_items(group)) {
      const ProcedureRecord* item = ctx_.set.procedure(code, on);
      if (item && is_eligible(ctx_, *item, date)) candidates.push_back(item);
    }
    if (candidates.empty()) continue;
    if (day.away != AwayKind::none) {
      away |= bit(i);
      away_rule_of = rule;
      continue;
    }
    if (candidates.size() > 1) {
      if (std::find(warned.begin(), warned.end(), group) == warned.end()) {
        warned.push_back(group);
        std::vector<Code> codes;
        for (const ProcedureRecord* c : candidates) codes.push_back(c->code);
        ctx_.diagnose(Severity::warning, "物価対応料", codes,
                      fmt::format("物価対応料グループ区分 {:03} of {} {} has {} 物価対応料 in force: none added ({})", group,
                                  day.base->code, day.base->name, candidates.size(), rule->several_in_group),
                      date, "admission.fees");
      }
      continue;
    }
    auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == candidates.front(); });
    if (it == lines.end()) it = lines.insert(lines.end(), {candidates.front(), 0});
    it->second |= bit(i);
  }
  if (away != 0) {
    ctx_.diagnose(Severity::warning, "物価対応料", {},
                  fmt::format("no 入院物価対応料 added on the 外泊 days {} ({})", DaysText{away, first_}, away_rule_of->away_day),
                  first_.plus_days(std::countr_zero(away)), "admission.away_days");
  }
  for (const auto& line : lines) {
    // Named, not structured bindings: the lambda below captures them (clang refuses a binding there).
    const ProcedureRecord* const item = line.first;
    const std::uint32_t mask = line.second;
    const Date first = first_.plus_days(std::countr_zero(mask));
    if (!ctx_.add_automatic(
            "物価対応料", {item->code},
            [&] {
              return fmt::format("{} {} not claimed: the law adds it each day of an 入院料 of 物価対応料グループ区分 "
                                 "{:03} ({}; s cols 132–133 of {}; {})",
                                 item->code, item->name, item->price_response_group, DaysText{mask, first_},
                                 ctx_.set.revision(), price_response_rule(ctx_.lookup_date(first))->source);
            },
            first, [] { return std::string("admission.fees"); })) {
      continue;
    }
    Unit unit = day_unit(80, mask);  // 診療識別 80 その他 (s col 66 点数欄集計先 800)
    unit.items.emplace_back(resolved(*item, true));
    out.push_back(std::move(unit));
  }
}

// Meal lines (診療識別 97): the meal fee by きざみ in 食 units (its yen for the day's meals), the
// 特別食加算 likewise for the day's 特別食, and 食堂加算 on each day with a meal; days with the same
// numbers share a line.
void InpatientStay::meal_lines(std::vector<Unit>& out) {
  if (!meal_fee_) return;
  const auto add = [&](const ProcedureRecord& record, auto per_day) {
    std::array<std::uint32_t, 4> masks{};  // by quantity 0–3
    for (std::size_t i = 0; i < month_days_; ++i) masks[static_cast<std::size_t>(per_day(days_[i]))] |= bit(i);
    for (std::size_t q = 1; q <= 3; ++q) {
      if (masks[q] == 0) continue;
      Unit unit = day_unit(97, masks[q]);
      const ClaimItem* item = nullptr;
      if (record.stepped == 1) {  // きざみ in 食 units: the day's amount
        item = &items_.emplace_back(ClaimItem{record.code, Decimal(static_cast<std::int64_t>(q)), std::nullopt, {}});
      } else {
        unit.count *= static_cast<std::int32_t>(q);  // one per meal
      }
      unit.items.emplace_back(resolved(record, false, item));
      out.push_back(std::move(unit));
    }
  };
  add(*meal_fee_, [](const InpatientDay& d) { return std::popcount(d.meals); });
  if (meal_special_) add(*meal_special_, [](const InpatientDay& d) { return std::popcount(d.special); });
  if (meal_dining_) add(*meal_dining_, [](const InpatientDay& d) { return d.meals != 0 ? 1 : 0; });
}

void InpatientStay::price() {
  // The daily units in a thread_local buffer, cleared per claim and its capacity reused (issue 17);
  // not price()'s own buffer, which still holds the claim's units.
  thread_local std::vector<Unit> units;
  units.clear();
  StayDays stay_days;
  if (!admission_->fees.empty()) fee_lines(units, stay_days);
  const std::size_t fee_units = units.size();
  if (!admission_->fees.empty()) price_response_lines(units);
  meal_lines(units);
  if (units.empty()) return;
  const std::size_t first_line = ctx_.lines().size();
  price_units(ctx_, units);
  if (!ctx_.options.explain) return;
  const std::span<PricedLine> lines = ctx_.lines();
  for (std::size_t u = 0; u < stay_days.size() && u < fee_units && first_line + u < lines.size(); ++u) {
    PricedLine& line = lines[first_line + u];
    line.explain.insert(line.explain.begin(),
                        ExplainStep{ExplainKind::inpatient_days, line.items.front().code, Decimal(0),
                                    Decimal(stay_days[u].first), Decimal(stay_days[u].second), line.count});
  }
}

}  // namespace santei::pricing
