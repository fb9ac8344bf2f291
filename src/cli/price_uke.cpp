// santei price --uke FILE: price every receipt of a UKE file and compare with what it states.
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <memory>
#include <string_view>

#include "cli/command.hpp"
#include "cli/gather_writer.hpp"
#include "cli/price.hpp"
#include "santei/uke.hpp"

namespace santei::cli {

// Output: the santei.uke-report/1 JSON on stdout and the same report as text for a person on stderr;
// with --format text the text alone, on stdout; with --html the check report as a page.
int price_uke_file(const PriceArgs& args) {
  const MasterLibrary masters = load_masters(args.masters);
  keep_until_exit(masters);
  // The comparison reads points, not explanations.
  const PricingOptions options = pricing_options(args.pricing, masters, /*explain=*/false);
  const auto kept = std::make_shared<const UkePriceReport>(price_uke_file(args.uke, {}, masters, options, args.threads));
  keep_until_exit(kept);  // not freed receipt by receipt on the way out
  const UkePriceReport& report = *kept;
  if (args.format == Format::text) {
    std::cout << uke_report_text(report);
  } else {
    // The two reports are made on two threads: each takes a tenth of a month's check or less.
    std::future<std::string> text = std::async(std::launch::async, [&report] { return uke_report_text(report); });
    // Written as it is made, a MiB at a time: not held whole (52.7 MB for 20,000 receipts). The
    // first piece that cannot be written ends the command (a full disk), before the text report.
    write_uke_report_json(report, [](std::string_view piece) {
      std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      if (!std::cout) write_failed("<stdout>", errno);
      return true;
    });
    std::cout << '\n';
    std::cerr << text.get();
  }
  if (!args.html.empty()) {
    std::ofstream out(args.html, std::ios::binary);
    out << uke_report_html(report, std::filesystem::path(args.uke).filename().string());
    if (!out) throw Exception(ErrorInfo{Status::io_error, args.html, 0, 0, {}, "cannot write the HTML report"});
  }
  bool failed = !report.errors.empty();
  for (const UkeReceiptComparison& r : report.receipts) failed = failed || r.error.has_value();
  return failed ? kExitClaimErrors : kExitOk;
}

}  // namespace santei::cli
