// Fuzz target: santei.claim/1 JSON through parse_claim (the JSON tree with exact numbers, the key
// table, every field reader, the limits of claim.hpp); and the JSON tree's two ways of reading
// (json::Parser), which must give the same tree or the same error.
#include <string>
#include <string_view>

#include "claim/json_tree.hpp"
#include "fuzz.hpp"
#include "santei/claim.hpp"

namespace {

// The tree as compact JSON, or the error as santei reports it.
std::string read(std::string_view text, santei::json::Parser way) {
  try {
    santei::json::Document document;
    santei::json::parse(text, "<claim>", santei::kMaxJsonDepth, document, way);
    return santei::json::to_json(document.root());
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
    return "error: " + e.info().to_string();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size <= santei::kMaxClaimBytes) {
    santei::fuzz::require(read(text, santei::json::Parser::fast) == read(text, santei::json::Parser::exact),
                          "the fast and the exact way of reading JSON give the same tree or the same error");
  }
  try {
    const santei::Claim claim = santei::parse_claim(text);
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
