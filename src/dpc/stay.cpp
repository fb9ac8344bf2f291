#include "dpc/stay.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <boost/container/small_vector.hpp>
#include <boost/container/static_vector.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dpc/addons.hpp"
#include "santei/result.hpp"
#include "santei/rounding.hpp"

namespace santei::dpc {

void claim_fail(std::string field, std::string message, Status status) {
  throw Exception(ErrorInfo{status, "<claim>", 0, 0, std::move(field), std::move(message)});
}

namespace {

// A readmission within this many days of the discharge (the day after it is day 1) continues the
// stay (留意事項 第３ １(７)①).
constexpr int kReadmissionDays = 7;

// The stay's days in hospital: admission.stays (a readmission counted as one stay, listed from the
// first admission on), or one from 入院日 to the discharge.
using Stays = boost::container::small_vector<DateRange, 4>;  // inline: no allocation per receipt (issue 17)

Stays hospital_stays(const Admission& admission, YearMonth month) {
  if (admission.admitted > month.last_day()) claim_fail("admission.admitted", "is after the claim's month");
  Stays stays(admission.stays.begin(), admission.stays.end());
  if (stays.empty()) stays.push_back(DateRange{admission.admitted, Date::open_end()});
  if (stays.front().from != admission.admitted) {
    claim_fail("admission.stays[0].from", "a DPC stay's first stay begins on admission.admitted (the 入院期間's 起算日)");
  }
  for (std::size_t s = 1; s < stays.size(); ++s) {
    const int after = stays[s].from - stays[s - 1].to;
    if (after > kReadmissionDays) {
      claim_fail(fmt::format("admission.stays[{}].from", s),
                 fmt::format("a readmission {} days after the discharge of {} is a new stay (留意事項 第３ １(７): within 7 days "
                             "is one): a claim of its own admission",
                             after, stays[s - 1].to.iso()));
    }
  }
  if (admission.discharged) {
    if (stays.back().to.is_open_end()) stays.back().to = *admission.discharged;
    if (stays.back().to != *admission.discharged) {
      claim_fail(fmt::format("admission.stays[{}].to", stays.size() - 1), "the last stay ends on admission.discharged");
    }
  }
  const Date last = stays.back().to.is_open_end() ? month.last_day() : stays.back().to;
  if (last > month.last_day() || last < month.first_day()) {
    claim_fail("admission.discharged", "is not within the claim's month on or after admission.admitted");
  }
  return stays;
}

void refuse_unpriced_inputs(const Admission& admission) {
  if (!admission.fees.empty()) {
    claim_fail("admission.fees",
               "入院基本料 is in the DPC 包括 (告示 別表 2): a DPC month states no admission.fees; the 入院料 of days past "
               "入院期間Ⅲ are 出来高 lines of the visits");
  }
  if (!admission.bill_dates.empty()) {
    claim_fail("admission.bill_dates", "interim bills (中間請求) of a DPC month are not split by santei yet");
  }
}

// The 特定入院料 add-ons of the month's days billed 包括 (告示96 別表 ４–６): each unit's days by its
// bands, added to the 所定点数 — already × the coefficient — as they are (別表 １, ４).
void add_unit_points(const Claim& claim, const DpcStay& stay, const DpcWorkbook& workbook, PricedDpc& priced) {
  const YearMonth month = claim.month;
  const Addons& tables = addons();
  if (workbook.in_force < tables.from) {
    claim_fail("admission.dpc.units", fmt::format("unknown: the 特定入院料 add-ons of the DPC tables in force from {} (their 算定告示) "
                                                  "are not in santei — r08's 告示96 別表 ４–６ begin on {}",
                                                  workbook.in_force.iso(), tables.from.iso()));
  }
  const AddonTable* table = tables.table(stay.hospital);
  if (table == nullptr) {
    claim_fail("admission.dpc.hospital", fmt::format("'{}' is not 特定機能病院, 専門病院 or その他の病院 (告示96 別表 ４, ５, ６): "
                                                     "the add-ons of units depend on it", stay.hospital));
  }
  std::uint32_t taken = 0;  // days of the month with a unit already
  for (std::size_t u = 0; u < stay.units.size(); ++u) {
    const DpcUnit& unit = stay.units[u];
    const AddonFee* fee = table->fee(unit.fee);
    if (fee == nullptr) {
      claim_fail(fmt::format("admission.dpc.units[{}].fee", u),
                 fmt::format("'{}' has no add-on for a {} in 告示96 別表 {} (dpc/addons.xml)", unit.fee, table->hospital, table->item));
    }
    PricedDpc::Addon addon{fee->name, table->hospital, 0, 0, {}, {}};  // the fee's own bands: no note
    struct BandDays {
      std::int32_t days = 0, first = 0, last = 0;  // of the unit's day numbers
    };
    std::vector<BandDays> in_band(fee->bands.size());
    const std::int32_t month_days = (month.last_day() - month.first_day()) + 1;
    for (std::int32_t d = 0; d < month_days; ++d) {
      const Date day = month.first_day().plus_days(d);
      if ((priced.covered_days >> d & 1u) == 0 || !unit.days.contains(day)) continue;
      if (taken >> d & 1u) {
        claim_fail(fmt::format("admission.dpc.units[{}].from", u), fmt::format("{} is in two units", day.iso()));
      }
      taken |= 1u << d;
      const std::int32_t number = (day - unit.days.from) + 1;
      const auto band = std::find_if(fee->bands.begin(), fee->bands.end(),
                                     [&](const AddonBand& b) { return number >= b.from && (b.to == 0 || number <= b.to); });
      if (band == fee->bands.end()) continue;  // past its last band: no add-on
      ++addon.days;
      addon.points += band->points;
      BandDays& seen = in_band[static_cast<std::size_t>(band - fee->bands.begin())];
      if (seen.days++ == 0) seen.first = number;
      seen.last = number;
    }
    std::string bands;
    for (std::size_t b = 0; b < in_band.size(); ++b) {
      if (in_band[b].days == 0) continue;
      bands += fmt::format("{}days {}–{}: {} × {}点", bands.empty() ? "" : " + ", in_band[b].first, in_band[b].last, in_band[b].days,
                           fee->bands[b].points);
    }
    addon.explain = fmt::format("{} (告示96 別表 {}, {}): {} = {}点, added to the 所定点数 (not × 医療機関別係数)", fee->name,
                                table->item, table->hospital, bands.empty() ? "no day billed 包括" : bands, addon.points);
    priced.addon_points += addon.points;
    priced.addons.push_back(std::move(addon));
    for (PricedDpc::Addon& note : price_notes(claim, unit, u, *table, priced.covered_days)) {
      priced.addon_points += note.points;
      priced.addons.push_back(std::move(note));
    }
  }
  priced.points.value += priced.addon_points;
}

}  // namespace

PricedDpc price_month(const Claim& claim, const DpcTables& tables, std::optional<DateRange> revision_period,
                      std::vector<Diagnostic>& diagnostics, bool explain) {
  const Admission& admission = *claim.admission;
  const DpcStay& stay = *admission.dpc;
  refuse_unpriced_inputs(admission);
  const Stays stays = hospital_stays(admission, claim.month);
  // The month's days in hospital, each with its 入院期間 day number: days out of hospital between two
  // stays do not count (留意事項 第３ １(７)①), 外泊 days do (１(６)③).
  boost::container::static_vector<std::pair<Date, std::int32_t>, 31> days;
  std::int32_t out_of_hospital = 0;
  for (std::size_t s = 0; s < stays.size(); ++s) {
    if (s > 0) out_of_hospital += stays[s].from - stays[s - 1].to - 1;
    const Date last = std::min(stays[s].to, claim.month.last_day());
    for (Date day = std::max(stays[s].from, claim.month.first_day()); day <= last; day = day.plus_days(1)) {
      days.emplace_back(day, (day - admission.admitted) + 1 - out_of_hospital);
    }
  }
  if (days.empty()) claim_fail("admission.stays", "no day of the stays is in the claim's month");
  const DateRange month_days{days.front().first, days.back().first};
  const Date table_day = revision_period ? revision_period->nearest(month_days.from) : month_days.from;
  const DpcWorkbook* workbook = tables.in_force_on(table_day);
  if (!workbook) {
    claim_fail("admission.dpc", fmt::format("no DPC電子点数表 loaded is in force on {}", table_day.iso()), Status::not_found);
  }
  // The code: stated, or grouped from what the stay states (then a stated code must agree). An error
  // shows how the stay was grouped: grouped again with its steps when they were not kept.
  std::string code = stay.code;
  std::vector<std::string> grouping;
  std::optional<DpcGroupingInput> input = stay.grouping;
  if (input && !input->age) input->age = age_in_years(claim.patient.birth_date, admission.admitted);  // 入院時の年齢
  const auto steps = [&] { return fmt::format("{}", fmt::join(explain ? grouping : tables.group(*input, table_day).steps, "; ")); };
  if (input) {
    DpcGrouping grouped = tables.group(*input, table_day, explain);
    grouping = std::move(grouped.steps);
    if (!code.empty() && code != grouped.code) {
      claim_fail("admission.dpc.code", fmt::format("{} is stated, but the grouping gives {} ({})", code, grouped.code, steps()));
    }
    code = std::move(grouped.code);
  }
  const DpcPoints* row = tables.find(code, table_day);
  if (!row) {
    claim_fail("admission.dpc.code", fmt::format("{} is not in the 診断群分類点数表 in force on {} ({})", code,
                                                 table_day.iso(), workbook->file),
               Status::unknown_code);
  }
  if (!row->priced) {
    claim_fail("admission.dpc.code", fmt::format("{} has no points (row {} of {}): the stay is billed 出来高, without admission.dpc{}",
                                                 code, row->line, row->file, input ? fmt::format(" (grouped: {})", steps()) : ""));
  }
  PricedDpc priced;
  priced.code = code;
  priced.grouping = std::move(grouping);
  priced.coefficient = stay.coefficient;
  priced.workbook = workbook->name;
  priced.last_day = row->last_day;
  priced.points_per_day = row->points;
  priced.first_day = days.front().second;
  priced.last_day_in_month = days.back().second;
  priced.days_out = out_of_hospital;
  Decimal points_times_days;
  for (const auto& [day, number] : days) {
    if (std::find(admission.away_days.begin(), admission.away_days.end(), day) != admission.away_days.end()) {
      priced.away_days.push_back(day);  // in the 入院期間, not billed 包括 (留意事項 第３ １(６)③)
      continue;
    }
    std::size_t period = 0;
    while (period < 3 && number > row->last_day[period]) ++period;
    if (period == 3) {
      ++priced.days_after;
      continue;
    }
    ++priced.days[period];
    priced.covered_days |= 1u << (day - claim.month.first_day());
    points_times_days += Decimal(row->points[period]);
  }
  priced.total = points_times_days * stay.coefficient;
  priced.points = rounding::dpc_month_points(priced.total);
  if (!stay.units.empty()) add_unit_points(claim, stay, *workbook, priced);
  if (admission.admitted < workbook->in_force && !revision_period) {
    diagnostics.push_back(Diagnostic{Severity::warning, "DPC/改定", {},
                                     fmt::format("admitted before the DPC電子点数表 in force from {}: this month is priced on it with the "
                                                 "days counted from {} (留意事項 第４ 経過措置 adjustments are not made)",
                                                 workbook->in_force.iso(), admission.admitted.iso()),
                                     month_days.from, "admission.dpc"});
  }
  if (stays.size() > 1) {
    diagnostics.push_back(Diagnostic{Severity::info, "DPC/再入院", {},
                                     fmt::format("{} stays counted as one (留意事項 第３ １(７)①), {} days out of hospital not counted: "
                                                 "the 同一傷病等 condition and the 化学療法 exception (②) are the claim's to state",
                                                 stays.size(), out_of_hospital),
                                     std::nullopt, "admission.stays"});
  }
  if (priced.days_after > 0) {
    diagnostics.push_back(Diagnostic{Severity::info, "DPC/入院期間Ⅲ超", {},
                                     fmt::format("{} days past 入院期間Ⅲ (day {}) are 出来高: their 入院料 and the rest are the visits' lines",
                                                 priced.days_after, row->last_day[2]),
                                     std::nullopt, "admission.dpc"});
  }
  if (!priced.away_days.empty()) {
    diagnostics.push_back(Diagnostic{Severity::warning, "DPC/外泊", {},
                                     fmt::format("{} 外泊 days are counted in the 入院期間 but not billed 包括; their 入院基本料 15% "
                                                 "(留意事項 第３ １(６)①) is not priced by santei: state it as a line",
                                                 priced.away_days.size()),
                                     priced.away_days.front(), "admission.away_days"});
  }
  return priced;
}

}  // namespace santei::dpc
