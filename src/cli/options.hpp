// Options several commands share, declared once so that they read and behave alike everywhere.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "santei/masters.hpp"
#include "santei/pricing.hpp"

namespace santei::cli {

// --masters DIR (repeatable): a revision directory or a directory of them. `required`: no default.
CLI::Option* add_masters_option(CLI::App& app, std::vector<std::string>& dirs, bool required = false);
// --dpc DIR (docs/dpc.md): MHLW's DPC電子点数表 workbooks; `use` ends the help text.
void add_dpc_option(CLI::App& app, std::string& dir, const char* use);
// The masters of --masters DIR…; none = the demo master built into santei.
MasterLibrary load_masters(const std::vector<std::string>& dirs);
// Keeps `kept` to the end of the process, never freed: a command that runs once and exits leaves
// its pages to the kernel rather than freeing a large structure piece by piece (r06's records took
// 7 ms at exit, a tenth of pricing one claim; a month's --uke report 3 % of its check). Reachable
// from a static: not a leak to LeakSanitizer. Not for the service, which reloads its masters.
void keep_until_exit(std::shared_ptr<const void> kept);
// The same for each of `library`'s revisions.
void keep_until_exit(const MasterLibrary& library);

// -j N: threads, 1–256; `default_text` says what is used without it.
CLI::Option* add_threads_option(CLI::App& app, unsigned& threads, const std::string& default_text);

// --format json|text: what a command writes; JSON (the default) is the same with or without it.
enum class Format : unsigned char { json, text };
CLI::Option* add_format_option(CLI::App& app, Format& format, const std::string& description);

// --revision ID, --no-copay, --mode M and --local-programmes FILE of the pricing commands.
struct PricingFlags {
  std::string revision;
  bool no_copay = false;
  std::string mode;              // automatic | as_claimed; empty: each claim's own
  std::string local_programmes;  // 地方単独 programme rows (docs/local-programmes.md)
  std::string dpc;               // a directory of DPC電子点数表 workbooks (docs/dpc.md)
};
void add_pricing_options(CLI::App& app, PricingFlags& flags);
// The pricing options they ask for (the revision checked against `masters`, the local programmes
// loaded); explanations as `explain`.
PricingOptions pricing_options(const PricingFlags& flags, const MasterLibrary& masters, bool explain);

}  // namespace santei::cli
