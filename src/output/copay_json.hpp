// The `copay` object of santei.result/1 (claim-format.md §2).
#pragma once

#include "output/json_writer.hpp"
#include "santei/copay.hpp"

namespace santei::output {

// Writes the `copay` value (an object; the caller writes the key). Amounts are whole yen, the
// rate an exact decimal string.
void write_copay_json(JsonWriter& out, const CopayResult& copay);

}  // namespace santei::output
