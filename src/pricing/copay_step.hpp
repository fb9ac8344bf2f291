// The last step of price(): the copayment onto a claim's priced points. Its own entry for the UKE
// check, which keeps the points of a receipt whose copayment it cannot give (price_file.cpp).
#pragma once

#include <optional>

#include "santei/pricing.hpp"

namespace santei::pricing {

// out.copay for `claim`, whose points `out` holds (price() with options.copay off), and the
// diagnostics of 地方単独 公費 no local programme row fits. A rate the claim does not fix is
// returned (copay/compute.hpp), out.copay then left as it was; anything else throws
// santei::Exception as price() with options.copay on would. Either way `out` then holds those
// diagnostics beyond the points' own.
[[nodiscard]] std::optional<ErrorInfo> add_copay(const Claim& claim, PricedClaim& out, const PricingOptions& options);

}  // namespace santei::pricing
