// santei price: one claim or JSON Lines → santei.result/1, in input order, on N threads.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <unistd.h>

#include "cli/command.hpp"
#include "cli/gather_writer.hpp"
#include "cli/price.hpp"
#include "santei/price_stream.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Prices claims (santei.claim/1) into results (santei.result/1, one JSON object per line).
Input is one claim (a JSON document, pretty-printed or not) or JSON Lines (one claim per line);
`-` reads standard input. Results come out in input order.

A claim that cannot be priced gives an {"error":…} line on stdout and one line on stderr naming
its input line and field; the other claims are still priced. A line (or a claim) over 16 MiB is
such an error: it is read past, never held in memory.)";

int price_claims(const PriceArgs& args) {
  if (args.claims.empty()) throw UsageError{"price takes one CLAIM.json (or - for standard input), or --uke FILE"};
  const MasterLibrary masters = load_masters(args.masters);
  keep_until_exit(masters);
  // The text shows no explanations: they are not made for it.
  const PricingOptions options = pricing_options(args.pricing, masters, !args.no_explain && args.format == Format::json);

  const std::string& path = args.claims;
  const std::string_view source = path == "-" ? std::string_view("<stdin>") : std::string_view(path);
  // A file is mapped (price_file): each claim parsed where it lies in the page cache. Standard
  // input, a pipe or a FIFO is read as a stream.
  std::error_code not_regular;
  const bool regular = path != "-" && std::filesystem::is_regular_file(path, not_regular);
  std::ifstream file;
  if (path != "-" && !regular) {
    file.open(path, std::ios::binary);
    if (!file) throw Exception(ErrorInfo{Status::io_error, path, 0, 0, {}, "cannot open the file"});
  }
  std::istream& in = path == "-" ? std::cin : file;
  PriceStreamOptions stream;
  stream.threads = args.threads;
  stream.text = args.format == Format::text;
  std::int64_t written = 0;
  // Results leave a batch at a time, in one writev(2) from where they were made (strace: a write
  // a claim through stdio's 4 KiB buffer was 54,845 writes for 100,000 claims, each a few
  // microseconds in a VM). A claim's stderr message follows its result, on a terminal too.
  GatherWriter out(STDOUT_FILENO, "<stdout>");
  std::optional<ErrorInfo> write_error;  // a failed write stops the run: nothing is priced unseen
  // JSON: one line a claim. Text: each claim's 明細書, a blank line between two.
  const auto write = [&](std::span<const ClaimAnswer> answers) {
    try {
      for (const ClaimAnswer& answer : answers) {
        if (stream.text && written++ > 0) out.add("\n");
        out.add(answer.json);
        if (!stream.text) out.add("\n");
        if (!answer.message.empty()) {
          out.flush();
          std::fprintf(stderr, "santei price: %s\n", answer.message.c_str());
        }
      }
      out.flush();
      return true;
    } catch (const Exception& e) {
      write_error = e.info();
      return false;
    }
  };
  const std::size_t errors = regular ? price_file(path, source, masters, options, stream, write)
                                     : price_stream(in, source, masters, options, stream, write);
  if (write_error) throw Exception(*write_error);
  return errors > 0 ? kExitClaimErrors : kExitOk;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<PriceArgs>();
  app.description(kDescription);
  add_masters_option(app, args->masters);
  add_pricing_options(app, args->pricing);
  add_threads_option(app, args->threads, "1");
  add_format_option(app, args->format, "santei.result/1 JSON lines, or each claim as a 明細書 (codes,\n"
                                       "names, points × count, totals, the window charge and every share)");
  app.add_flag("--no-explain", args->no_explain, "leave out the explanation steps");
  CLI::Option* uke = app.add_option("--uke", args->uke,
                                    "price every receipt of a UKE (レセ電) file as claimed and compare with\n"
                                    "what it states: santei.uke-report/1 on stdout and the report as text on\n"
                                    "stderr, or with --format text the report alone on stdout")
                         ->type_name("FILE");
  app.add_option("--html", args->html, "with --uke: also write the month's check report as one HTML page")
      ->type_name("FILE")
      ->needs(uke);
  app.add_option("CLAIM.json|-", args->claims, "one claim or JSON Lines; - reads standard input")->excludes(uke);
  app.footer("Exit status: 0 all priced, 1 some claims had errors, 2 usage or master errors, or results that could\n"
             "not be written (pricing stops there).");
  return [args] { return args->uke.empty() ? price_claims(*args) : price_uke_file(*args); };
}

const Command price_command{"price", "price claims (santei.claim/1 JSON or JSON Lines) into santei.result/1", setup};

}  // namespace

}  // namespace santei::cli
