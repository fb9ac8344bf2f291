// The explanation of a copayment: the rules and figures that made it, as text. Built only when
// asked (CopayOptions::explain), so the copay step itself stays cheap.
#pragma once

#include <string>
#include <vector>

#include "copay/plan.hpp"
#include "santei/copay.hpp"

namespace santei::copay {

std::vector<std::string> explain_copay(const Plan& plan, const Claim& claim);

}  // namespace santei::copay
