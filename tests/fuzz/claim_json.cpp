// Fuzz target: santei.claim/1 JSON through parse_claim (the JSON tree with exact numbers, the key
// table, every field reader, the limits of claim.hpp).
#include <string_view>

#include "fuzz.hpp"
#include "santei/claim.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const santei::Claim claim = santei::parse_claim(std::string_view(reinterpret_cast<const char*>(data), size));
    // Only an inpatient claim whose admission names its 入院料 (fee-rules E19) or its DPC 診断群分類
    // may have no visits.
    const bool priced_from_admission = claim.setting == santei::Setting::inpatient && claim.admission &&
                                       (!claim.admission->fees.empty() || claim.admission->dpc);
    santei::fuzz::require(!claim.visits.empty() || priced_from_admission,
                          "a parsed claim has visits, or is inpatient with its 入院料 or DPC code in admission");
    santei::fuzz::accept();
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
