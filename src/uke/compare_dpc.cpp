// A DPC receipt's 包括 part (BU, HH, GT) against santei's pricing of the month.
#include <array>

#include <fmt/format.h>

#include "santei/rounding.hpp"
#include "uke/compare.hpp"

namespace santei::uke {
namespace {

constexpr std::array<std::string_view, 3> kPeriodNames = {"入院期間Ⅰ", "入院期間Ⅱ", "入院期間Ⅲ"};

const UkeDpcPeriod* period_of(const std::vector<UkeDpcPeriod>& periods, std::int32_t period) {
  for (const UkeDpcPeriod& p : periods) {
    if (p.period == period) return &p;
  }
  return nullptr;
}

}  // namespace

std::optional<UkeDpcComparison> compare_dpc(const UkeReceipt& receipt, const PricedClaim& priced) {
  if (!receipt.dpc) return std::nullopt;
  UkeDpcComparison c;
  c.stated_code = receipt.dpc->code;
  c.stated_periods = receipt.dpc->periods;
  c.stated_points = receipt.dpc->evaluated;
  if (!priced.dpc) {
    c.differences.push_back("santei did not price the month as a DPC month");
    return c;
  }
  const PricedDpc& dpc = *priced.dpc;
  c.priced_code = dpc.code;
  c.priced_points = rounding::dpc_month_points(dpc.total);
  for (std::size_t i = 0; i < 3; ++i) {
    if (dpc.days[i] == 0) continue;
    c.priced_periods.push_back(UkeDpcPeriod{0, static_cast<std::int32_t>(i + 1), dpc.points_per_day[i], dpc.days[i],
                                            Points{std::int64_t{dpc.points_per_day[i]} * dpc.days[i]}});
  }
  if (c.stated_code != c.priced_code) c.differences.push_back(fmt::format("診断群分類 {} stated, {} priced", c.stated_code, c.priced_code));
  for (std::int32_t period = 1; period <= 3; ++period) {
    const UkeDpcPeriod* stated = period_of(c.stated_periods, period);
    const UkeDpcPeriod* ours = period_of(c.priced_periods, period);
    const auto days = [](const UkeDpcPeriod* p) { return p ? p->days : 0; };
    const auto points = [](const UkeDpcPeriod* p) { return p ? p->points_per_day : 0; };
    const std::string_view name = kPeriodNames[static_cast<std::size_t>(period - 1)];
    if (days(stated) != days(ours)) {
      c.differences.push_back(fmt::format("{}: {} days stated, {} priced", name, days(stated), days(ours)));
    } else if (stated && ours && points(stated) != points(ours)) {
      c.differences.push_back(fmt::format("{}: {}点 a day stated, {}点 in the 診断群分類点数表 ({})", name, points(stated),
                                          points(ours), dpc.workbook));
    }
  }
  if (c.stated_points != c.priced_points) {
    c.differences.push_back(fmt::format("包括評価点数 {} stated (GT), {} priced",
                                        c.stated_points ? std::to_string(c.stated_points->value) : "none", c.priced_points.value));
  }
  c.agrees = c.differences.empty();
  return c;
}

}  // namespace santei::uke
