#include "pricing/context.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace santei::pricing {

// What the results reused on this thread held: lines and diagnostics whose vectors and strings
// keep their capacity for the next claim's (clear_for_reuse).
struct Spares {
  std::vector<PricedLine> lines;
  std::vector<Diagnostic> diagnostics;
  CopayResult copay;
};

namespace {

// Not in line: see Context::spares_.
[[gnu::noinline]] Spares& spares() {
  thread_local Spares spares;
  return spares;
}

// `out` = the parts one after another, its room made once: appended one by one, a string without the
// room grows twice.
void assign_joined(std::string& out, std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  out.clear();
  out.reserve(size);
  for (std::string_view part : parts) out.append(part);
}

}  // namespace

Text ItemRef::path(std::string_view member) const {
  return Text(FMT_COMPILE("visits[{}].orders[{}].items[{}]{}"), visit, order, item, member);
}

void clear_for_reuse(PricedClaim& out) {
  Spares& s = spares();
  // out.lines stay: the next claim's new_line() makes them again in place (Context::finish_lines).
  std::move(out.diagnostics.begin(), out.diagnostics.end(), std::back_inserter(s.diagnostics));
  out.diagnostics.clear();
  out.total = {};
  out.categories = {};
  out.visit_days = 0;
  if (out.copay) s.copay = std::move(*out.copay);
  out.copay.reset();
  out.dpc.reset();
}

CopayResult& spare_copay() { return spares().copay; }

Context::Context(const Claim& claim_in, const MasterSet& set_in, const PricingOptions& options_in, PricedClaim& out_in)
    : claim(claim_in), set(set_in), options(options_in), out(out_in), spares_(spares()) {
  if (!options_in.revision.empty()) period_ = set_in.period();
}

Date Context::reached(const AgeCode& code) const {
  for (const auto& [raw, date] : reached_) {
    if (raw[0] == code.raw[0] && raw[1] == code.raw[1]) return date;  // std::array's == called memcmp
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

Diagnostic& Context::record(Severity severity, CodeList codes, std::optional<Date> date, std::string_view field) {
  std::vector<Diagnostic>& spare = spares_.diagnostics;
  Diagnostic& d = out.diagnostics.emplace_back();
  if (!spare.empty()) {
    d = std::move(spare.back());
    spare.pop_back();
  }
  d.severity = severity;
  d.rule.clear();
  d.codes.assign(codes.codes.begin(), codes.codes.end());
  d.message.clear();
  d.date = date;
  d.field = field;
  return d;
}

void Context::diagnose(Severity severity, std::string_view rule, CodeList codes, std::string_view message,
                       std::optional<Date> date, std::string_view field) {
  Diagnostic& d = record(severity, codes, date, field);
  d.rule = rule;
  d.message = message;
}

void Context::missed_automatic(std::string_view kind, CodeList codes, std::string_view why, Date date,
                               std::string_view field) {
  Diagnostic& d = record(Severity::warning, codes, date, field);
  assign_joined(d.rule, {"算定漏れ/", kind});
  d.message = why;
}

bool Context::forbid(std::string_view rule, CodeList codes, std::string_view why, std::string_view automatic,
                     std::optional<Date> date, std::string_view field) {
  if (mode() == ClaimMode::automatic) {
    Diagnostic& d = record(Severity::error, codes, date, field);
    d.rule = rule;
    assign_joined(d.message, {why, ": ", automatic});
    return true;
  }
  Diagnostic& d = record(Severity::warning, codes, date, field);
  assign_joined(d.rule, {"算定不可/", rule});
  assign_joined(d.message, {why, ": priced as claimed (santei would have: ", automatic, ")"});
  return false;
}

PricedLine& Context::new_line() {
  if (lines_made_ < out.lines.size()) {
    // Each field as a new line has it; the vectors emptied, their room kept. (A PricedLine made anew
    // and moved in cost twice this line's instructions, callgrind.)
    static_assert(sizeof(PricedLine) == 88, "a field added to PricedLine is reset here too");
    PricedLine& line = out.lines[lines_made_++];
    line.date = Date{};
    line.category = 0;
    line.burden = '\0';
    line.items.clear();
    line.points = Points{};
    line.count = 1;
    line.yen = Yen{};
    line.day_mask = 0;
    line.explain.clear();
    return line;
  }
  ++lines_made_;
  std::vector<PricedLine>& spare = spares_.lines;
  PricedLine& line = out.lines.emplace_back();
  if (spare.empty()) return line;
  line.items.swap(spare.back().items);
  line.explain.swap(spare.back().explain);
  spare.pop_back();
  line.items.clear();
  line.explain.clear();
  return line;
}

void Context::drop_last_line() { --lines_made_; }

void Context::finish_lines() {
  const auto made = out.lines.begin() + static_cast<std::ptrdiff_t>(lines_made_);
  std::move(made, out.lines.end(), std::back_inserter(spares_.lines));
  out.lines.erase(made, out.lines.end());
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

}  // namespace santei::pricing
