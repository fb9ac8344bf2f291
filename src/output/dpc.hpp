// A priced DPC month in santei.result/1 ("dpc") and as explanation text.
#pragma once

#include <string>
#include <vector>

#include "output/json_writer.hpp"
#include "santei/dpc.hpp"

namespace santei::output {

// Each step: the code's 入院期間 and points, this month's days, days × points per period, the
// coefficient and the rounding.
std::vector<std::string> dpc_explain(const PricedDpc& dpc);

void write_dpc_json(JsonWriter& json, const PricedDpc& dpc);

}  // namespace santei::output
