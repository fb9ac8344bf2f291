// 負担割合 of a claim: from the birth date, the service dates, the insurance kind and the 区分
// (rates.xml, copayment.md §1), unless insurance.rate overrides it.
#pragma once

#include <optional>
#include <string>

#include "copay/age.hpp"
#include "copay/rule_set.hpp"
#include "santei/claim.hpp"

namespace santei::copay {

// A claim the copay stage cannot compute: a claim_error naming the claim field at fault.
[[noreturn]] void fail_claim(const std::string& field, std::string message);

struct RateDecision {
  enum class Basis : std::uint8_t { public_only, override, preschool, under70, bracket, special };
  Decimal rate;      // 1 for 公費単独 (the 公費 is liable for the whole cost)
  AgeGroup age = AgeGroup::under70;
  Basis basis = Basis::under70;
  Citation rule;     // the rates.xml value used (none for public_only and override)
  Date until;        // preschool: the last day of 就学前; special: the birth-date cut-off
  // Set when the claim does not fix the rate (70–74 or 後期高齢者 with neither insurance.rate nor a
  // bracket): the claim_error price() throws for it, returned rather than thrown, as a UKE file
  // states none for two receipts in five of a clinic's month (the rest of the decision unset).
  std::optional<ErrorInfo> undecided;
};

// The rate for service dates first..last of one claim (the age boundaries fall on month starts, so
// one month has one rate). Throws claim_error naming the insurance field at fault, but for a rate
// the claim does not fix (`undecided`).
RateDecision decide_rate(const Claim& claim, const AgeDates& dates, Date first, Date last, const RuleSet& rules);

// The 高額療養費 table for the age group on `on` (kougaku.xml under70 or 70plus).
const Dated<LimitTable>& limit_table(AgeGroup age, Date on, const RuleSet& rules);

}  // namespace santei::copay
