// Matching a read receipt's units with santei's priced lines, and saying why they differ.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "santei/uke.hpp"

namespace santei::uke {

// A (unit, day) that was taken out of the claim before pricing, and the error that made it.
struct Excluded {
  std::size_t unit = 0;
  unsigned day = 0;
  ErrorInfo error;
};

// Codes as the reports print them: nine digits each, space-separated.
std::string codes_text(const std::vector<Code>& codes);

UkeReceiptComparison compare(const UkeReceipt& receipt, const PricedClaim& priced, const MasterSet& masters,
                             std::span<const Excluded> excluded);

// A DPC receipt's code, 入院期間 days and points and its GT 包括評価点数 against santei's (nullopt for
// a 医科 receipt).
std::optional<UkeDpcComparison> compare_dpc(const UkeReceipt& receipt, const PricedClaim& priced);

}  // namespace santei::uke
