// santei price --uke FILE: price every receipt of a UKE file and compare with what it states.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "santei/uke.hpp"

namespace santei::cli {

// Called by price_command for `--uke FILE`; its --help covers the shared options. Output: the
// santei.uke-report/1 JSON on stdout, the same report as text for a person on stderr.
int price_uke_command(const Args& args) {
  if (!args.positionals().empty()) throw UsageError{"price --uke FILE takes no other input"};
  const unsigned threads = thread_count(args, 1);
  const MasterLibrary masters = load_masters(args);
  // The comparison reads points, not explanations.
  const PricingOptions options = pricing_options(args, masters, /*explain=*/false);
  const UkeFile file = read_uke_file(*args.value("--uke"));
  const UkePriceReport report = price_uke(file, masters, options, threads);
  std::cout << uke_report_json(report) << '\n';
  std::cerr << uke_report_text(report);
  if (const auto html = args.value("--html")) {
    std::ofstream out(*html, std::ios::binary);
    out << uke_report_html(report, std::filesystem::path(*args.value("--uke")).filename().string());
    if (!out) throw Exception(ErrorInfo{Status::io_error, *html, 0, 0, {}, "cannot write the HTML report"});
  }
  bool failed = !report.errors.empty();
  for (const UkeReceiptComparison& r : report.receipts) failed = failed || r.error.has_value();
  return failed ? kExitClaimErrors : kExitOk;
}

}  // namespace santei::cli
