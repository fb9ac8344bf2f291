#include "copay/explain.hpp"

#include <fmt/format.h>

namespace santei::copay {
namespace {

std::string cite(const Citation& c) {
  if (!c.info) return {};
  return fmt::format(" ({} {} from {}: {})", *c.file, *c.rule, c.info->range.from.iso(), c.info->source);
}

std::string rate_text(const Plan& plan) {
  const RateDecision& r = plan.rate_decision;
  const std::string rate = r.rate.to_string();
  switch (r.basis) {
    case RateDecision::Basis::public_only: return "公費単独 (insurance.kind none): the 公費 is liable for the whole cost";
    case RateDecision::Basis::override: return fmt::format("負担割合 {} (insurance.rate)", rate);
    case RateDecision::Basis::preschool: return fmt::format("負担割合 {} 義務教育就学前 until {}{}", rate, r.until.iso(), cite(r.rule));
    case RateDecision::Basis::under70: return fmt::format("負担割合 {} 70歳未満{}", rate, cite(r.rule));
    case RateDecision::Basis::bracket: return fmt::format("負担割合 {} by 区分{}", rate, cite(r.rule));
    case RateDecision::Basis::special: return fmt::format("負担割合 {} 70–74 特例, born on or before {}{}", rate, r.until.iso(), cite(r.rule));
  }
  return {};
}

std::string payer_text(const Payer& p, const PublicExpense& e) {
  std::string out = p.programme ? fmt::format("公費 {} {}", p.law, p.programme->name) : fmt::format("公費 {} 地方単独", p.law);
  switch (p.share) {
    case ShareKind::rate: out += fmt::format(", {} of the cost", p.rate.to_string()); break;
    case ShareKind::per_day:
      out += fmt::format(", {}円 per visit date", p.per_day.value);
      if (p.max_days > 0) out += fmt::format(" for at most {} dates", p.max_days);
      break;
    case ShareKind::liable: out += ", the patient pays what is left up to the cap"; break;
    case ShareKind::none: out += ", no patient share"; break;
  }
  if (p.tier) out += fmt::format(", tier {}{}", e.tier, e.ventilator ? " 人工呼吸器等" : e.long_term ? " 高額かつ長期" : "");
  if (p.cap_is_kougaku) out += ", cap = the 高額療養費 limit";
  else if (p.cap < kUnlimited) out += fmt::format(", monthly cap {}円", p.cap.value);
  if (p.paid_before.value > 0) out += fmt::format(" ({}円 paid elsewhere this month)", p.paid_before.value);
  out += p.programme ? fmt::format(" (masters/rules/kouhi.xml: {})", p.programme->source) : " (地方単独: parameters from the claim)";
  return out;
}

}  // namespace

std::vector<std::string> explain_copay(const Plan& plan, const Claim& claim, const CopayResult& result) {
  std::vector<std::string> out;
  out.push_back(rate_text(plan));
  for (std::size_t k = 0; k < plan.payers.size(); ++k) out.push_back(payer_text(plan.payers[k], claim.public_expenses[k]));
  for (const Group& g : plan.groups) {
    if (!g.insurance || (!g.limit.row && !g.limit.special)) continue;
    std::string line = fmt::format("高額療養費 for 負担区分 group {:#04x}: ", g.mask);
    line += g.limit.row ? fmt::format("区分 {}", g.limit.row->names.front()) : std::string("区分 unknown");
    if (g.limit.many) line += ", 多数回";
    if (g.limit.divisor > 1) line += ", 75歳到達月 (halved)";
    if (g.limit.care) line += ", 配慮措置";
    if (g.limit.special) line += fmt::format(", 特定疾病 {}円", g.limit.special->value);
    out.push_back(line + cite(plan.limits));
  }
  if (plan.combine) out.push_back("高額療養費: the insurance-only group is limited together with the 公費 groups (§4.7)");
  if (plan.meal_rule.info) out.push_back(fmt::format("食事療養標準負担額 {}円/食{}", plan.meal_charge.value, cite(plan.meal_rule)));
  out.push_back(fmt::format("window: {}円 over {} {}; receipt: insurer {}円, patient {}円 in 1円 units", result.patient_yen.value,
                            result.daily.size(), claim.setting == Setting::outpatient ? "visit dates" : "bills",
                            result.insurer_claim_yen.value, result.patient_exact_yen.value));
  return out;
}

}  // namespace santei::copay
