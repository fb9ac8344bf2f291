#include <string>

#include "cli/commands.hpp"
#include "santei/local_programmes.hpp"

namespace santei::cli {

MasterLibrary load_masters(const Args& args) {
  const std::vector<std::string> dirs = args.values("--masters");
  if (dirs.empty()) return MasterLibrary::demo();
  MasterLibrary library;
  for (const std::string& dir : dirs) {
    const MasterLibrary loaded = MasterLibrary::load(dir);
    for (const auto& set : loaded.sets()) library.add(set);
  }
  return library;
}

unsigned thread_count(const Args& args, unsigned fallback) {
  const auto text = args.value("-j");
  if (!text) return fallback;
  unsigned threads = 0;
  try {
    threads = static_cast<unsigned>(std::stoul(*text));
  } catch (...) {
    throw UsageError{"-j needs a number of threads"};
  }
  if (threads == 0 || threads > 256) throw UsageError{"-j must be between 1 and 256"};
  return threads;
}

PricingOptions pricing_options(const Args& args, const MasterLibrary& masters, bool explain) {
  PricingOptions options;
  options.copay = !args.flag("--no-copay");
  options.explain = explain;
  if (auto revision = args.value("--revision")) options.revision = *revision;
  if (!options.revision.empty() && !masters.revision(options.revision)) {
    throw UsageError{"--revision " + options.revision + " is not among the loaded masters"};
  }
  if (auto mode = args.value("--mode")) {
    if (*mode == "automatic") options.mode = ClaimMode::automatic;
    else if (*mode == "as_claimed") options.mode = ClaimMode::as_claimed;
    else throw UsageError{"--mode " + *mode + " is not one of automatic, as_claimed"};
  }
  if (auto file = args.value("--local-programmes")) options.local_programmes = LocalProgrammes::load(*file);
  return options;
}

}  // namespace santei::cli
