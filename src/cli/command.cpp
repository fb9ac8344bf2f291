#include "cli/command.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "cli/help.hpp"

namespace santei::cli {
namespace {

// Function-local, so commands registered by other files' static initialisers find it constructed.
std::vector<const Command*>& registry() {
  static std::vector<const Command*> commands;
  return commands;
}

}  // namespace

Command::Command(std::string path_, std::string summary_, Setup setup_)
    : path(std::move(path_)), summary(std::move(summary_)), setup(std::move(setup_)) {
  registry().push_back(this);
}

std::vector<const Command*> registered_commands() {
  std::vector<const Command*> commands = registry();
  std::sort(commands.begin(), commands.end(), [](const Command* a, const Command* b) { return a->path < b->path; });
  return commands;
}

void build_command_line(CommandLine& line) {
  CLI::App& root = line.root;
  root.formatter(std::make_shared<HelpFormatter>());
  root.set_help_flag("-h,--help", "print this help and exit");
  root.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // the last one wins
  root.require_subcommand(0, 1);
  std::map<std::string, CLI::App*> apps{{"", &root}};
  for (const Command* command : registered_commands()) {
    const auto space = command->path.rfind(' ');
    const std::string parent_path = space == std::string::npos ? "" : command->path.substr(0, space);
    const std::string name = space == std::string::npos ? command->path : command->path.substr(space + 1);
    const auto parent = apps.find(parent_path);
    if (parent == apps.end()) throw std::logic_error("santei command '" + command->path + "' has no parent command");
    CLI::App* app = parent->second->add_subcommand(name, command->summary);
    app->require_subcommand(0, 1);
    apps[command->path] = app;
    if (command->setup) line.runners[app] = command->setup(*app);
  }
  // A group needs one of its subcommands.
  for (const auto& [path, app] : apps) {
    if (path.empty() || line.runners.count(app)) continue;
    app->require_subcommand(1, 1);
    app->footer("Run `santei " + path + " <command> --help` for a command's options.\n"
                "Exit status: that of the command; 2 without one.");
  }
}

std::string command_name(const CLI::App& app) {
  if (!app.get_parent()) return app.get_name();
  return command_name(*app.get_parent()) + " " + app.get_name();
}

}  // namespace santei::cli
