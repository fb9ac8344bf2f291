// The claim's 公費 resolved against kouhi.xml: share, cap, rounding and meal rule of each.
#pragma once

#include <vector>

#include "copay/plan.hpp"

namespace santei::copay {

// Validates public_expenses[] (known 法別番号, priority order, the parameters each programme
// needs) and resolves them. `rate` is the insurance 負担割合: a programme's share rate never
// exceeds it. Throws claim_error naming public_expenses[i].field.
std::vector<Payer> resolve_payers(const Claim& claim, const ProgrammeTable& table, Decimal rate);

}  // namespace santei::copay
