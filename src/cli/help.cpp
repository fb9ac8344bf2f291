#include "cli/help.hpp"

#include <sstream>

#include "cli/command.hpp"

namespace santei::cli {
namespace {

constexpr std::size_t kMaxLeftColumn = 24;

// Two-column rows; later lines of a description are indented to its column.
void write_rows(std::ostringstream& out, const std::vector<std::pair<std::string, std::string>>& rows) {
  std::size_t width = 0;
  for (const auto& [left, right] : rows) width = std::max(width, std::min(left.size(), kMaxLeftColumn));
  for (const auto& [left, right] : rows) {
    out << "  " << left;
    if (right.empty()) {
      out << '\n';
      continue;
    }
    if (left.size() > width) out << '\n' << std::string(width + 2, ' ');
    else out << std::string(width - left.size(), ' ');
    std::size_t start = 0;
    while (start <= right.size()) {
      const std::size_t end = std::min(right.find('\n', start), right.size());
      if (start > 0) out << std::string(width + 2, ' ');
      out << "  " << right.substr(start, end - start) << '\n';
      start = end + 1;
    }
  }
}

std::vector<const CLI::App*> subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_name().empty(); });
}

// The one line a command registered for its parent's list (its description may be longer).
std::string summary(const CLI::App& app) {
  const std::string name = command_name(app);
  for (const Command* command : registered_commands()) {
    if ("santei " + command->path == name) return command->summary;
  }
  return app.get_description();
}

}  // namespace

std::string option_synopsis(const CLI::Option& option) {
  std::string names;
  for (const std::string& s : option.get_snames()) names += (names.empty() ? "-" : ", -") + s;
  for (const std::string& l : option.get_lnames()) names += (names.empty() ? "--" : ", --") + l;
  if (option.get_type_size() != 0 && !option.get_type_name().empty()) names += " " + option.get_type_name();
  return names;
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const {
  std::ostringstream out;
  const auto positionals = app->get_options([](const CLI::Option* o) { return o->get_positional(); });
  const auto options = app->get_options([](const CLI::Option* o) { return o->nonpositional(); });
  const auto commands = subcommands(*app);

  // usage: the required options spelled out, the rest as [options].
  out << "usage: " << command_name(*app);
  if (!commands.empty()) {
    const bool needed = app->get_require_subcommand_min() > 0 || !app->get_parent();  // santei alone: help
    out << (needed ? " <command>" : " [<command>]");
  }
  for (const CLI::Option* o : options) {
    if (o->get_required()) out << ' ' << option_synopsis(*o);
  }
  if (!options.empty()) out << " [options]";
  for (const CLI::Option* o : positionals) {
    const std::string name = o->get_name(true, false);
    out << ' ' << (o->get_required() ? name : "[" + name + "]");
  }
  out << '\n';

  if (!app->get_description().empty()) out << '\n' << app->get_description() << '\n';
  if (!positionals.empty()) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const CLI::Option* o : positionals) rows.emplace_back(o->get_name(true, false), o->get_description());
    out << "\narguments:\n";
    write_rows(out, rows);
  }
  if (!commands.empty()) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const CLI::App* sub : commands) rows.emplace_back(sub->get_name(), summary(*sub));
    out << "\ncommands:\n";
    write_rows(out, rows);
  }
  if (!options.empty()) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const CLI::Option* o : options) rows.emplace_back(option_synopsis(*o), o->get_description());
    out << "\noptions:\n";
    write_rows(out, rows);
  }
  if (!app->get_footer().empty()) out << '\n' << app->get_footer() << '\n';
  return out.str();
}

}  // namespace santei::cli
