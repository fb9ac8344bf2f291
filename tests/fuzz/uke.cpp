// Fuzz target: read_uke, which takes any bytes and never throws for their content. Every receipt
// it skips must come with an error: receipts returned ≤ RE records seen, and equal when there is
// no error.
#include <string_view>

#include "fuzz.hpp"
#include "santei/uke.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const santei::UkeFile file = santei::read_uke(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.uke");
  const auto seen = static_cast<std::size_t>(file.receipts_seen);
  santei::fuzz::require(file.receipts.size() <= seen, "no more receipts than RE records");
  santei::fuzz::require(!file.errors.empty() || file.receipts.size() == seen, "a skipped receipt has an error");
  if (!file.receipts.empty()) santei::fuzz::accept();
  return 0;
}
