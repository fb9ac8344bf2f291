// Command-line arguments: `--name value`, `--flag`, and positionals, checked against what a
// command accepts so that a typo is a usage error (exit 2), not a silent default.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace santei::cli {

class Args {
 public:
  // `valued` options take a value; `flags` do not. Throws UsageError on anything else.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& valued, const std::set<std::string>& flags);

  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;  // repeated options, in order
  bool flag(const std::string& name) const { return flags_.count(name) != 0; }
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> order_;
  std::set<std::string> flags_;
  std::vector<std::string> positionals_;
};

struct UsageError {
  std::string message;
};

}  // namespace santei::cli
