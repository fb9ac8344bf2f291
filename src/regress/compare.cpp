// One claim under two revisions, and the summary that adds receipts up.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "regress/part.hpp"
#include "santei/regress.hpp"

namespace santei {
namespace {

const MasterSet& require_revision(const MasterLibrary& masters, const std::string& id, const char* which) {
  if (const MasterSet* set = masters.revision(id)) return *set;
  throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, which, fmt::format("revision {} is not among the loaded masters", id)});
}

using CodePoints = RegressOutcome::CodePoints;

// Prices under one revision; the lines' points go to their lead codes.
RegressSide price_side(const Claim& claim, const MasterLibrary& masters, const PricingOptions& options,
                       std::vector<CodePoints>& codes, std::vector<Diagnostic>& errors) {
  RegressSide side;
  try {
    // One result per thread, priced into again and again: its memory is reused (issue 17).
    thread_local PricedClaim priced;
    price(claim, masters, options, priced);
    side.priced = true;
    side.points = priced.total;
    if (priced.copay) side.patient_yen = priced.copay->patient_yen;
    side.diagnostics = static_cast<std::int32_t>(priced.diagnostics.size());
    for (const Diagnostic& d : priced.diagnostics) {
      if (d.severity == Severity::error) errors.push_back(d);
    }
    side.errors = static_cast<std::int32_t>(errors.size());
    codes.reserve(priced.lines.size());  // one allocation, not one per doubling (≈ 5 for 16 lines)
    for (const PricedLine& line : priced.lines) {
      const Code lead = line.items.empty() ? 0 : line.items.front().code;
      const auto it = std::find_if(codes.begin(), codes.end(), [&](const CodePoints& c) { return c.code == lead; });
      if (it == codes.end()) {
        codes.push_back(CodePoints{lead, line.count, line.total()});
      } else {
        it->count += line.count;
        it->points += line.total();
      }
    }
  } catch (const Exception& e) {
    side.error = e.what();
  } catch (const std::exception& e) {
    side.error = fmt::format("internal error: {}", e.what());
  }
  return side;
}

bool same_rule(const Diagnostic& a, const Diagnostic& b) { return a.rule == b.rule && a.codes == b.codes && a.date == b.date; }

}  // namespace

std::size_t histogram_bucket(Points delta) {
  if (delta.value == 0) return kHistogramZero;
  const std::int64_t magnitude = delta.value < 0 ? -delta.value : delta.value;
  std::size_t step = 0;  // |delta| in [edge[step], edge[step+1]), the last open
  while (step + 1 < kHistogramEdges.size() && magnitude >= kHistogramEdges[step + 1]) ++step;
  return delta.value < 0 ? kHistogramZero - 1 - step : kHistogramZero + 1 + step;
}

std::string histogram_label(std::size_t bucket) {
  if (bucket == kHistogramZero) return "0";
  const bool up = bucket > kHistogramZero;
  const std::size_t step = up ? bucket - kHistogramZero - 1 : kHistogramZero - 1 - bucket;
  const std::int64_t low = kHistogramEdges[step];
  if (step + 1 == kHistogramEdges.size()) return up ? fmt::format("+{} or more", low) : fmt::format("−{} or less", low);
  const std::int64_t high = kHistogramEdges[step + 1] - 1;
  if (low == high) return up ? fmt::format("+{}", low) : fmt::format("−{}", low);
  return up ? fmt::format("+{} … +{}", low, high) : fmt::format("−{} … −{}", high, low);
}

void RegressSummary::merge(const RegressSummary& o) {
  lines += o.lines;
  receipts += o.receipts;
  priced_both += o.priced_both;
  failed_old += o.failed_old;
  failed_new += o.failed_new;
  newly_failing += o.newly_failing;
  old_points += o.old_points;
  new_points += o.new_points;
  old_patient_yen += o.old_patient_yen;
  new_patient_yen += o.new_patient_yen;
  up += o.up;
  down += o.down;
  unchanged += o.unchanged;
  for (std::size_t i = 0; i < histogram.size(); ++i) histogram[i] += o.histogram[i];
  for (const auto& [code, c] : o.codes) regress::add(codes[code], c);
  failing.insert(failing.end(), o.failing.begin(), o.failing.end());
  std::sort(failing.begin(), failing.end(), [](const auto& a, const auto& b) { return a.sequence < b.sequence; });
  if (failing.size() > kMaxFailingListed) failing.resize(kMaxFailingListed);
}

namespace regress {

void add(RegressCode& into, const RegressCode& from) {
  into.old_count += from.old_count;
  into.new_count += from.new_count;
  into.old_points += from.old_points;
  into.new_points += from.new_points;
}

void add_receipt(RegressSummary& s, RegressReceipt&& r) {
  ++s.receipts;
  s.old_points += r.old_side.points;
  s.new_points += r.new_side.points;
  if (r.old_side.patient_yen) s.old_patient_yen += *r.old_side.patient_yen;
  if (r.new_side.patient_yen) s.new_patient_yen += *r.new_side.patient_yen;
  if (!r.old_side.priced) ++s.failed_old;
  if (!r.new_side.priced) ++s.failed_new;
  if (r.old_side.priced && r.new_side.priced) {
    ++s.priced_both;
    const Points delta = r.delta();
    if (delta.value > 0) ++s.up;
    else if (delta.value < 0) ++s.down;
    else ++s.unchanged;
    ++s.histogram[histogram_bucket(delta)];
  }
  if (!r.new_failures.empty()) {
    ++s.newly_failing;
    if (s.failing.size() < kMaxFailingListed || r.sequence < s.failing.back().sequence) {
      const auto at = std::upper_bound(s.failing.begin(), s.failing.end(), r.sequence,
                                       [](std::int64_t seq, const RegressReceipt& x) { return seq < x.sequence; });
      s.failing.insert(at, std::move(r));
      if (s.failing.size() > kMaxFailingListed) s.failing.pop_back();
    }
  }
}

}  // namespace regress

void add_outcome(RegressSummary& s, RegressOutcome outcome) {
  regress::add_codes(s.codes, outcome);
  regress::add_receipt(s, std::move(outcome.receipt));
}

Regression::Regression(const MasterLibrary& old_masters, std::string old_revision, const MasterLibrary& new_masters,
                       std::string new_revision, PricingOptions pricing)
    : old_masters_(&old_masters),
      new_masters_(&new_masters),
      old_revision_(std::move(old_revision)),
      new_revision_(std::move(new_revision)),
      old_options_(pricing),
      new_options_(std::move(pricing)) {
  require_revision(old_masters, old_revision_, "old revision");
  require_revision(new_masters, new_revision_, "new revision");
  old_options_.revision = old_revision_;
  new_options_.revision = new_revision_;
}

RegressOutcome Regression::compare(const Claim& claim, std::int64_t sequence, std::int64_t line) const {
  RegressOutcome out;
  RegressReceipt& r = out.receipt;
  r.sequence = sequence;
  r.line = line;
  r.id = claim.id;
  std::vector<Diagnostic> old_errors;
  std::vector<Diagnostic> new_errors;
  r.old_side = price_side(claim, *old_masters_, old_options_, out.old_codes, old_errors);
  r.new_side = price_side(claim, *new_masters_, new_options_, out.new_codes, new_errors);
  if (!r.old_side.priced) return out;
  if (!r.new_side.priced) {
    r.new_failures.push_back("not priced: " + r.new_side.error);
    return out;
  }
  for (const Diagnostic& d : new_errors) {
    const bool before = std::any_of(old_errors.begin(), old_errors.end(), [&](const Diagnostic& o) { return same_rule(o, d); });
    if (!before) r.new_failures.push_back(fmt::format("{} {}: {}", d.rule, fmt::join(d.codes, " "), d.message));
  }
  return out;
}

RegressOutcome Regression::unreadable(const ErrorInfo& error, std::int64_t sequence, std::int64_t line) const {
  RegressOutcome out;
  out.receipt.sequence = sequence;
  out.receipt.line = line;
  out.receipt.old_side.error = error.to_string();
  out.receipt.new_side.error = out.receipt.old_side.error;
  return out;
}

std::string Regression::code_name(Code code) const {
  for (const MasterLibrary* library : {new_masters_, old_masters_}) {
    const MasterSet* set = library->revision(library == new_masters_ ? new_revision_ : old_revision_);
    if (!set) continue;
    if (const auto v = set->procedure_versions(code); !v.empty()) return v.back().name;
    if (const auto v = set->drug_versions(code); !v.empty()) return v.back().name;
    if (const auto v = set->material_versions(code); !v.empty()) return v.back().name;
    if (const auto v = set->comment_versions(code); !v.empty()) return v.back().text;
  }
  return {};
}

}  // namespace santei
