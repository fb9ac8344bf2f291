#include "output/dpc.hpp"

#include <fmt/format.h>

namespace santei::output {
namespace {

constexpr const char* kPeriodNames[] = {"Ⅰ", "Ⅱ", "Ⅲ"};

// The first day of period p: the day after the end of the period before it.
std::int32_t first_day_of(const PricedDpc& dpc, std::size_t p) { return p == 0 ? 1 : dpc.last_day[p - 1] + 1; }

}  // namespace

std::vector<std::string> dpc_explain(const PricedDpc& dpc) {
  std::vector<std::string> lines(dpc.grouping.begin(), dpc.grouping.end());  // how the code was grouped
  std::string periods;
  for (std::size_t p = 0; p < 3; ++p) {
    if (p > 0 && dpc.last_day[p] == dpc.last_day[p - 1]) continue;  // a period without days
    periods += fmt::format("{}{} days {}–{} {}点", periods.empty() ? "" : ", ", kPeriodNames[p], first_day_of(dpc, p),
                           dpc.last_day[p], dpc.points_per_day[p]);
  }
  lines.push_back(fmt::format("診断群分類 {}: 入院期間{} per day (11）診断群分類点数表, {})", dpc.code, periods, dpc.workbook));
  lines.push_back(fmt::format("this month: 入院期間 days {}–{}", dpc.first_day, dpc.last_day_in_month));
  if (dpc.days_out > 0) {
    lines.push_back(fmt::format("再入院: {} days out of hospital between the stays, not counted (留意事項 第３ １(７)①)", dpc.days_out));
  }
  std::int64_t sum = 0;
  for (std::size_t p = 0; p < 3; ++p) {
    if (dpc.days[p] == 0) continue;
    const std::int64_t points = std::int64_t{dpc.days[p]} * dpc.points_per_day[p];
    sum += points;
    lines.push_back(fmt::format("入院期間{}: {} days × {}点 = {}点", kPeriodNames[p], dpc.days[p], dpc.points_per_day[p], points));
  }
  if (!dpc.away_days.empty()) lines.push_back(fmt::format("外泊: {} days in the 入院期間, not 包括 (留意事項 第３ １(６)③)", dpc.away_days.size()));
  if (dpc.days_after > 0) lines.push_back(fmt::format("past 入院期間Ⅲ: {} days, 出来高", dpc.days_after));
  lines.push_back(fmt::format("{}点 × 医療機関別係数 {} = {} → {}点 (小数点以下第１位を四捨五入, 留意事項 第３ １(１))", sum,
                              dpc.coefficient.to_string(), dpc.total.to_string(), dpc.points.value - dpc.addon_points));
  for (const PricedDpc::Addon& addon : dpc.addons) lines.push_back(addon.explain);
  if (!dpc.addons.empty()) {
    lines.push_back(fmt::format("{}点 + 特定入院料 {}点 = {}点", dpc.points.value - dpc.addon_points, dpc.addon_points, dpc.points.value));
  }
  return lines;
}

void write_dpc_json(JsonWriter& json, const PricedDpc& dpc) {
  json.begin_object().field("code", dpc.code).field("coefficient", dpc.coefficient).field("workbook", dpc.workbook);
  json.key("periods").begin_array();
  for (std::size_t p = 0; p < 3; ++p) {
    json.begin_object().field("period", kPeriodNames[p]).field("first_day", first_day_of(dpc, p)).field("last_day", dpc.last_day[p]);
    json.field("points_per_day", dpc.points_per_day[p]).field("days", dpc.days[p]).end_object();
  }
  json.end_array();
  json.field("first_day", dpc.first_day).field("last_day", dpc.last_day_in_month).field("days_out", dpc.days_out);
  json.field("days_after_period_3", dpc.days_after);
  json.key("grouping").begin_array();
  for (const std::string& step : dpc.grouping) json.value(step);
  json.end_array();
  json.key("away_days").begin_array();
  for (const Date day : dpc.away_days) json.value(day.iso());
  json.end_array();
  json.key("addons").begin_array();
  for (const PricedDpc::Addon& addon : dpc.addons) {
    json.begin_object().field("fee", addon.fee).field("hospital", addon.hospital).field("days", addon.days);
    json.field("points", addon.points);
    json.key("note");
    if (addon.note.empty()) json.null(); else json.value(addon.note);
    json.end_object();
  }
  json.end_array().field("addon_points", dpc.addon_points);
  json.field("total", dpc.total).field("points", dpc.points.value);
  json.key("explain").begin_array();
  for (const std::string& line : dpc_explain(dpc)) json.value(line);
  json.end_array().end_object();
}

}  // namespace santei::output
