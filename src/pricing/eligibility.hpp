// Whether a 診療行為 may be billed on this claim at all, by what its master record states.
#pragma once

#include <optional>
#include <string_view>

#include "pricing/context.hpp"

namespace santei::pricing {

struct Ineligibility {
  std::string_view rule;  // a literal, e.g. "入外適用区分"
  Text message;
};

// The checks of the columns below, for a record whose rule_flags has kLimitsEligibility.
std::optional<Ineligibility> check_limits(const Context& ctx, const ProcedureRecord& record, Date service);
bool within_limits(const Context& ctx, const ProcedureRecord& record, Date service);

// nullopt when the record's 入外適用区分 (col 13), 後期高齢者医療適用区分 (col 14), 病院・診療所区分
// (col 19), 病床数区分 (col 71), 施設基準 (cols 72–81) and age range (cols 41–42) allow it. Inline:
// most codes set none of them, which a flag of the rule graph says.
inline std::optional<Ineligibility> check_eligibility(const Context& ctx, const ProcedureRecord& record, Date service) {
  if (!(record.rule_flags & ProcedureRecord::kLimitsEligibility)) return std::nullopt;
  return check_limits(ctx, record, service);
}

// Whether check_eligibility finds nothing, without building its texts: the automatic additions ask
// it of every candidate, and a refused one must not allocate (issue 17: allocations per receipt).
inline bool is_eligible(const Context& ctx, const ProcedureRecord& record, Date service) {
  return !(record.rule_flags & ProcedureRecord::kLimitsEligibility) || within_limits(ctx, record, service);
}

}  // namespace santei::pricing
