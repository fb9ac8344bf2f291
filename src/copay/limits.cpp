#include "copay/limits.hpp"

#include <algorithm>

#include "santei/rounding.hpp"

namespace santei::copay {

const char* limit_name(LimitKind kind) {
  switch (kind) {
    case LimitKind::none: return "";
    case LimitKind::household: return "高額療養費";
    case LimitKind::many: return "高額療養費 (多数回)";
    case LimitKind::outpatient: return "高額療養費 (外来)";
    case LimitKind::care: return "配慮措置";
    case LimitKind::special: return "特定疾病 (マル長)";
    case LimitKind::combined: return "高額療養費 (公費併用・合算)";
    case LimitKind::public_cap: return "公費 自己負担上限";
  }
  return "";
}

Yen household_limit(const LimitRow& row, Yen cost, bool many, int divisor) {
  if (many && row.many) return Yen{row.many->value / divisor};
  Yen limit{row.base.value / divisor};
  // 健康保険法施行令 第42条: 1% of the cost over the threshold, 50銭 rule, never negative.
  if (row.threshold) limit += rounding::one_percent_part(cost - Yen{row.threshold->value / divisor});
  return limit;
}

Yen care_limit(const CareMeasure& care, Yen cost, int divisor) {
  const Yen over = std::max(Yen{0}, cost - care.threshold);
  return std::min(Yen{care.ceiling.value / divisor}, care.base + rounding::percent_of_half_up(over, care.percent));
}

Limit limit_of(const LimitSpec& spec, Yen cost) {
  Limit out;
  const auto lower = [&out](Yen yen, LimitKind kind) {
    if (yen < out.yen) out = Limit{yen, kind};
  };
  if (spec.row) {
    lower(household_limit(*spec.row, cost, spec.many, spec.divisor),
          spec.many && spec.row->many ? LimitKind::many : LimitKind::household);
    if (spec.outpatient && spec.row->outpatient) lower(Yen{spec.row->outpatient->value / spec.divisor}, LimitKind::outpatient);
    if (spec.care) lower(care_limit(*spec.care, cost, spec.divisor), LimitKind::care);
  }
  if (spec.special) lower(Yen{spec.special->value / spec.divisor}, LimitKind::special);
  return out;
}

}  // namespace santei::copay
