// The month's check report as one HTML page (the pieces of output/html.hpp, as the regress
// report): the file's figures, the disagreements by reason and by code, and a section per receipt
// with its stated and priced units side by side.
#include <algorithm>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "output/html.hpp"
#include "output/put_at.hpp"
#include "santei/config.h"
#include "santei/uke.hpp"
#include "uke/compare.hpp"

namespace santei {
namespace {

using output::html::escape;
using output::html::figure;
using output::html::grouped;
using output::html::share;

bool noted_only(const UkeDifference& d) { return d.reason == UkeReason::claimed_differently; }

std::string points_text(const std::optional<Points>& points, std::int32_t count) {
  return fmt::format("{} × {}", points ? grouped(points->value) : std::string("–"), count);
}

struct Tally {
  std::map<std::string, std::int64_t> by_reason;                    // units per reason
  std::map<std::pair<std::string, Code>, std::int64_t> by_code;     // units per (reason, code)
  std::int64_t claimed_differently = 0;
};

Tally tally(const UkePriceReport& report) {
  Tally t;
  for (const UkeReceiptComparison& r : report.receipts) {
    for (const UkeUnitComparison& u : r.units) {
      std::map<std::string, bool> seen;
      bool noted = false;
      for (const UkeDifference& d : u.differences) {
        if (d.reason == UkeReason::several_lines) continue;  // how santei wrote it, not a disagreement
        if (noted_only(d)) {
          noted = true;
          continue;
        }
        const std::string reason = to_string(d.reason);
        const Code code = d.code != 0 ? d.code : (u.codes.empty() ? 0 : u.codes.front());
        if (!seen[reason]) ++t.by_reason[reason];
        if (!seen[reason + std::to_string(code)]) ++t.by_code[{reason, code}];
        seen[reason] = seen[reason + std::to_string(code)] = true;
      }
      t.claimed_differently += noted ? 1 : 0;
    }
    for (const UkeDifference& d : r.extra) {
      ++t.by_reason[to_string(d.reason)];
      ++t.by_code[{to_string(d.reason), d.code}];
    }
  }
  return t;
}

void headline(std::string& out, const UkePriceReport& report, const Tally& t) {
  const auto priced = static_cast<std::int64_t>(report.receipts.size());
  const auto units = static_cast<std::int64_t>(report.units());
  const auto agreeing = static_cast<std::int64_t>(report.agreeing_units());
  out += "<section id=\"headline\"><h2>Headline</h2>\n<table class=\"figures\">\n";
  figure(out, "receipts", "Receipts in the file", report.receipts_in_file, grouped(report.receipts_in_file));
  figure(out, "priced", "Receipts priced", priced, grouped(priced),
         report.revision.empty() ? std::string() : "under " + escape(report.revision) + " (forced)");
  figure(out, "skipped", "Receipts skipped for errors", report.receipts_in_file - priced,
         grouped(report.receipts_in_file - priced));
  figure(out, "units", "算定単位", units, grouped(units));
  figure(out, "agreeing", "Units agreeing", agreeing, grouped(agreeing), share(agreeing, units));
  figure(out, "claimed-differently", "Claimed differently than santei would", t.claimed_differently,
         grouped(t.claimed_differently), "priced as stated; the law adds more (算定漏れ) or would not bill a code (算定不可): not a disagreement");
  out += "</table></section>\n";
}

void reasons(std::string& out, const Tally& t) {
  out += "<section id=\"reasons\"><h2>Disagreements by reason</h2>\n<table class=\"list\"><tr><th>Reason</th><th>Units</th></tr>\n";
  for (const auto& [reason, n] : t.by_reason) {
    fmt::format_to(std::back_inserter(out), "<tr class=\"reason\" data-reason=\"{0}\" data-units=\"{1}\"><td>{0}</td><td class=\"num\">{2}</td></tr>\n",
                   escape(reason), n, grouped(n));
  }
  out += "</table>\n<h2>Disagreements by code</h2>\n<table class=\"list\"><tr><th>Reason</th><th>Code</th><th>Units</th></tr>\n";
  for (const auto& [key, n] : t.by_code) {
    fmt::format_to(std::back_inserter(out), "<tr class=\"code\"><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                   escape(key.first), key.second == 0 ? std::string("–") : output::nine_digits(key.second), grouped(n));
  }
  out += "</table></section>\n";
}

void problems(std::string& out, const UkePriceReport& report) {
  if (report.errors.empty() && report.findings.empty()) return;
  out += "<section id=\"file\"><h2>The file</h2>\n<ul>\n";
  for (const ErrorInfo& e : report.errors) out += "<li class=\"error\">" + escape(e.to_string()) + "</li>\n";
  for (const UkeFinding& f : report.findings) {
    fmt::format_to(std::back_inserter(out), "<li class=\"finding\">line {}: {}</li>\n", f.line, escape(f.message));
  }
  out += "</ul></section>\n";
}

void receipt(std::string& out, const UkeReceiptComparison& r, const std::vector<UkeFinding>& findings) {
  fmt::format_to(std::back_inserter(out),
                 "<section class=\"receipt\" id=\"receipt-{0}\" data-units=\"{1}\" data-agreeing=\"{2}\">"
                 "<h2>Receipt {0} <span class=\"muted\">(line {3})</span></h2>\n"
                 "<p>stated {4} 点 · units {5} 点 · santei {6} 点 · {2} of {1} units agree</p>\n",
                 r.number, r.units.size(), r.agreeing_units(), r.line, grouped(r.stated_total.value),
                 grouped(r.units_total.value), grouped(r.priced_total.value));
  if (r.error) out += "<p class=\"error\">not priced: " + escape(r.error->to_string()) + "</p>\n";
  if (r.copay_error) {
    out += "<p class=\"finding\">copayment not computed (the points are): " + escape(r.copay_error->to_string()) + "</p>\n";
  }
  for (const std::string& needs : r.copay_needs) out += "<p class=\"finding\">地単公費: " + escape(needs) + "</p>\n";
  for (const UkeFinding& f : findings) {
    fmt::format_to(std::back_inserter(out), "<p class=\"finding\">line {}: {}</p>\n", f.line, escape(f.message));
  }
  if (r.dpc) {
    fmt::format_to(std::back_inserter(out),
                   "<p class=\"dpc\" data-agrees=\"{}\">DPC {}: 包括評価点数 stated {} 点 · santei {} 点</p>\n",
                   r.dpc->agrees ? "true" : "false", escape(r.dpc->stated_code),
                   r.dpc->stated_points ? grouped(r.dpc->stated_points->value) : "-", grouped(r.dpc->priced_points.value));
    for (const std::string& d : r.dpc->differences) out += "<p class=\"finding\">" + escape(d) + "</p>\n";
  }
  out += "<table class=\"list\"><tr><th>Line</th><th>診療識別</th><th>Codes</th><th>Stated 点 × 回</th>"
         "<th>santei 点 × 回</th><th></th><th>Why</th></tr>\n";
  for (const UkeUnitComparison& u : r.units) {
    std::string why;
    for (const UkeDifference& d : u.differences) {
      why += fmt::format("{}<b>{}</b>: {}", why.empty() ? "" : "<br>", to_string(d.reason), escape(d.message));
    }
    fmt::format_to(std::back_inserter(out),
                   "<tr class=\"unit\" data-agrees=\"{0}\"><td class=\"num\">{1}</td><td>{2}</td><td>{3}</td>"
                   "<td class=\"num\">{4}</td><td class=\"num\">{5}</td><td class=\"{6}\">{7}</td><td>{8}</td></tr>\n",
                   u.agrees ? "true" : "false", u.line, category_text(u.category), uke::codes_text(u.codes),
                   points_text(u.stated_points, u.stated_count), points_text(u.priced_points, u.priced_count),
                   u.agrees ? "down" : "up", u.agrees ? "=" : "≠", why);
  }
  for (const UkeDifference& d : r.extra) {
    fmt::format_to(std::back_inserter(out), "<tr class=\"extra\"><td></td><td></td><td></td><td></td><td></td><td class=\"up\">+</td>"
                                            "<td><b>{}</b>: {}</td></tr>\n",
                   to_string(d.reason), escape(d.message));
  }
  out += "</table></section>\n";
}

}  // namespace

std::string uke_report_html(const UkePriceReport& report, std::string_view title) {
  std::string out = output::html::page_start(fmt::format("santei check: {}", title));
  fmt::format_to(std::back_inserter(out), "<h1>UKE check: {}</h1>\n<p class=\"source\">{}</p>\n", escape(title),
                 escape(report.path));
  const Tally t = tally(report);
  headline(out, report, t);
  reasons(out, t);
  problems(out, report);
  out += "<section id=\"receipts\"><h2>Receipts</h2>\n<p>";
  for (const UkeReceiptComparison& r : report.receipts) {
    fmt::format_to(std::back_inserter(out), "<a href=\"#receipt-{0}\" class=\"{1}\">{0}</a> ", r.number,
                   r.agreeing_units() == r.units.size() && !r.error ? "down" : "up");
  }
  out += "</p></section>\n";
  for (std::size_t i = 0; i < report.receipts.size(); ++i) {
    static const std::vector<UkeFinding> none;
    receipt(out, report.receipts[i], i < report.receipt_findings.size() ? report.receipt_findings[i] : none);
  }
  fmt::format_to(std::back_inserter(out),
                 "<footer>santei {} · each receipt priced as claimed: nothing added to a stated unit</footer>\n</body></html>\n",
                 SANTEI_VERSION_STRING);
  return out;
}

}  // namespace santei
