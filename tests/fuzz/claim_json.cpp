// Fuzz target: santei.claim/1 JSON through parse_claim (the JSON tree with exact numbers, the key
// table, every field reader, the limits of claim.hpp); and the JSON tree's two ways of reading
// (json::Parser) and a text kept padded (json::PaddedText, santei price's and regress's batches)
// or read where it lies in bytes that go on after it (a C ABI caller's JSON Lines), which must
// give the same tree or the same error.
#include <string>
#include <string_view>

#include "claim/json_tree.hpp"
#include "fuzz.hpp"
#include "santei/claim.hpp"

namespace {

// The tree as compact JSON, or the error as santei reports it.
// A null `way`: the text kept padded, or viewed where it lies in `whole` (non-empty).
std::string read(std::string_view text, const santei::json::Parser* way, std::string_view whole = {}) {
  try {
    santei::json::Document document;
    if (way) {
      santei::json::parse(text, "<claim>", santei::kMaxJsonDepth, document, *way);
    } else {
      santei::json::PaddedText padded;
      if (whole.empty()) {
        padded.assign(text);
      } else {
        padded.assign(text, whole);
      }
      santei::json::parse(padded, "<claim>", santei::kMaxJsonDepth, document);
    }
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
    constexpr santei::json::Parser fast = santei::json::Parser::fast;
    constexpr santei::json::Parser exact = santei::json::Parser::exact;
    const std::string exactly = read(text, &exact);
    santei::fuzz::require(read(text, &fast) == exactly,
                          "the fast and the exact way of reading JSON give the same tree or the same error");
    santei::fuzz::require(read(text, nullptr) == exactly, "a text kept padded reads as its plain view");
    // What follows a line in a caller's bytes: the next claim's first bytes, here quotes and digits.
    const std::string whole = std::string(text) + "\n\"9" + std::string(santei::json::PaddedText::kPadding, '9');
    santei::fuzz::require(read(std::string_view(whole).substr(0, size), nullptr, whole) == exactly,
                          "a text read where it lies reads as its plain view");
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
