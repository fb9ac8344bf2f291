#include "pricing/eligibility.hpp"

#include <type_traits>

#include <fmt/format.h>

#include "pricing/inpatient_rules.hpp"

namespace santei::pricing {
namespace {

// 病床数区分 (col 71; R06rec1.pdf 項番71): the bed counts a code is limited to.
bool beds_allow(std::int32_t bed_class, const Facility& facility) {
  const std::int32_t beds = facility.beds;
  const std::int32_t general = facility.general_beds < 0 ? facility.beds : facility.general_beds;
  switch (bed_class) {
    case 1: return beds >= 1 && beds <= 99;
    case 2: return beds >= 100 && beds <= 199;
    case 3: return beds <= 199;
    case 4: return beds >= 200;
    case 5: return general <= 199;
    case 6: return general >= 200;
    case 7: return beds < 400;
    case 8: return beds >= 400;
    default: return true;
  }
}

// The checks of check_eligibility. `refuse(rule, message)` makes the result; `message` is a string
// literal or a callable formatting it, so that is_eligible builds no text.
template <class Refuse>
std::optional<Ineligibility> eligibility_of(const Context& ctx, const ProcedureRecord& r, Date service, Refuse refuse) {
  const Claim& claim = ctx.claim;
  if (r.setting == 1 && claim.setting == Setting::outpatient) {
    return refuse("入外適用区分", "billable on inpatient (入院) claims only (s col 13 = 1)");
  }
  if (r.setting == 2 && claim.setting == Setting::inpatient) {
    return refuse("入外適用区分", "billable on outpatient (入院外) claims only (s col 13 = 2)");
  }
  const bool elderly = claim.insurance.kind == InsuranceKind::elderly;
  if (r.elderly == 1 && elderly) {
    return refuse("後期高齢者医療適用区分", "not billable under 後期高齢者医療 (s col 14 = 1)");
  }
  if (r.elderly == 2 && !elderly) {
    return refuse("後期高齢者医療適用区分", "billable under 後期高齢者医療 only (s col 14 = 2)");
  }
  if (r.facility_kind == 1 && claim.facility.kind == FacilityKind::clinic) {
    return refuse("病院・診療所区分", "billable by hospitals (病院) only (s col 19 = 1)");
  }
  if (r.facility_kind == 2 && claim.facility.kind == FacilityKind::hospital) {
    return refuse("病院・診療所区分", "billable by clinics (診療所) only (s col 19 = 2)");
  }
  if (!beds_allow(r.bed_class, claim.facility)) {
    return refuse("病床数区分", [&] {
      return fmt::format("not billable with {} beds (s col 71 = {})", claim.facility.beds, r.bed_class);
    });
  }
  // Most codes name no 施設基準: a flag of the rule graph says so without reading the ten columns.
  bool has_standard = !(r.rule_flags & ProcedureRecord::kNeedsFacilityStandard);
  for (std::size_t i = 0; i < r.facility_standards.size() && !has_standard; ++i) {
    const std::int32_t standard = r.facility_standards[i];
    has_standard = standard != 0 && (claim.facility.has_standard(standard) ||
                                     meets_standard_alias(standard, claim.facility, service));  // 名寄せコード (inpatient_standards.xml)
  }
  if (!has_standard) {
    return refuse("施設基準", [&] {
      std::string listed;
      for (std::int32_t standard : r.facility_standards) {
        if (standard != 0) listed += fmt::format("{}{}", listed.empty() ? "" : ", ", standard);
      }
      return fmt::format("needs a notified 施設基準 ({}; s cols 72–81) that facility.standards does not list", listed);
    });
  }
  if (!ctx.age_within(r.min_age, r.max_age, service)) {
    return refuse("年齢", [&] {
      return fmt::format("the patient's age ({} on {}) is outside {}–{} (s cols 41–42)", ctx.age_on(service),
                         service.iso(), r.min_age.text(), r.max_age.text());
    });
  }
  return std::nullopt;
}

}  // namespace

std::optional<Ineligibility> check_limits(const Context& ctx, const ProcedureRecord& r, Date service) {
  return eligibility_of(ctx, r, service, [](const char* rule, const auto& message) {
    if constexpr (std::is_invocable_v<decltype(message)>) return std::optional<Ineligibility>(Ineligibility{rule, Text("{}", message())});
    else return std::optional<Ineligibility>(Ineligibility{rule, Text("{}", message)});
  });
}

bool within_limits(const Context& ctx, const ProcedureRecord& r, Date service) {
  // A refusal is an empty Ineligibility: no text built, nothing allocated.
  return !eligibility_of(ctx, r, service, [](const char*, const auto&) { return std::optional<Ineligibility>(Ineligibility{}); });
}

}  // namespace santei::pricing
