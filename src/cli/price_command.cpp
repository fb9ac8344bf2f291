// santei price: one claim or JSON Lines → santei.result/1, in input order, on N threads.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "santei/price_stream.hpp"

namespace santei::cli {
namespace {

constexpr const char* kHelp = R"(usage: santei price [--masters DIR]... [--revision ID] [-j N] [--no-copay] [--no-explain]
                    [--mode automatic|as_claimed] [--local-programmes FILE] CLAIM.json|-
       santei price --uke FILE.UKE [--masters DIR]... [--revision ID] [-j N] [--no-copay] [--mode …] [--local-programmes FILE]

Prices claims (santei.claim/1) into results (santei.result/1, one JSON object per line).
Input is one claim (a JSON document, pretty-printed or not) or JSON Lines (one claim per line);
`-` reads standard input. Results come out in input order.

  --masters DIR  a revision directory or a directory of them (repeatable);
                 default: the demo master built into santei
  --revision ID  price every claim under this revision (e.g. r04) whatever its month
  -j N           price on N threads (default: 1)
  --no-copay     leave out the copayment (copay)
  --no-explain   leave out the explanation steps
  --mode M       automatic: santei adds what the law adds by itself (年齢加算, 時間加算 …);
                 as_claimed: nothing is added, what the law would add is a diagnostic;
                 default: each claim's "mode" (automatic), as_claimed for --uke
  --local-programmes FILE
                 地方単独 programme rows (docs/local-programmes.md) for 公費 that state no
                 parameters, besides those santei ships
  --uke FILE     price every receipt of a UKE file as claimed and compare with what it states
  --html FILE    with --uke: also write the month's check report as one HTML page

A claim that cannot be priced gives an {"error":…} line on stdout and one line on stderr naming
its input line and field; the other claims are still priced. A line (or a claim) over 16 MiB is
such an error: it is read past, never held in memory.
Exit status: 0 all priced, 1 some claims had errors, 2 usage or master errors.
)";

}  // namespace

int price_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"--masters", "--revision", "-j", "--uke", "--mode", "--local-programmes", "--html"},
                  {"--help", "-h", "--no-copay", "--no-explain"});
  if (args.flag("--help") || args.flag("-h")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (args.value("--uke")) return price_uke_command(args);
  if (args.positionals().size() != 1) throw UsageError{"price takes one CLAIM.json (or - for standard input)"};
  const unsigned threads = thread_count(args, 1);
  const MasterLibrary masters = load_masters(args);
  const PricingOptions options = pricing_options(args, masters, !args.flag("--no-explain"));

  const std::string& path = args.positionals()[0];
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw Exception(ErrorInfo{Status::io_error, path, 0, 0, {}, "cannot open the file"});
  }
  std::istream& in = path == "-" ? std::cin : file;
  PriceStreamOptions stream;
  stream.threads = threads;
  const std::size_t errors = price_stream(in, path == "-" ? "<stdin>" : path, masters, options, stream,
                                          [](std::span<const ClaimAnswer> answers) {
    for (const ClaimAnswer& answer : answers) {
      std::fwrite(answer.json.data(), 1, answer.json.size(), stdout);
      std::fputc('\n', stdout);
      if (!answer.message.empty()) std::fprintf(stderr, "santei price: %s\n", answer.message.c_str());
    }
    return true;
  });
  return errors > 0 ? kExitClaimErrors : kExitOk;
}

}  // namespace santei::cli
