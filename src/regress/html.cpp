// The regression report: one self-contained HTML page (inline CSS and SVG, no script, no fonts or
// images fetched), readable offline and in a mail attachment. Every figure is exact integer
// arithmetic; the headline cells carry their value in data-value for machine checks.
#include <algorithm>

#include <fmt/format.h>

#include "output/html.hpp"
#include "santei/config.h"
#include "santei/regress.hpp"

namespace santei {
namespace {

using output::html::escape;
using output::html::figure;
using output::html::grouped;
using output::html::share;
using output::html::signed_grouped;

// part / whole as a percentage with two decimals, rounded half away from zero, in integers.
std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return "–";
  const bool negative = (part < 0) != (whole < 0);
  const std::int64_t p = part < 0 ? -part : part;
  const std::int64_t w = whole < 0 ? -whole : whole;
  const std::int64_t hundredths = (p * 10000 + w / 2) / w;
  return fmt::format("{}{}.{:02}%", negative && hundredths != 0 ? "−" : (hundredths != 0 ? "+" : ""), hundredths / 100,
                     hundredths % 100);
}

void headline(std::string& out, const RegressSummary& s) {
  const std::string& o = s.old_revision;
  const std::string& n = s.new_revision;
  out += "<section id=\"headline\"><h2>Headline</h2>\n<table class=\"figures\">\n";
  figure(out, "receipts", "Receipts", s.receipts, grouped(s.receipts));
  figure(out, "old-points", fmt::format("Total points, {}", escape(o)), s.old_points.value, grouped(s.old_points.value) + " 点");
  figure(out, "new-points", fmt::format("Total points, {}", escape(n)), s.new_points.value, grouped(s.new_points.value) + " 点");
  figure(out, "delta", "Change", s.delta().value, signed_grouped(s.delta().value) + " 点",
         percent(s.delta().value, s.old_points.value));
  figure(out, "old-patient-yen", fmt::format("Window charges, {}", escape(o)), s.old_patient_yen.value,
         grouped(s.old_patient_yen.value) + " 円");
  figure(out, "new-patient-yen", fmt::format("Window charges, {}", escape(n)), s.new_patient_yen.value,
         grouped(s.new_patient_yen.value) + " 円",
         percent(s.new_patient_yen.value - s.old_patient_yen.value, s.old_patient_yen.value));
  figure(out, "up", "Receipts up", s.up, grouped(s.up), share(s.up, s.priced_both) + " of those priced by both");
  figure(out, "down", "Receipts down", s.down, grouped(s.down), share(s.down, s.priced_both));
  figure(out, "unchanged", "Receipts unchanged", s.unchanged, grouped(s.unchanged), share(s.unchanged, s.priced_both));
  figure(out, "newly-failing", fmt::format("Receipts that fail under {}", escape(n)), s.newly_failing,
         grouped(s.newly_failing), fmt::format("new rule errors or not priced by {}, and priced cleanly by {}", escape(n), escape(o)));
  figure(out, "failed-new", fmt::format("Not priced by {}", escape(n)), s.failed_new, grouped(s.failed_new));
  figure(out, "failed-old", fmt::format("Not priced by {}", escape(o)), s.failed_old, grouped(s.failed_old));
  out += "</table></section>\n";
}

void histogram(std::string& out, const RegressSummary& s) {
  constexpr std::int64_t kWidth = 960, kHeight = 300, kTop = 24, kBottom = 100, kLeft = 60;
  constexpr std::int64_t kBar = (kWidth - kLeft - 10) / static_cast<std::int64_t>(kHistogramBuckets);
  const std::int64_t peak = std::max<std::int64_t>(1, *std::max_element(s.histogram.begin(), s.histogram.end()));
  out += "<section id=\"histogram\"><h2>Per-receipt change in points</h2>\n";
  fmt::format_to(std::back_inserter(out),
                 "<p class=\"muted\">{} receipts priced by both revisions, by the change of their total points.</p>\n",
                 grouped(s.priced_both));
  fmt::format_to(std::back_inserter(out),
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
                 "aria-label=\"histogram of per-receipt point changes\">\n",
                 kWidth, kHeight);
  const std::int64_t base = kHeight - kBottom;
  fmt::format_to(std::back_inserter(out), "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#9aa6b5\"/>\n", kLeft, base,
                 kWidth - 10, base);
  for (std::size_t i = 0; i < kHistogramBuckets; ++i) {
    const std::int64_t count = s.histogram[i];
    const std::int64_t h = count == 0 ? 0 : std::max<std::int64_t>(1, count * (base - kTop) / peak);
    const std::int64_t x = kLeft + static_cast<std::int64_t>(i) * kBar;
    const char* color = i < kHistogramZero ? "#3b7dd8" : i == kHistogramZero ? "#9aa6b5" : "#e07b39";
    const std::string label = histogram_label(i);
    fmt::format_to(std::back_inserter(out),
                   "<g class=\"bar\" data-bucket=\"{0}\" data-receipts=\"{1}\"><title>{0}: {2} receipts</title>"
                   "<rect x=\"{3}\" y=\"{4}\" width=\"{5}\" height=\"{6}\" fill=\"{7}\"/>"
                   "<text x=\"{8}\" y=\"{9}\" text-anchor=\"middle\">{2}</text>"
                   "<text transform=\"translate({8},{10}) rotate(-45)\" text-anchor=\"end\">{0}</text></g>\n",
                   escape(label), count, grouped(count), x + 2, base - h, kBar - 4, h, color, x + kBar / 2, base - h - 5,
                   base + 14);
  }
  out += "</svg>\n</section>\n";
}

void codes(std::string& out, const RegressSummary& s, const Regression& regression) {
  constexpr std::size_t kShown = 30;
  std::vector<std::pair<Code, RegressCode>> moved(s.codes.begin(), s.codes.end());
  moved.erase(std::remove_if(moved.begin(), moved.end(), [](const auto& c) { return c.second.delta().value == 0; }), moved.end());
  std::sort(moved.begin(), moved.end(), [](const auto& a, const auto& b) {
    const std::int64_t da = std::abs(a.second.delta().value), db = std::abs(b.second.delta().value);
    return da != db ? da > db : a.first < b.first;
  });
  const std::size_t total = moved.size();
  if (moved.size() > kShown) moved.resize(kShown);
  const std::int64_t peak = moved.empty() ? 1 : std::max<std::int64_t>(1, std::abs(moved.front().second.delta().value));
  out += "<section id=\"codes\"><h2>Codes that moved the most</h2>\n";
  fmt::format_to(std::back_inserter(out),
                 "<p class=\"muted\">{} of {} codes changed their points; each priced line counts for its lead code "
                 "(the base 診療行為, the first drug of a 剤, the first test of a bundle).</p>\n",
                 grouped(static_cast<std::int64_t>(total)), grouped(static_cast<std::int64_t>(s.codes.size())));
  fmt::format_to(std::back_inserter(out),
                 "<table class=\"list\"><tr><th>Code</th><th>Name</th><th>Times {0}</th><th>Times {1}</th><th>Points {0}</th>"
                 "<th>Points {1}</th><th>Change</th><th></th></tr>\n",
                 escape(s.old_revision), escape(s.new_revision));
  for (const auto& [code, c] : moved) {
    const std::int64_t d = c.delta().value;
    const std::int64_t w = std::max<std::int64_t>(1, std::abs(d) * 160 / peak);
    fmt::format_to(std::back_inserter(out),
                   "<tr class=\"code\" data-code=\"{0:09}\" data-delta=\"{1}\"><td>{0:09}</td><td>{2}</td><td class=\"num\">{3}</td>"
                   "<td class=\"num\">{4}</td><td class=\"num\">{5}</td><td class=\"num\">{6}</td><td class=\"num {7}\">{8}</td>"
                   "<td><svg width=\"160\" height=\"12\"><rect x=\"0\" y=\"1\" width=\"{9}\" height=\"10\" fill=\"{10}\"/></svg></td></tr>\n",
                   code, d, escape(regression.code_name(code)), grouped(c.old_count), grouped(c.new_count),
                   grouped(c.old_points.value), grouped(c.new_points.value), d > 0 ? "up" : "down", signed_grouped(d), w,
                   d > 0 ? "#e07b39" : "#3b7dd8");
  }
  out += "</table></section>\n";
}

void failing(std::string& out, const RegressSummary& s) {
  out += "<section id=\"failing\"><h2>Receipts that now fail a rule</h2>\n";
  fmt::format_to(std::back_inserter(out),
                 "<p class=\"muted\">{} receipts raise an error under {} that {} did not (or {} cannot price them); the "
                 "first {} in input order:</p>\n",
                 grouped(s.newly_failing), escape(s.new_revision), escape(s.old_revision), escape(s.new_revision),
                 grouped(static_cast<std::int64_t>(s.failing.size())));
  fmt::format_to(std::back_inserter(out),
                 "<table class=\"list\"><tr><th>Receipt</th><th>Line</th><th>Points {}</th><th>Points {}</th><th>Why</th></tr>\n",
                 escape(s.old_revision), escape(s.new_revision));
  for (const RegressReceipt& r : s.failing) {
    std::string why;
    for (const std::string& f : r.new_failures) why += (why.empty() ? "" : "<br>") + escape(f);
    fmt::format_to(std::back_inserter(out),
                   "<tr class=\"failing\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                   "<td>{}</td></tr>\n",
                   escape(r.id), r.line, grouped(r.old_side.points.value), grouped(r.new_side.points.value), why);
  }
  out += "</table></section>\n";
}

}  // namespace

std::string regress_html(const RegressSummary& s, const Regression& regression, std::string_view title) {
  std::string out = output::html::page_start(
      fmt::format("santei regress {} → {}: {}", s.old_revision, s.new_revision, title));
  fmt::format_to(std::back_inserter(out), "<h1>Fee revision {} → {}</h1>\n<p class=\"source\">{}{}</p>\n",
                 escape(s.old_revision), escape(s.new_revision), escape(title),
                 regression.pricing().copay ? "" : " · window charges not computed");
  headline(out, s);
  histogram(out, s);
  codes(out, s, regression);
  failing(out, s);
  fmt::format_to(std::back_inserter(out),
                 "<footer>santei {} · every claim priced under both revisions with the claim's own dates for ages and "
                 "copayment</footer>\n</body></html>\n",
                 SANTEI_VERSION_STRING);
  return out;
}

}  // namespace santei
