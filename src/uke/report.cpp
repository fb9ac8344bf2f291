// The `santei price --uke` report: text for a clerk (a summary table, then each receipt that does not
// agree), JSON (santei.uke-report/1) for tools.
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "output/categories.hpp"
#include "output/json_writer.hpp"
#include "output/put_at.hpp"
#include "output/text.hpp"
#include "santei/uke.hpp"
#include "uke/compare.hpp"

namespace santei {
namespace {

// Units per reason (a unit with several reasons counts in each), and santei's extra lines.
std::map<std::string, std::size_t> reason_counts(const UkePriceReport& report) {
  std::map<std::string, std::size_t> counts;
  for (const UkeReceiptComparison& r : report.receipts) {
    for (const UkeUnitComparison& u : r.units) {
      std::map<UkeReason, bool> seen;
      for (const UkeDifference& d : u.differences) {
        if (d.reason == UkeReason::claimed_differently || d.reason == UkeReason::several_lines) continue;  // notes: counted apart
        if (!seen[d.reason]) ++counts[to_string(d.reason)];
        seen[d.reason] = true;
      }
    }
    counts["extra_in_santei"] += r.extra.size();
  }
  if (counts["extra_in_santei"] == 0) counts.erase("extra_in_santei");
  return counts;
}

bool claimed_differently(const UkeUnitComparison& u) {
  return std::any_of(u.differences.begin(), u.differences.end(),
                     [](const UkeDifference& d) { return d.reason == UkeReason::claimed_differently; });
}

bool several_lines(const UkeUnitComparison& u) {
  return std::any_of(u.differences.begin(), u.differences.end(),
                     [](const UkeDifference& d) { return d.reason == UkeReason::several_lines; });
}

std::size_t units_where(const UkePriceReport& report, bool (*noted)(const UkeUnitComparison&)) {
  std::size_t n = 0;
  for (const UkeReceiptComparison& r : report.receipts) {
    n += static_cast<std::size_t>(std::count_if(r.units.begin(), r.units.end(), noted));
  }
  return n;
}

// Units priced as stated that the law would bill otherwise (算定漏れ, 算定不可 diagnostics).
std::size_t claimed_differently_units(const UkePriceReport& report) { return units_where(report, claimed_differently); }

// Units one of whose days santei wrote as several lines (compared on their sum).
std::size_t several_lines_units(const UkePriceReport& report) { return units_where(report, several_lines); }

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "-";
  // Exact to one decimal, rounded half up, without floating point.
  const std::size_t tenths = (part * 2000 + whole) / (2 * whole);
  return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

void write_finding(output::JsonWriter& json, const UkeFinding& f) {
  json.begin_object()
      .field("check", to_string(f.check))
      .field("line", f.line)
      .field("field", f.field)
      .field("stated", f.stated)
      .field("derived", f.derived)
      .field("message", f.message)
      .end_object();
}

void write_error(output::JsonWriter& json, const ErrorInfo& e) {
  json.begin_object()
      .field("status", status_name(e.status))
      .field("file", e.file)
      .field("line", e.line)
      .field("field_number", e.column)
      .field("field", e.field)
      .field("message", e.message)
      .end_object();
}

void write_difference(output::JsonWriter& json, const UkeDifference& d) {
  json.begin_object().field("reason", to_string(d.reason));
  json.key("code");
  if (d.code != 0) json.nine_digits(d.code); else json.null();
  json.field("message", d.message).end_object();
}

void write_dpc_periods(output::JsonWriter& json, std::string_view key, const std::vector<UkeDpcPeriod>& periods) {
  json.key(key).begin_array();
  for (const UkeDpcPeriod& p : periods) {
    json.begin_object()
        .field("period", p.period)
        .field("points_per_day", p.points_per_day)
        .field("days", p.days)
        .field("subtotal", p.subtotal.value)
        .end_object();
  }
  json.end_array();
}

void write_dpc(output::JsonWriter& json, const UkeDpcComparison& c) {
  json.begin_object().field("stated_code", c.stated_code).field("priced_code", c.priced_code);
  json.key("stated_points");
  if (c.stated_points) json.value(c.stated_points->value); else json.null();
  json.field("priced_points", c.priced_points.value).field("agrees", c.agrees);
  write_dpc_periods(json, "stated_periods", c.stated_periods);
  write_dpc_periods(json, "priced_periods", c.priced_periods);
  json.key("differences").begin_array();
  for (const std::string& d : c.differences) json.value(d);
  json.end_array().end_object();
}

}  // namespace

std::string uke_report_text(const UkePriceReport& report) {
  using output::Align;
  using output::grouped;
  // The summary: every receipt of the file accounted for (priced, or skipped with its error below).
  const auto priced = static_cast<std::int64_t>(report.receipts.size());
  std::string out;
  // Every receipt that does not agree takes its lines (a clinic's month of 20,000 receipts, most
  // of them listed: 16.7 MB): room for about 100 bytes a unit, instead of growing by doubling.
  // Pages reserved and not written cost nothing.
  out.reserve(report.units() * 100 + 4096);
  fmt::format_to(std::back_inserter(out), "{}{}\n", report.path, report.revision.empty() ? "" : ", priced under " + report.revision + " (forced)");
  output::TextTable summary({Align::left, Align::right, Align::left});
  summary.row({"receipts in the file", grouped(report.receipts_in_file)});
  summary.row({"priced", grouped(priced)});
  summary.row({"skipped for errors", grouped(report.receipts_in_file - priced)});
  summary.row({"units", grouped(static_cast<std::int64_t>(report.units()))});
  summary.row({"units that agree", grouped(static_cast<std::int64_t>(report.agreeing_units())),
               fmt::format("of {} ({})", grouped(static_cast<std::int64_t>(report.units())),
                           percent(report.agreeing_units(), report.units()))});
  if (const std::size_t n = claimed_differently_units(report); n > 0) {
    summary.row({"claimed differently", grouped(static_cast<std::int64_t>(n)),
                 "priced as stated; 算定漏れ: the law adds more, 算定不可: the law would not bill a code"});
  }
  if (const std::size_t n = several_lines_units(report); n > 0) {
    summary.row({"several lines", grouped(static_cast<std::int64_t>(n)),
                 "santei writes the unit as several lines: compared on their sum"});
  }
  const auto counts = reason_counts(report);
  if (!counts.empty()) summary.heading("  disagreements by reason");
  for (const auto& [reason, n] : counts) summary.row({"  " + reason, grouped(static_cast<std::int64_t>(n))});
  summary.render(out);
  for (const ErrorInfo& e : report.errors) out += "  error: " + e.to_string() + "\n";
  for (const UkeFinding& f : report.findings) fmt::format_to(std::back_inserter(out), "  finding: line {}: {}\n", f.line, f.message);

  // Then each receipt that does not agree: its units that do not, with why. One table for all of
  // them, emptied for each: its memory made once.
  output::TextTable units({Align::right, Align::left, Align::left, Align::right, Align::right});
  for (std::size_t i = 0; i < report.receipts.size(); ++i) {
    const UkeReceiptComparison& r = report.receipts[i];
    const std::vector<UkeFinding> none;
    const std::vector<UkeFinding>& findings = i < report.receipt_findings.size() ? report.receipt_findings[i] : none;
    const bool clean = r.agreeing_units() == r.units.size() && r.extra.empty() && !r.error && !r.copay_error &&
                       r.copay_needs.empty() && findings.empty() && (!r.dpc || r.dpc->agrees) &&
                       r.stated_total == r.priced_total && std::none_of(r.units.begin(), r.units.end(), claimed_differently);
    if (clean) continue;
    // A listed receipt's lines are joined in place, not through fmt: most of a month's receipts
    // may be listed (17,553 of the bench's 20,000).
    const auto append = [&out](std::initializer_list<std::string_view> pieces) {
      for (const std::string_view piece : pieces) out += piece;
    };
    append({"\nreceipt ", std::to_string(r.number), " (line ", std::to_string(r.line), "): stated ",
            grouped(r.stated_total.value), "点, units ", grouped(r.units_total.value), "点, santei ",
            grouped(r.priced_total.value), "点; ", std::to_string(r.agreeing_units()), " of ",
            std::to_string(r.units.size()), " units agree\n"});
    if (r.error) append({"  not priced: ", r.error->to_string(), "\n"});
    if (r.copay_error) append({"  copayment not computed (the points are): ", r.copay_error->to_string(), "\n"});
    for (const std::string& needs : r.copay_needs) append({"  地単公費: ", needs, "\n"});
    for (const UkeFinding& f : findings) fmt::format_to(std::back_inserter(out), "  finding: line {}: {}\n", f.line, f.message);
    if (r.dpc) {
      fmt::format_to(std::back_inserter(out), "  DPC {}: 包括評価点数 stated {}, santei {}{}\n", r.dpc->stated_code,
                         r.dpc->stated_points ? grouped(r.dpc->stated_points->value) + "点" : "-",
                         grouped(r.dpc->priced_points.value) + "点", r.dpc->agrees ? " (agree)" : "");
      for (const std::string& d : r.dpc->differences) out += "    " + d + "\n";
    }
    units.clear();
    bool any = false;
    for (const UkeUnitComparison& u : r.units) {
      if (u.agrees && !claimed_differently(u)) continue;
      if (!any) units.row({"line", "診療識別", "codes", "stated", "santei"});
      any = true;
      // Cells joined in place, not through fmt: a month's report has tens of thousands of rows.
      const auto figures = [](const std::optional<Points>& points, std::int32_t count) {
        return (points ? grouped(points->value) + "点" : std::string("-")) + " × " + std::to_string(count);
      };
      char pair[2];
      std::string category = u.category < 100 ? std::string(pair, output::put_two_digits(pair, u.category))
                                               : std::to_string(u.category);  // as "{:02}"
      category += ' ';
      category += output::category_name(u.category);
      units.row({std::to_string(u.line), std::move(category), uke::codes_text(u.codes), figures(u.stated_points, u.stated_count),
                 figures(u.priced_points, u.priced_count)});
      for (const UkeDifference& d : u.differences) units.heading({"        ", to_string(d.reason), ": ", d.message});
    }
    units.render(out);
    for (const UkeDifference& d : r.extra) fmt::format_to(std::back_inserter(out), "  {}: {}\n", to_string(d.reason), d.message);
  }
  return out;
}

namespace {

void write_report(output::JsonWriter& json, const UkePriceReport& report) {
  json.begin_object()
      .field("format", "santei.uke-report/1")
      .field("path", report.path)
      .field("revision", report.revision)
      .field("receipts_in_file", report.receipts_in_file)
      .field("receipts_priced", static_cast<std::int64_t>(report.receipts.size()))
      .field("receipts_skipped", report.receipts_in_file - static_cast<std::int64_t>(report.receipts.size()))
      .field("units", static_cast<std::int64_t>(report.units()))
      .field("agreeing_units", static_cast<std::int64_t>(report.agreeing_units()))
      .field("claimed_differently_units", static_cast<std::int64_t>(claimed_differently_units(report)))
      .field("several_lines_units", static_cast<std::int64_t>(several_lines_units(report)));
  json.key("reasons").begin_object();
  for (const auto& [reason, n] : reason_counts(report)) json.field(reason, static_cast<std::int64_t>(n));
  json.end_object();
  json.key("errors").begin_array();
  for (const ErrorInfo& e : report.errors) write_error(json, e);
  json.end_array();
  json.key("findings").begin_array();
  for (const UkeFinding& f : report.findings) write_finding(json, f);
  json.end_array();
  json.key("receipts").begin_array();
  for (std::size_t i = 0; i < report.receipts.size(); ++i) {
    const UkeReceiptComparison& r = report.receipts[i];
    json.begin_object()
        .field("number", r.number)
        .field("line", r.line)
        .field("revision", r.revision)
        .field("stated_total", r.stated_total.value)
        .field("units_total", r.units_total.value)
        .field("priced_total", r.priced_total.value)
        .field("agreeing_units", static_cast<std::int64_t>(r.agreeing_units()));
    json.key("error");
    if (r.error) write_error(json, *r.error); else json.null();
    json.key("copay_error");
    if (r.copay_error) write_error(json, *r.copay_error); else json.null();
    json.key("copay_needs").begin_array();
    for (const std::string& needs : r.copay_needs) json.value(needs);
    json.end_array();
    json.key("findings").begin_array();
    if (i < report.receipt_findings.size()) {
      for (const UkeFinding& f : report.receipt_findings[i]) write_finding(json, f);
    }
    json.end_array();
    json.key("units").begin_array();
    for (const UkeUnitComparison& u : r.units) {
      json.begin_object().field("line", u.line).field("category", output::CategoryDigits(u.category));
      json.key("codes").begin_array();
      for (Code c : u.codes) json.nine_digits(c);
      json.end_array();
      json.key("stated_points");
      if (u.stated_points) json.value(u.stated_points->value); else json.null();
      json.field("stated_count", u.stated_count);
      json.key("priced_points");
      if (u.priced_points) json.value(u.priced_points->value); else json.null();
      json.field("priced_count", u.priced_count)
          .field("stated_total", u.stated_total.value)
          .field("priced_total", u.priced_total.value)
          .field("agrees", u.agrees);
      json.key("differences").begin_array();
      for (const UkeDifference& d : u.differences) write_difference(json, d);
      json.end_array().end_object();
    }
    json.end_array();
    json.key("extra").begin_array();
    for (const UkeDifference& d : r.extra) write_difference(json, d);
    json.end_array();
    json.key("dpc");
    if (r.dpc) write_dpc(json, *r.dpc); else json.null();
    json.end_object();
  }
  json.end_array().end_object();
}

}  // namespace

std::string uke_report_json(const UkePriceReport& report) {
  // A month's report is tens of MB: grown by doubling, its copies and their fresh pages were 40 %
  // of writing it. A unit agreeing with the file takes about 260 bytes, a receipt's own figures
  // about 350 (a clinic's month: 52.7 MB for 20,000 receipts, 173,103 units). Pages reserved and
  // not written cost nothing; a report of many differences outgrows this once or twice.
  std::string out;
  out.reserve(report.units() * 320 + report.receipts.size() * 512 + 4096);
  {
    output::JsonWriter json(out);  // all of it in `out` once the writer is gone
    write_report(json, report);
  }
  return out;
}

bool write_uke_report_json(const UkePriceReport& report, const std::function<bool(std::string_view)>& write) {
  struct Stopped {};  // out of the writer's drain when `write` says stop: nothing more is made
  const std::function<void(std::string_view)> drain = [&](std::string_view piece) {
    if (!write(piece)) throw Stopped{};
  };
  std::string out;
  out.reserve(output::JsonWriter::kDrainAt * 2);
  try {
    {
      output::JsonWriter json(out, drain);
      write_report(json, report);
    }
    if (!out.empty()) drain(out);  // what the writer left when it was gone
  } catch (const Stopped&) {
    return false;
  }
  return true;
}

}  // namespace santei
