// Fuzz target: read_uke, which takes any bytes and never throws for their content. Every receipt
// it skips must come with an error: receipts returned ≤ RE records seen, and equal when there is
// no error. Read again with each receipt handed on as it is read (what price --uke does), the file
// must give the same receipts, in the same order, and the same errors and findings.
#include <string_view>
#include <vector>

#include "fuzz.hpp"
#include "santei/uke.hpp"
#include "uke/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const santei::UkeFile file = santei::read_uke(bytes, "fuzz.uke");
  const auto seen = static_cast<std::size_t>(file.receipts_seen);
  santei::fuzz::require(file.receipts.size() <= seen, "no more receipts than RE records");
  santei::fuzz::require(!file.errors.empty() || file.receipts.size() == seen, "a skipped receipt has an error");

  std::vector<std::int64_t> lines;
  const santei::UkeFile streamed =
      santei::uke::read_uke(bytes, "fuzz.uke", {}, [&](santei::UkeReceipt&& r) { lines.push_back(r.line); });
  santei::fuzz::require(streamed.receipts.empty(), "handed-on receipts are not kept");
  santei::fuzz::require(lines.size() == file.receipts.size(), "every receipt handed on");
  for (std::size_t i = 0; i < lines.size() && i < file.receipts.size(); ++i) {
    santei::fuzz::require(lines[i] == file.receipts[i].line, "handed on in file order");
  }
  santei::fuzz::require(streamed.errors.size() == file.errors.size() && streamed.findings.size() == file.findings.size(),
                        "the same errors and findings");
  if (!file.receipts.empty()) santei::fuzz::accept();
  return 0;
}
