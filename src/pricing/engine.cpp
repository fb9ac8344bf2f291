// price(): a claim → points per line, diagnostics, totals and the copayment.
#include <algorithm>
#include <bit>
#include <optional>

#include <fmt/format.h>

#include "copay/compute.hpp"
#include "dpc/outside.hpp"
#include "dpc/stay.hpp"
#include "pricing/context.hpp"
#include "pricing/copay_step.hpp"
#include "pricing/inpatient.hpp"
#include "santei/local_programmes.hpp"

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
// when the claim has none of those. A daily inpatient line counts each of its days; a 外泊 day
// (its line holds a col 27 = 4 code) is not a day of care [unverified: 記載要領 not read].
std::int32_t visit_days(const PricedClaim& priced, const MasterSet& set, YearMonth month) {
  const Date first = month.first_day();
  const Date last = month.last_day();  // compared as day numbers: no calendar per line
  std::uint32_t counted = 0;
  std::uint32_t any = 0;
  for (const PricedLine& line : priced.lines) {
    if (line.date < first || last < line.date) continue;
    const std::uint32_t days = line.day_mask != 0 ? line.day_mask : 1u << (line.date - first);
    any |= days;
    if ((counted & days) == days) continue;  // its days already count: no line takes a day back
    bool care = false;
    bool away = false;
    for (const LineItem& item : line.items) {
      if (item.kind != ItemKind::procedure) continue;
      const auto versions = set.procedure_versions(item.code);
      if (versions.empty()) continue;
      care = care || versions.back().visit_days == 2 || versions.back().visit_days == 3;
      away = away || versions.back().visit_days == 4;
    }
    if (care && !away) counted |= days;
  }
  return std::popcount(counted != 0 ? counted : any);
}

// Lines in date order, claim order within a date. Stable insertion (upper_bound + rotate) for the
// usual few dozen lines: std::stable_sort takes a temporary buffer, one allocation per receipt
// (issue 17); beyond 64 lines the O(n²) moves would cost more than that allocation.
void sort_by_date(std::vector<PricedLine>& lines) {
  const auto by_date = [](const PricedLine& a, const PricedLine& b) { return a.date < b.date; };
  if (std::is_sorted(lines.begin(), lines.end(), by_date)) return;
  if (lines.size() > 64) {
    std::stable_sort(lines.begin(), lines.end(), by_date);
    return;
  }
  for (auto it = lines.begin(); it != lines.end(); ++it) {
    std::rotate(std::upper_bound(lines.begin(), it, *it, by_date), it, std::next(it));
  }
}

}  // namespace

// The copayment into out.copay, with the 地方単独 公費 that state no parameters completed from the
// local programme rows; one no row fits is a diagnostic, and its share says what it needs. It is
// computed into the thread's spare result (the last claim's vectors) and moved in when it is done.
std::optional<ErrorInfo> pricing::add_copay(const Claim& claim, PricedClaim& out, const PricingOptions& options) {
  LocalFill locals = fill_local_programmes(claim, options.local_programmes.get());
  for (const auto& [index, why] : locals.unmatched) {
    out.diagnostics.push_back(Diagnostic{Severity::warning, "地単公費", {}, why, std::nullopt,
                                         fmt::format("public_expenses[{}]", index)});
  }
  CopayResult& spare = pricing::spare_copay();
  std::optional<ErrorInfo> undecided;
  if (!locals.filled) {
    undecided = copay::compute(claim, out, CopayOptions{options.explain}, spare);
  } else {
    Claim filled = claim;
    filled.public_expenses = std::move(*locals.filled);
    undecided = copay::compute(filled, out, CopayOptions{options.explain}, spare);
  }
  if (!undecided) out.copay.emplace(std::move(spare));
  return undecided;
}

PricedClaim price(const Claim& claim, const MasterLibrary& masters, const PricingOptions& options) {
  PricedClaim out;
  price(claim, masters, options, out);
  return out;
}

namespace {

// The units into lines: the claim's own rules, then each unit priced; `stay` (入院: the daily 入院料
// and meals, pricing/inpatient.hpp) when the claim has one. Its own function so that an outpatient
// claim's frame holds no stay: an empty std::optional of one was 3 KB zeroed a claim (callgrind).
void price_lines(pricing::Context& ctx, std::vector<pricing::Unit>& units, pricing::InpatientStay* stay) {
  const Claim& claim = ctx.claim;
  const PricingOptions& options = ctx.options;
  PricedClaim& out = ctx.out;
  // A DPC stay: the month's 包括 part, and its days' 包括 dropped from the visits by apply().
  bool dpc_scope = false;
  if (claim.admission && claim.admission->dpc) {
    if (!options.dpc) {
      throw Exception(ErrorInfo{Status::claim_error, "<claim>", 0, 0, "admission.dpc",
                                "a DPC stay needs the DPC電子点数表: PricingOptions::dpc (santei price --dpc DIR)"});
    }
    out.dpc = dpc::price_month(claim, *options.dpc, ctx.revision_period(), out.diagnostics, options.explain);
    dpc::refuse_outside_procedures(claim, ctx.set, *options.dpc, ctx.revision_period());
    dpc_scope = stay && stay->cover_dpc_days(out.dpc->covered_days, out.dpc->code);
  }
  if (stay) stay->apply(units);
  pricing::apply_claim_rules(ctx, units);
  pricing::price_units(ctx, units);
  if (stay) stay->price();
  ctx.finish_lines();
  sort_by_date(out.lines);
  for (const PricedLine& line : out.lines) {
    out.total += line.total();
    out.categories[line.category] += line.total();
  }
  if (out.dpc) {
    out.total += out.dpc->points;
    // Without a 包括範囲 for the dates (r06: its 算定告示 is not in santei's data) the visits' lines
    // are billed as listed: said once, so that care the 包括 covers is not double-billed unseen.
    const auto care = std::count_if(out.lines.begin(), out.lines.end(), [](const PricedLine& l) { return l.category != 97; });
    if (!dpc_scope && care > 0) {
      out.diagnostics.push_back(Diagnostic{Severity::warning, "DPC/包括範囲", {},
                                           fmt::format("the visits' {} lines are billed 出来高 as listed: santei has no DPC 包括範囲 "
                                                       "(算定告示 別表 ２) for these dates to check them against (unknown)",
                                                       care),
                                           std::nullopt, "visits"});
    }
  }
}

}  // namespace

void price(const Claim& claim, const MasterLibrary& masters, const PricingOptions& options, PricedClaim& out) {
  const MasterSet& set = select_revision(claim, masters, options);
  pricing::clear_for_reuse(out);
  out.id = claim.id;
  out.extensions = claim.extensions;
  out.revision = set.revision();
  out.setting = claim.setting;
  pricing::Context ctx(claim, set, options, out);
  // The working units live in a thread_local buffer: cleared per claim, its capacity reused, so a
  // stream of receipts does not allocate it each time (issue 17). price() does not recurse.
  thread_local std::vector<pricing::Unit> units;
  pricing::build_units(ctx, units);
  if (claim.setting == Setting::inpatient && claim.admission) {
    pricing::InpatientStay stay(ctx);
    price_lines(ctx, units, &stay);
  } else {
    price_lines(ctx, units, nullptr);
  }
  out.visit_days = visit_days(out, set, claim.month);
  if (options.copay) {
    if (std::optional<ErrorInfo> undecided = pricing::add_copay(claim, out, options)) throw Exception(std::move(*undecided));
  }
}

}  // namespace santei
