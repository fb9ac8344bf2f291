// santei.result/1 of a priced claim into a caller's buffer (result_json in santei/pricing.hpp
// returns a new string): price_stream's answers keep their memory from batch to batch.
#pragma once

#include <string>

#include "santei/pricing.hpp"

namespace santei::output {

// Overwrites `out` with result_json(priced, masters), reusing its capacity.
void write_result_json(const PricedClaim& priced, const MasterLibrary& masters, std::string& out);

}  // namespace santei::output
