#include "cli/args.hpp"

namespace santei::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& valued,
           const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      std::string name = arg;
      std::optional<std::string> inline_value;
      if (const auto eq = arg.find('='); eq != std::string::npos) {
        name = arg.substr(0, eq);
        inline_value = arg.substr(eq + 1);
      }
      if (valued.count(name)) {
        if (!inline_value) {
          if (i + 1 >= argv.size()) throw UsageError{name + " needs a value"};
          inline_value = argv[++i];
        }
        values_.emplace(name, *inline_value);
        order_.push_back(name);
      } else if (flags.count(name) && !inline_value) {
        flags_.insert(name);
      } else {
        throw UsageError{"unknown option " + arg};
      }
    } else {
      positionals_.push_back(arg);
    }
  }
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto range = values_.equal_range(name);
  if (range.first == range.second) return std::nullopt;
  return std::prev(range.second)->second;  // the last one wins
}

std::vector<std::string> Args::values(const std::string& name) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

}  // namespace santei::cli
