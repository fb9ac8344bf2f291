#include "cli/options.hpp"

#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "santei/local_programmes.hpp"

namespace santei::cli {

CLI::Option* add_masters_option(CLI::App& app, std::vector<std::string>& dirs, bool required) {
  CLI::Option* option = app.add_option("--masters", dirs,
                                       required ? "a revision directory, a snapshot of one (santei masters compile)\n"
                                                  "or a directory of them (repeatable), e.g. ../shared/masters"
                                                : "a revision directory, a snapshot of one (santei masters compile)\n"
                                                  "or a directory of them (repeatable);\n"
                                                  "default: the demo master built into santei");
  option->type_name("DIR")->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  if (required) option->required();
  return option;
}

MasterLibrary load_masters(const std::vector<std::string>& dirs) {
  if (dirs.empty()) return MasterLibrary::demo();
  MasterLibrary library;
  for (const std::string& dir : dirs) {
    const MasterLibrary loaded = MasterLibrary::load(dir);
    for (const auto& set : loaded.sets()) {
      if (!set->stats().missing.empty()) {  // a partial revision directory: say what it lacks
        std::string kinds;
        for (const std::string& kind : set->stats().missing) kinds += (kinds.empty() ? "" : ", ") + kind;
        std::fprintf(stderr,
                     "santei: warning: %s (%s) is a partial revision directory without the %s masters: their codes are "
                     "unknown codes\n",
                     set->origin().c_str(), set->revision().c_str(), kinds.c_str());
      }
      library.add(set);
    }
  }
  return library;
}

void keep_until_exit(std::shared_ptr<const void> kept) {
  static auto* const all = new std::vector<std::shared_ptr<const void>>();  // never destroyed
  all->push_back(std::move(kept));
}

void keep_until_exit(const MasterLibrary& library) {
  for (const std::shared_ptr<const MasterSet>& set : library.sets()) keep_until_exit(set);
}

CLI::Option* add_threads_option(CLI::App& app, unsigned& threads, const std::string& default_text) {
  return app.add_option("-j", threads, "threads, 1–256 (default: " + default_text + ")")
      ->type_name("N")
      ->check(CLI::Range(1u, 256u).description(""));
}

CLI::Option* add_format_option(CLI::App& app, Format& format, const std::string& description) {
  return app.add_option_function<std::string>(
                "--format", [&format](const std::string& text) { format = text == "text" ? Format::text : Format::json; },
                "json (default) or text: " + description)
      ->type_name("json|text")
      ->check(CLI::IsMember({"json", "text"}).description(""));
}

void add_pricing_options(CLI::App& app, PricingFlags& flags) {
  app.add_option("--revision", flags.revision, "price every claim under this revision (e.g. r04) whatever its month")
      ->type_name("ID");
  app.add_flag("--no-copay", flags.no_copay, "leave out the copayment (copay)");
  app.add_option("--mode", flags.mode,
                 "automatic: santei adds what the law adds by itself (年齢加算, 時間加算 …);\n"
                 "as_claimed: nothing is added, what the law would add is a diagnostic;\n"
                 "default: each claim's \"mode\" (automatic), as_claimed for --uke")
      ->type_name("automatic|as_claimed")
      ->check(CLI::IsMember({"automatic", "as_claimed"}).description(""));
  app.add_option("--local-programmes", flags.local_programmes,
                 "地方単独 programme rows (docs/local-programmes.md) for 公費 that state no\n"
                 "parameters, besides those santei ships")
      ->type_name("FILE");
  add_dpc_option(app, flags.dpc, "(docs/dpc.md)");
}

void add_dpc_option(CLI::App& app, std::string& dir, const char* use) {
  app.add_option("--dpc", dir,
                 fmt::format("a directory of MHLW's DPC電子点数表 workbooks (.xlsx, as published) for\n"
                             "claims with admission.dpc {}",
                             use))
      ->type_name("DIR");
}

PricingOptions pricing_options(const PricingFlags& flags, const MasterLibrary& masters, bool explain) {
  PricingOptions options;
  options.copay = !flags.no_copay;
  options.explain = explain;
  options.revision = flags.revision;
  if (!options.revision.empty() && !masters.revision(options.revision)) {
    throw UsageError{"--revision " + options.revision + " is not among the loaded masters"};
  }
  if (!flags.mode.empty()) options.mode = parse_claim_mode(flags.mode);  // checked by the option
  if (!flags.local_programmes.empty()) options.local_programmes = LocalProgrammes::load(flags.local_programmes);
  if (!flags.dpc.empty()) options.dpc = DpcTables::load(flags.dpc);
  return options;
}

}  // namespace santei::cli
