#include "copay/rate.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace santei::copay {

[[noreturn]] void fail_claim(const std::string& field, std::string message) {
  throw Exception(ErrorInfo{Status::claim_error, "<claim>", 0, 0, field, std::move(message)});
}

namespace {

AgeGroup age_group(const Claim& claim, const AgeDates& dates, Date on) {
  if (claim.insurance.kind == InsuranceKind::elderly) return AgeGroup::latter;
  if (claim.insurance.kind != InsuranceKind::none && dates.birthday75 <= on) {
    fail_claim("insurance.kind", fmt::format("on {} the patient is 75 (since {}): 後期高齢者医療, insurance.kind \"elderly\"",
                                       on.iso(), dates.birthday75.iso()));
  }
  if (on <= dates.preschool_last) return AgeGroup::preschool;
  if (on < dates.from70) return AgeGroup::under70;
  return AgeGroup::from70;
}

std::string row_names(const RateTable& table) {
  std::string out;
  for (const RateRow& row : table.rows) {
    for (const std::string& n : row.names) out += fmt::format("{}{}", out.empty() ? "" : ", ", n);
  }
  return out;
}

}  // namespace

const Dated<LimitTable>& limit_table(AgeGroup age, Date on, const RuleSet& rules) {
  return (age == AgeGroup::from70 || age == AgeGroup::latter) ? rules.limits_70plus.at(on) : rules.limits_under70.at(on);
}

RateDecision decide_rate(const Claim& claim, const AgeDates& dates, Date first, Date last, const RuleSet& rules) {
  RateDecision out;
  out.age = age_group(claim, dates, first);
  if (age_group(claim, dates, last) != out.age) {
    fail_claim("visits", fmt::format("the 負担割合 age bracket changes between {} and {}: one claim is one month of one rate",
                               first.iso(), last.iso()));
  }
  if (claim.insurance.kind == InsuranceKind::none) {
    out.rate = Decimal(1);
    out.basis = RateDecision::Basis::public_only;
    return out;
  }

  const std::string& bracket = claim.insurance.income_bracket;
  const Timeline<RateTable>* table_rule = out.age == AgeGroup::from70 ? &rules.rate_70to74
                                          : out.age == AgeGroup::latter ? &rules.rate_75plus
                                                                         : nullptr;
  const RateRow* row = nullptr;
  if (!bracket.empty()) {
    if (table_rule == nullptr) {
      const LimitTable& limits = rules.limits_under70.at(first).value;
      if (!limits.find(bracket)) {
        fail_claim("insurance.income_bracket", fmt::format("'{}' is not a 70歳未満 区分 on {} (one of {})", bracket, first.iso(), limits.names()));
      }
    } else {
      const RateTable& table = table_rule->at(first).value;
      row = table.find(bracket);
      if (!row) {
        fail_claim("insurance.income_bracket", fmt::format("'{}' is not a 区分 of {} on {} (one of {})", bracket,
                                                     out.age == AgeGroup::latter ? "後期高齢者医療" : "70歳以上", first.iso(),
                                                     row_names(table)));
      }
    }
  }

  if (claim.insurance.rate) {
    const Decimal r = *claim.insurance.rate;
    if (r.is_negative() || Decimal(1) < r) fail_claim("insurance.rate", fmt::format("{} is outside 0–1", r.to_string()));
    out.rate = r;
    out.basis = RateDecision::Basis::override;
    return out;
  }
  switch (out.age) {
    case AgeGroup::preschool: {
      const auto& v = rules.rate_preschool.at(first);
      out.rate = v.value;
      out.basis = RateDecision::Basis::preschool;
      out.rule = rules.rate_preschool.cite(v);
      out.until = dates.preschool_last;
      return out;
    }
    case AgeGroup::under70: {
      const auto& v = rules.rate_under70.at(first);
      out.rate = v.value;
      out.basis = RateDecision::Basis::under70;
      out.rule = rules.rate_under70.cite(v);
      return out;
    }
    case AgeGroup::from70:
    case AgeGroup::latter: break;
  }
  if (!row) {
    out.undecided = ErrorInfo{Status::claim_error, "<claim>", 0, 0, "insurance.income_bracket",
                              fmt::format("a patient of {} needs insurance.rate or insurance.income_bracket to fix the 負担割合",
                                          out.age == AgeGroup::latter ? "後期高齢者医療" : "70 to 74")};
    return out;
  }
  const auto& v = table_rule->at(first);
  out.rate = row->rate;
  out.basis = RateDecision::Basis::bracket;
  out.rule = table_rule->cite(v);
  if (out.age == AgeGroup::from70) {
    if (const auto* special = rules.rate_70to74_special.find(first);
        special && claim.patient.birth_date <= special->value.born_until &&
        std::find(special->value.names.begin(), special->value.names.end(), bracket) != special->value.names.end()) {
      out.rate = special->value.rate;
      out.basis = RateDecision::Basis::special;
      out.rule = rules.rate_70to74_special.cite(*special);
      out.until = special->value.born_until;
    }
  }
  return out;
}

}  // namespace santei::copay
