// The explanation text: fixed pieces (titles, citations of rule values) are built once when the
// rules load; a claim's lines only join them with its own figures. A citation names the file,
// rule and the date its value starts, e.g. "(kougaku.xml under70 2015-01-01)": that value in
// masters/rules/ carries the legal source.
#include "copay/explain.hpp"

#include <fmt/format.h>

namespace santei::copay {
namespace {

const std::string& cite(const Citation& c) {
  static const std::string none;
  return c.info ? c.info->cite : none;
}

// An exact decimal ("0.3", "0.05", "1") without going through Decimal::to_string.
void append_decimal(std::string& out, Decimal d) {
  std::int64_t m = d.mantissa();
  int scale = d.scale();
  while (scale > 0 && m % 10 == 0) {
    m /= 10;
    --scale;
  }
  if (m < 0) {
    out += '-';
    m = -m;
  }
  std::int64_t unit = 1;
  for (int i = 0; i < scale; ++i) unit *= 10;
  out += fmt::format_int(m / unit).c_str();
  if (scale == 0) return;
  const std::string fraction = fmt::format_int(m % unit + unit).str();  // leading 1 keeps the zeros
  out += '.';
  out.append(fraction, 1, std::string::npos);
}

void append_yen(std::string& out, Yen yen) {
  out += fmt::format_int(yen.value).c_str();
  out += "円";
}

void rate_text(const Plan& plan, std::string& out) {
  const RateDecision& r = plan.rate_decision;
  if (r.basis == RateDecision::Basis::public_only) {
    out += "公費単独 (insurance.kind none): the 公費 is liable for the whole cost";
    return;
  }
  out += "負担割合 ";
  append_decimal(out, r.rate);
  switch (r.basis) {
    case RateDecision::Basis::public_only: break;
    case RateDecision::Basis::override: out += " (insurance.rate)"; break;
    case RateDecision::Basis::preschool: out += " 義務教育就学前 until "; out += r.until.iso(); break;
    case RateDecision::Basis::under70: out += " 70歳未満"; break;
    case RateDecision::Basis::bracket: out += " by 区分"; break;
    case RateDecision::Basis::special: out += " 70–74 特例, born on or before "; out += r.until.iso(); break;
  }
  out += cite(r.rule);
}

void payer_text(const Payer& p, const PublicExpense& e, std::string& out) {
  if (p.programme) {
    out += p.programme->title;
  } else {
    out += "公費 ";
    out += p.law;
    out += " 地方単独";
  }
  switch (p.share) {
    case ShareKind::rate: out += ", "; append_decimal(out, p.rate); out += " of the cost"; break;
    case ShareKind::per_day:
      out += ", ";
      append_yen(out, p.per_day);
      out += " per visit date";
      if (p.max_days > 0) out += fmt::format(" for at most {} dates", p.max_days);
      break;
    case ShareKind::liable: out += ", the patient pays what is left up to the cap"; break;
    case ShareKind::none: out += ", no patient share"; break;
  }
  if (p.tier) {
    out += ", tier ";
    out += e.tier;
    out += e.ventilator ? " 人工呼吸器等" : e.long_term ? " 高額かつ長期" : "";
  }
  if (p.cap_is_kougaku) {
    out += ", cap = the 高額療養費 limit";
  } else if (p.cap < kUnlimited) {
    out += ", monthly cap ";
    append_yen(out, p.cap);
  }
  if (p.paid_before.value > 0) {
    out += " (";
    append_yen(out, p.paid_before);
    out += " paid elsewhere this month)";
  }
  if (p.reached_on) {
    out += ", reached on the 上限額管理票 on ";
    out += p.reached_on->iso();
  }
  for (const CapPayment& paid : p.elsewhere) {
    out += ", ";
    append_yen(out, paid.yen);
    out += " paid at ";
    out += paid.institution.empty() ? std::string_view("another institution") : std::string_view(paid.institution);
    out += " on ";
    out += paid.date.iso();
  }
  if (!p.needs.empty()) {
    out += ": ";
    out += p.needs;
  } else if (p.programme) {
    out += p.programme->cite;
  } else if (e.programme.empty()) {
    out += " (地方単独: parameters from the claim)";
  } else {
    out += " (地方単独: ";
    out += e.programme;
    out += ')';
  }
}

void group_text(const Plan& plan, const Group& g, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "高額療養費 for 負担区分 group 0x";
  out += kHex[g.mask >> 4];
  out += kHex[g.mask & 15];
  out += ": 区分 ";
  out += g.limit.row ? std::string_view(g.limit.row->names.front()) : std::string_view("unknown");
  if (g.limit.many) out += ", 多数回";
  if (g.limit.divisor > 1) out += ", 75歳到達月 (halved)";
  if (g.limit.care) out += ", 配慮措置";
  if (g.limit.special) {
    out += ", 特定疾病 ";
    append_yen(out, *g.limit.special);
  }
  out += cite(plan.limits);
}

}  // namespace

void explain_copay(const Plan& plan, const Claim& claim, std::vector<std::string>& out) {
  std::size_t used = 0;
  // The next step's text: a string of `out` cleared, its room kept from the last claim.
  const auto next = [&]() -> std::string& {
    if (used == out.size()) out.emplace_back();
    std::string& text = out[used++];
    text.clear();
    return text;
  };
  rate_text(plan, next());
  for (std::size_t k = 0; k < plan.payers.size(); ++k) payer_text(plan.payers[k], claim.public_expenses[k], next());
  for (const Group& g : plan.groups) {
    if (g.insurance && (g.limit.row || g.limit.special)) group_text(plan, g, next());
  }
  if (plan.combine) next() = "高額療養費: the insurance-only group is limited together with the 公費 groups (§4.7)";
  if (plan.meal_rule.info) {
    std::string& meals = next();
    meals += "食事療養標準負担額 ";
    append_yen(meals, plan.meal_charge);
    meals += "/食";
    meals += cite(plan.meal_rule);
  }
  out.resize(used);
}

}  // namespace santei::copay
