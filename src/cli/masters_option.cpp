#include "cli/commands.hpp"

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

}  // namespace santei::cli
