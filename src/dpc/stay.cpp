#include "dpc/stay.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "santei/result.hpp"
#include "santei/rounding.hpp"

namespace santei::dpc {
namespace {

[[noreturn]] void claim_fail(std::string field, std::string message, Status status = Status::claim_error) {
  throw Exception(ErrorInfo{status, "<claim>", 0, 0, std::move(field), std::move(message)});
}

// The stay's days this month: from the later of 入院日 and the 1st to the discharge or the month end.
DateRange days_in_month(const Admission& admission, YearMonth month) {
  const Date first = std::max(admission.admitted, month.first_day());
  const Date last = admission.discharged.value_or(month.last_day());
  if (admission.admitted > month.last_day()) claim_fail("admission.admitted", "is after the claim's month");
  if (last < first || last > month.last_day()) {
    claim_fail("admission.discharged", "is not within the claim's month on or after admission.admitted");
  }
  return DateRange{first, last};
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
  if (!admission.stays.empty()) {
    claim_fail("admission.stays",
               "a readmission within the month under DPC (再入院, 留意事項 第３ １(７): one stay when within 7 days for "
               "the same 傷病) is not priced by santei yet");
  }
}

}  // namespace

PricedDpc price_month(const Claim& claim, const DpcTables& tables, std::vector<Diagnostic>& diagnostics) {
  const Admission& admission = *claim.admission;
  const DpcStay& stay = *admission.dpc;
  refuse_unpriced_inputs(admission);
  const DateRange month_days = days_in_month(admission, claim.month);
  const DpcWorkbook* workbook = tables.in_force_on(month_days.from);
  if (!workbook) {
    claim_fail("admission.dpc", fmt::format("no DPC電子点数表 loaded is in force on {}", month_days.from.iso()), Status::not_found);
  }
  const DpcPoints* row = tables.find(stay.code, month_days.from);
  if (!row) {
    claim_fail("admission.dpc.code", fmt::format("{} is not in the 診断群分類点数表 in force on {} ({})", stay.code,
                                                 month_days.from.iso(), workbook->file),
               Status::unknown_code);
  }
  if (!row->priced) {
    claim_fail("admission.dpc.code", fmt::format("{} has no points (row {} of {}): the stay is billed 出来高, without admission.dpc",
                                                 stay.code, row->line, row->file));
  }
  PricedDpc priced;
  priced.code = stay.code;
  priced.coefficient = stay.coefficient;
  priced.workbook = std::filesystem::path(workbook->file).filename().string();
  priced.last_day = row->last_day;
  priced.points_per_day = row->points;
  priced.first_day = (month_days.from - admission.admitted) + 1;
  priced.last_day_in_month = (month_days.to - admission.admitted) + 1;
  Decimal points_times_days;
  for (Date day = month_days.from; day <= month_days.to; day = day.plus_days(1)) {
    if (std::find(admission.away_days.begin(), admission.away_days.end(), day) != admission.away_days.end()) {
      priced.away_days.push_back(day);  // in the 入院期間, not billed 包括 (留意事項 第３ １(６)③)
      continue;
    }
    const std::int32_t number = (day - admission.admitted) + 1;
    std::size_t period = 0;
    while (period < 3 && number > row->last_day[period]) ++period;
    if (period == 3) {
      ++priced.days_after;
      continue;
    }
    ++priced.days[period];
    points_times_days += Decimal(row->points[period]);
  }
  priced.total = points_times_days * stay.coefficient;
  priced.points = rounding::dpc_month_points(priced.total);
  if (admission.admitted < workbook->in_force) {
    diagnostics.push_back(Diagnostic{Severity::warning, "DPC/改定", {},
                                     fmt::format("admitted before the DPC電子点数表 in force from {}: this month is priced on it with the "
                                                 "days counted from {} (留意事項 第４ 経過措置 adjustments are not made)",
                                                 workbook->in_force.iso(), admission.admitted.iso()),
                                     month_days.from, "admission.dpc"});
  }
  if (priced.days_after > 0) {
    diagnostics.push_back(Diagnostic{Severity::info, "DPC/入院期間Ⅲ超", {},
                                     fmt::format("{} days past 入院期間Ⅲ (day {}) are 出来高: their 入院料 and the rest are the visits' lines",
                                                 priced.days_after, row->last_day[2]),
                                     admission.admitted.plus_days(row->last_day[2]), "admission.dpc"});
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
