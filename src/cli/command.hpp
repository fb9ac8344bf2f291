// A santei command: one file per command (src/cli/<name>_command.cpp) defines one `Command` at
// namespace scope; that registers it, and main.cpp builds the command line (CLI11) from every
// registered command. A command's setup adds its options to the CLI11 app it is given and returns
// what to run once the line has been parsed:
//
//   Runner setup(CLI::App& app) {
//     auto args = std::make_shared<KougakuArgs>();
//     app.description("What it does, in a few sentences.");
//     add_masters_option(app, args->masters);                   // shared options: options.hpp
//     app.add_option("--month", args->month, "the service month")->type_name("YYYY-MM")->required();
//     app.footer("Exit status: 0 ok, 1 …, 2 usage or master errors.");
//     return [args] { return kougaku(*args); };                 // runs it; returns the exit status
//   }
//   const Command kougaku_command{"kougaku", "one line for the list in `santei --help`", setup};
//
// A path of two words ("masters check") is a subcommand of the first; its parent is registered
// as a group (`CommandGroup`) or as a command of its own. Help, errors, exit statuses and the bash
// completion (`santei completion bash`) come from what setup declares, so nothing else is edited
// to add a command. A value's type_name tells the completion what to offer: …DIR a directory,
// FILE, INPUT or a name with a dot a file, words like json|text those words; anything else nothing.
// Errors: throw UsageError (exit 2) for a bad combination of options; santei::Exception from the
// library is exit 2 as well (a master error); a command returns kExitClaimErrors itself.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace santei::cli {

// Exit statuses of the contract (../shared/docs/claim-format.md §3).
inline constexpr int kExitOk = 0;
inline constexpr int kExitClaimErrors = 1;  // some claims had errors; the good ones were still written
inline constexpr int kExitUsage = 2;        // usage or master-loading errors, output not written

// A usage error found after parsing (a value out of range, options that do not go together):
// exit 2, one stderr line `santei CMD: message (see santei CMD --help)`.
struct UsageError {
  std::string message;
};

using Runner = std::function<int()>;
using Setup = std::function<Runner(CLI::App&)>;

struct Command {
  std::string path;     // "price", or "masters check" for a subcommand of `masters`
  std::string summary;  // one line in the parent's list of commands
  Setup setup;          // adds the options; returns what runs the command

  Command(std::string path, std::string summary, Setup setup);
};

// A command that only groups subcommands (`santei masters check|add|…`).
struct CommandGroup : Command {
  CommandGroup(std::string path, std::string summary) : Command(std::move(path), std::move(summary), nullptr) {}
};

// Every registered command, sorted by path (so parents come before their subcommands).
std::vector<const Command*> registered_commands();

// The command line of every registered command, with santei's help formatter; runners[app] is the
// runner of each command that has one.
struct CommandLine {
  CLI::App root{"", "santei"};
  std::map<const CLI::App*, Runner> runners;
};
void build_command_line(CommandLine& line);

// The full name of a (sub)command for messages: "santei price", "santei masters check".
std::string command_name(const CLI::App& app);

// `santei completion bash`: a bash completion script for the command line `root`.
std::string bash_completion(const CLI::App& root);

}  // namespace santei::cli
