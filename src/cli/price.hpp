// santei price's options, shared by its two inputs: claims (price_command.cpp) and a UKE file
// (price_uke.cpp).
#pragma once

#include <string>
#include <vector>

#include "cli/options.hpp"

namespace santei::cli {

struct PriceArgs {
  std::vector<std::string> masters;
  PricingFlags pricing;
  unsigned threads = 1;
  bool no_explain = false;
  Format format = Format::json;
  std::string claims;  // CLAIM.json or - (standard input)
  std::string uke;     // --uke FILE
  std::string html;    // --html FILE (with --uke)
};

// santei price --uke FILE: every receipt of a UKE file priced and compared with what it states.
int price_uke_file(const PriceArgs& args);

}  // namespace santei::cli
