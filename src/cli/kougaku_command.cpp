// santei kougaku: the insurer's 高額療養費 of one household month (santei.kougaku/1 →
// santei.kougaku-result/1, docs/kougaku.md).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "santei/claim.hpp"
#include "santei/kougaku.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Computes what the insurer pays back after the month as 高額療養費 for one household
(世帯): every receipt of its members in the month (santei.result/1 lines, their figures, or
receipts of UKE files priced with --masters), 世帯合算, the 70歳以上 外来 limit per person, 多数回,
the 75歳到達月 and, in July, the yearly caps. The input is santei.kougaku/1 (docs/kougaku.md); files
it names are read relative to it (to the current directory for -). The output is one
santei.kougaku-result/1 object with every step explained.)";

struct KougakuArgs {
  std::vector<std::string> masters;
  std::string household;
};

// The household file's text; the path and why it cannot be read in the error.
std::string read_household(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Exception(ErrorInfo{Status::io_error, path, 0, 0, {}, "cannot be opened"});
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (text.size() > kMaxClaimBytes) {
    throw Exception(ErrorInfo{Status::claim_error, path, 0, 0, {}, "is over the 16 MiB a household file may have"});
  }
  return text;
}

int kougaku(const KougakuArgs& args) {
  const bool stdin_input = args.household == "-";
  const std::string name = stdin_input ? "<stdin>" : args.household;
  const MasterLibrary masters = load_masters(args.masters);  // a master error: exit 2
  keep_until_exit(masters);
  try {
    const std::string base = stdin_input ? std::string(".") : std::filesystem::path(args.household).parent_path().string();
    std::cout << kougaku_answer(read_household(args.household), KougakuSource{name, base, &masters}) << '\n';
  } catch (const Exception& e) {
    std::fprintf(stderr, "santei kougaku: %s\n", e.info().to_string().c_str());
    return kExitClaimErrors;
  }
  return kExitOk;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<KougakuArgs>();
  app.description(kDescription);
  add_masters_option(app, args->masters);
  app.add_option("HOUSEHOLD.json|-", args->household, "one household month (santei.kougaku/1); - reads standard input")
      ->required();
  app.footer(
      "Exit status: 0 computed, 1 the household cannot be computed (the error names the file and\n"
      "field), 2 usage or master errors.");
  return [args] { return kougaku(*args); };
}

const Command kougaku_command{"kougaku", "the insurer's 高額療養費 of a household month (世帯合算, 多数回, yearly caps)",
                              setup};

}  // namespace
}  // namespace santei::cli
