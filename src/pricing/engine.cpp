// price(): a claim → points per line, diagnostics, totals and the copayment.
#include <algorithm>

#include <fmt/format.h>

#include "pricing/context.hpp"

namespace santei {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

namespace {

const MasterSet& select_revision(const Claim& claim, const MasterLibrary& masters, const PricingOptions& options) {
  if (!options.revision.empty()) {
    if (const MasterSet* set = masters.revision(options.revision)) return *set;
    throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, "revision",
                              fmt::format("revision {} is not loaded", options.revision)});
  }
  try {
    return masters.require(claim.month.first_day());
  } catch (const Exception& e) {
    ErrorInfo info = e.info();
    info.field = "month";
    throw Exception(std::move(info));
  }
}

// 診療実日数: days with a 初診・再診 or 入院 day (s col 27 実日数 = 2 or 3); days with any line
// when the claim has none of those.
std::int32_t visit_days(const PricedClaim& priced, const MasterSet& set) {
  std::vector<Date> counted;
  std::vector<Date> any;
  const auto add = [](std::vector<Date>& dates, Date date) {
    if (std::find(dates.begin(), dates.end(), date) == dates.end()) dates.push_back(date);
  };
  for (const PricedLine& line : priced.lines) {
    add(any, line.date);
    for (const LineItem& item : line.items) {
      if (item.kind != ItemKind::procedure) continue;
      const auto versions = set.procedure_versions(item.code);
      if (!versions.empty() && (versions.back().visit_days == 2 || versions.back().visit_days == 3)) {
        add(counted, line.date);
      }
    }
  }
  return static_cast<std::int32_t>(counted.empty() ? any.size() : counted.size());
}

}  // namespace

PricedClaim price(const Claim& claim, const MasterLibrary& masters, const PricingOptions& options) {
  const MasterSet& set = select_revision(claim, masters, options);
  PricedClaim out;
  out.id = claim.id;
  out.revision = set.revision();
  out.setting = claim.setting;
  pricing::Context ctx(claim, set, options, out);
  std::vector<pricing::Unit> units = pricing::build_units(ctx);
  pricing::apply_claim_rules(ctx, units);
  pricing::price_units(ctx, units);
  const auto by_date = [](const PricedLine& a, const PricedLine& b) { return a.date < b.date; };
  if (!std::is_sorted(out.lines.begin(), out.lines.end(), by_date)) {
    std::stable_sort(out.lines.begin(), out.lines.end(), by_date);
  }
  for (const PricedLine& line : out.lines) {
    out.total += line.total();
    out.categories[line.category] += line.total();
  }
  out.visit_days = visit_days(out, set);
  if (options.copay) out.copay = compute_copay(claim, out, CopayOptions{options.explain});
  return out;
}

}  // namespace santei
