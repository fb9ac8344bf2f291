// The explanation of a copayment: the rules and figures that made it, as text. Built only when
// asked (CopayOptions::explain), so the copay step itself stays cheap.
#pragma once

#include <string>
#include <vector>

#include "copay/plan.hpp"
#include "santei/copay.hpp"

namespace santei::copay {

// Into `out`, whose strings (a reused result's) keep their room: nothing is allocated once they
// have grown to a claim's steps.
void explain_copay(const Plan& plan, const Claim& claim, std::vector<std::string>& out);

}  // namespace santei::copay
