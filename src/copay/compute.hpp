// The copayment of a priced claim, a rate the claim does not fix returned rather than thrown: the
// UKE check meets it in two receipts of five of a clinic's month (a UKE file states no 負担割合),
// and the throw and its unwinding were a fifth of the pricing thread's instructions there.
#pragma once

#include <optional>

#include "santei/copay.hpp"
#include "santei/result.hpp"

namespace santei::copay {

// compute_copay(claim, priced, options, into), but for a 70–74 or 後期高齢者 patient with neither
// insurance.rate nor an income bracket: the claim_error compute_copay throws for it, returned
// (`into` then holds no meaningful figures). Other inputs the rules cannot price throw as there.
std::optional<ErrorInfo> compute(const Claim& claim, const PricedClaim& priced, const CopayOptions& options,
                                 CopayResult& into);

}  // namespace santei::copay
