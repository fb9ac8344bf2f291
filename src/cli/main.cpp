// santei — price claims, look up codes, compare fee revisions. A client of the public API only.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "santei/config.h"
#include "santei/result.hpp"

namespace {

constexpr const char* kHelp = R"(usage: santei <command> [options]

commands:
  price    price claims (santei.claim/1 JSON or JSON Lines) into santei.result/1
  lookup   show a code's master record and rule-graph edges on a date
  generate write synthetic santei.claim/1 JSON Lines from the real masters
  regress  price the same claims under two revisions and report the differences
  serve    serve pricing, UKE checks and lookups over HTTP (docs/serve.md)
  version  print the santei version

Run `santei <command> --help` for a command's options. Masters default to the demo master built
into santei; pass --masters ../shared/masters (or a revision directory) for the real SSK masters.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace santei::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kHelp, args.empty() ? stderr : stdout);
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "lookup") return lookup_command(args);
    if (command == "price") return price_command(args);
    if (command == "generate") return generate_command(args);
    if (command == "regress") return regress_command(args);
    if (command == "serve") return serve_command(args);
    if (command == "version" || command == "--version") {
      std::printf("santei %s\n", SANTEI_VERSION_STRING);
      return kExitOk;
    }
    throw UsageError{"unknown command '" + command + "' (try santei --help)"};
  } catch (const UsageError& e) {
    const bool known = command == "price" || command == "lookup";  // an unknown command says so itself
    std::fprintf(stderr, "santei %s: %s%s\n", command.c_str(), e.message.c_str(),
                 known ? (" (see santei " + command + " --help)").c_str() : "");
    return kExitUsage;
  } catch (const santei::Exception& e) {
    std::fprintf(stderr, "santei %s: %s\n", command.c_str(), e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "santei %s: internal error: %s\n", command.c_str(), e.what());
    return kExitUsage;
  }
}
