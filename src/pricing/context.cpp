#include "pricing/context.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace santei::pricing {

std::string ItemRef::path(std::string_view member) const {
  return fmt::format("visits[{}].orders[{}].items[{}]{}", visit, order, item, member);
}

Context::Context(const Claim& claim_in, const MasterSet& set_in, const PricingOptions& options_in, PricedClaim& out_in)
    : claim(claim_in), set(set_in), options(options_in), out(out_in), clamp_(!options_in.revision.empty()) {}

Date Context::lookup_date(Date service) const { return clamp_ ? set.period().nearest(service) : service; }

std::optional<DateRange> Context::revision_period() const { return clamp_ ? std::optional(set.period()) : std::nullopt; }

Date Context::reached(const AgeCode& code) const {
  for (const auto& [raw, date] : reached_) {
    if (raw == code.raw) return date;
  }
  const Date date = code.reached_on(claim.patient.birth_date);
  reached_.emplace_back(code.raw, date);
  return date;
}

bool Context::age_within(const AgeCode& lower, const AgeCode& upper, Date service) const {
  if (!lower.is_none() && service < reached(lower)) return false;
  if (!upper.is_none() && !(service < reached(upper))) return false;
  return true;
}

void Context::diagnose(Severity severity, std::string rule, std::vector<Code> codes, std::string message,
                       std::optional<Date> date, std::string field) {
  out.diagnostics.push_back(
      Diagnostic{severity, std::move(rule), std::move(codes), std::move(message), date, std::move(field)});
}

void Context::missed_automatic(std::string_view kind, std::vector<Code> codes, std::string why, Date date,
                               std::string field) {
  diagnose(Severity::warning, fmt::format("算定漏れ/{}", kind), std::move(codes), std::move(why), date, std::move(field));
}

bool Context::forbid(std::string_view rule, std::vector<Code> codes, std::string_view why, std::string_view automatic,
                     std::optional<Date> date, std::string field) {
  if (mode() == ClaimMode::automatic) {
    diagnose(Severity::error, std::string(rule), std::move(codes), fmt::format("{}: {}", why, automatic), date,
             std::move(field));
    return true;
  }
  diagnose(Severity::warning, fmt::format("算定不可/{}", rule), std::move(codes),
           fmt::format("{}: priced as claimed (santei would have: {})", why, automatic), date, std::move(field));
  return false;
}

Described Context::describe(const Resolved& r) const {
  const std::string* name = nullptr;
  if (r.procedure) name = &r.procedure->name;
  else if (r.drug) name = &r.drug->name;
  else if (r.material) name = &r.material->name;
  else if (r.comment) name = &r.comment->text;
  return Described{r.code, name};
}

void drop_item(Unit& unit, std::size_t item) {
  if (item == 0 && (unit.kind == UnitKind::procedure || unit.kind == UnitKind::standalone)) {
    unit.dropped = true;
    return;
  }
  unit.items[item].dropped = true;
  if (std::none_of(unit.items.begin(), unit.items.end(), [](const Resolved& r) { return !r.dropped; })) unit.dropped = true;
}

bool is_addition(const ProcedureRecord& r) {
  // 告示等識別区分（２） 7 加算 (col 69); 告示等識別区分（１） 7 加算項目, 9 通則加算項目 (col 68).
  return r.notice_kind_table == 7 || r.notice_kind == 7 || r.notice_kind == 9;
}

}  // namespace santei::pricing
