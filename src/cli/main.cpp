// santei — price claims, look up codes, compare fee revisions. A client of the public API only.
// The commands register themselves (cli/command.hpp); this parses the line with CLI11, runs the
// command and turns every failure into one stderr line and the exit status of the contract.
#include <cerrno>
#include <cstdio>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/gather_writer.hpp"
#include "core/mapped_file.hpp"
#include "santei/config.h"
#include "santei/result.hpp"

namespace {

using namespace santei::cli;

// The command being parsed: the deepest subcommand on the line so far.
const CLI::App* selected(const CLI::App& root) {
  const CLI::App* app = &root;
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  return app;
}

// CLI11's messages, in santei's words where they matter: an unknown option is refused by name,
// before anything else is said about the line (CLI11 checks required options first).
std::string usage_message(const CLI::ParseError& e, const CLI::App& app) {
  const std::vector<std::string> extras = app.remaining();
  for (const std::string& arg : extras) {
    if (arg.size() > 1 && arg[0] == '-') return "unknown option " + arg;
  }
  if (!extras.empty()) {
    const bool has_commands = !app.get_subcommands({}).empty();
    return (has_commands ? "unknown command '" : "unexpected argument '") + extras.front() + "'";
  }
  static const std::regex missing("(\\S+): \\d+ required (.+) missing");
  static const std::regex unconvertible("Could not convert: (\\S+) = (.*)");
  const std::string what = e.what();
  std::smatch m;
  if (std::regex_match(what, m, missing)) return m[1].str() + " needs a value (" + m[2].str() + ")";
  if (std::regex_match(what, m, unconvertible)) return m[1].str() + " cannot take '" + m[2].str() + "'";
  return what;
}

}  // namespace

int main(int argc, char** argv) {
  // Claims, UKE files and snapshots are read mapped: one cut short by another program as it is read
  // is an I/O error named by its file, not a "Bus error".
  santei::MappedFile::exit_on_truncation(kExitUsage);
  CommandLine line;
  build_command_line(line);
  CLI::App& root = line.root;
  root.description("santei prices Japanese medical claims (医科 レセプト) on the national fee-schedule masters.");
  bool version = false;
  root.add_flag("--version", version, "print the santei version and exit");
  root.footer(
      "Run `santei <command> --help` for a command's options. Masters default to the demo master built\n"
      "into santei; pass --masters ../shared/masters (or a revision directory) for the real SSK masters.\n"
      "Exit status: 0 ok, 1 claim errors (the good claims are still written), 2 usage or master errors, or output\n"
      "that could not be written (a full disk).");

  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "help") {  // `santei help [COMMAND]` = `santei [COMMAND] --help`
    args.erase(args.begin());
    args.push_back("--help");
  }
  const CLI::App* app = &root;
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    root.parse(reversed);
    app = selected(root);
    // What was written to standard output must have left: a full disk is an error, not an exit 0.
    const auto written = [](int status) {
      std::cout.flush();
      if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout) write_failed("<stdout>", errno);
      return status;
    };
    if (app == &root) {
      if (version) {
        std::printf("santei %s\n", SANTEI_VERSION_STRING);
        return written(kExitOk);
      }
      std::fputs(root.help().c_str(), stderr);  // no command: usage on stderr, exit 2
      return kExitUsage;
    }
    return written(line.runners.at(app)());
  } catch (const CLI::CallForHelp&) {
    std::fputs(root.help().c_str(), stdout);  // the help of the command asked about
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    app = selected(root);
    const std::string name = command_name(*app);
    std::fprintf(stderr, "%s: %s (see %s --help)\n", name.c_str(), usage_message(e, *app).c_str(), name.c_str());
    return kExitUsage;
  } catch (const UsageError& e) {
    const std::string name = command_name(*app);
    std::fprintf(stderr, "%s: %s (see %s --help)\n", name.c_str(), e.message.c_str(), name.c_str());
    return kExitUsage;
  } catch (const santei::Exception& e) {
    std::fprintf(stderr, "%s: %s\n", command_name(*app).c_str(), e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: internal error: %s\n", command_name(*app).c_str(), e.what());
    return kExitUsage;
  }
}
