// The santei commands. Each returns the process exit status of the contract
// (../shared/docs/claim-format.md §3): 0 ok, 1 claim errors (good claims still written),
// 2 usage or master-loading errors.
#pragma once

#include <string>
#include <vector>

#include "cli/args.hpp"
#include "santei/masters.hpp"
#include "santei/pricing.hpp"

namespace santei::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitClaimErrors = 1;
inline constexpr int kExitUsage = 2;

int lookup_command(const std::vector<std::string>& argv);
int price_command(const std::vector<std::string>& argv);
int generate_command(const std::vector<std::string>& argv);
int regress_command(const std::vector<std::string>& argv);
int serve_command(const std::vector<std::string>& argv);
// santei price --uke FILE (src/cli/price_uke.cpp).
int price_uke_command(const Args& args);

// --masters DIR (repeatable; a revision directory or a directory of them); none = the demo master.
MasterLibrary load_masters(const Args& args);

// -j N (1–256); `fallback` when absent.
unsigned thread_count(const Args& args, unsigned fallback);

// --revision ID (checked against `masters`), --no-copay; explanations as `explain` says.
PricingOptions pricing_options(const Args& args, const MasterLibrary& masters, bool explain);

}  // namespace santei::cli
