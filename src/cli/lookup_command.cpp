#include <charconv>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "santei/lookup.hpp"

namespace santei::cli {
namespace {

constexpr const char* kHelp = R"(usage: santei lookup [--masters DIR]... [--date YYYY-MM-DD] CODE

Prints, as JSON (santei.lookup/1), the master record of CODE in force on the date: its name,
points or price, every decoded column that matters to pricing (with its master column number
and 項目名), its other versions, and its rule-graph edges (注加算, 年齢加算, 時間加算,
包括対象検査, and the 電子点数表 包括/背反/算定回数 rows).

  CODE           a 9-digit 診療行為/医薬品/特定器材/コメント code, or a 7-digit 傷病名 code
  --date D       the service date (default: the newest version of the newest revision)
  --masters DIR  a revision directory (../shared/masters/r06) or a directory of them
                 (../shared/masters); repeatable; default: the demo master built into santei

Exit status: 0 found, 1 unknown or not in force on that date, 2 usage or master errors.
)";

}  // namespace

int lookup_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"--masters", "--date"}, {"--help", "-h"});
  if (args.flag("--help") || args.flag("-h")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (args.positionals().size() != 1) throw UsageError{"lookup takes exactly one CODE"};
  const std::string& text = args.positionals()[0];
  Code code = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() > 9) {
    throw UsageError{"CODE must be up to 9 digits: " + text};
  }
  std::optional<Date> date;
  if (auto d = args.value("--date")) {
    date = Date::parse_iso(*d);
    if (!date) throw UsageError{"--date must be YYYY-MM-DD and a real day: " + *d};
  }
  const MasterLibrary library = load_masters(args);
  try {
    std::cout << lookup_json(library, code, date) << '\n';
  } catch (const Exception& e) {
    if (e.status() == Status::unknown_code || e.status() == Status::not_found) {
      std::fprintf(stderr, "santei lookup: %s\n", e.what());
      return kExitClaimErrors;
    }
    throw;
  }
  return kExitOk;
}

}  // namespace santei::cli
