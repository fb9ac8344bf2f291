// Fuzz target: santei.claim/1 JSON through parse_claim (the JSON tree with exact numbers, every
// field reader, the limits of claim.hpp).
#include <string_view>

#include "fuzz.hpp"
#include "santei/claim.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const santei::Claim claim = santei::parse_claim(std::string_view(reinterpret_cast<const char*>(data), size));
    santei::fuzz::require(!claim.visits.empty(), "a parsed claim has visits");
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
