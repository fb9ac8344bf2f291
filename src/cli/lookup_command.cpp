// santei lookup: a code's master record and rule-graph edges on a date (santei.lookup/1).
#include <charconv>
#include <cstdio>
#include <iostream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "santei/lookup.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Prints, as JSON (santei.lookup/1) or as text, the master record of CODE in force on the date:
its name, points or price, every decoded column that matters to pricing (with its master column
number and 項目名), its other versions, and its rule-graph edges (注加算, 年齢加算, 時間加算,
包括対象検査, and the 電子点数表 包括/背反/算定回数 rows).)";

struct LookupArgs {
  std::vector<std::string> masters;
  std::string date;
  std::string code;
  Format format = Format::json;
};

int lookup(const LookupArgs& args) {
  Code code = 0;
  const std::string& text = args.code;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() > 9) {
    throw UsageError{"CODE must be up to 9 digits: " + text};
  }
  std::optional<Date> date;
  if (!args.date.empty()) {
    date = Date::parse_iso(args.date);
    if (!date) throw UsageError{"--date must be YYYY-MM-DD and a real day: " + args.date};
  }
  const MasterLibrary library = load_masters(args.masters);
  keep_until_exit(library);
  try {
    if (args.format == Format::text) std::cout << lookup_text(library, code, date);
    else std::cout << lookup_json(library, code, date) << '\n';
  } catch (const Exception& e) {
    if (e.status() == Status::unknown_code || e.status() == Status::not_found) {
      std::fprintf(stderr, "santei lookup: %s\n", e.what());
      return kExitClaimErrors;
    }
    throw;
  }
  return kExitOk;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<LookupArgs>();
  app.description(kDescription);
  add_masters_option(app, args->masters);
  add_format_option(app, args->format, "santei.lookup/1, or the same as tables");
  app.add_option("--date", args->date, "the service date (default: the newest version of the newest revision)")
      ->type_name("YYYY-MM-DD");
  app.add_option("CODE", args->code, "a 9-digit 診療行為/医薬品/特定器材/コメント code, a 7-digit 傷病名 code or a 4-digit 修飾語 code")
      ->required();
  app.footer("Exit status: 0 found, 1 unknown or not in force on that date, 2 usage or master errors.");
  return [args] { return lookup(*args); };
}

const Command lookup_command{"lookup", "show a code's master record and rule-graph edges on a date", setup};

}  // namespace
}  // namespace santei::cli
