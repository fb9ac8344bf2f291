// Fuzz target: one master file's bytes read the way MasterSet::load reads them — CsvReader, the
// layout the first row's shape selects, RowDecoder, the code checks of a full file and the
// kind's history (read_master_bytes). Input: one selector byte, then the file's bytes. The
// selector's low bits pick the master kind; its high bit applies the rows again as an update
// file (変更区分 3/5/9/1 merges).
#include <array>
#include <string_view>

#include "fuzz.hpp"
#include "masters/master_data.hpp"

namespace {

constexpr std::array<std::string_view, 12> kKinds = {"s",   "y",      "t",         "c",         "b",     "z",
                                                     "aux", "bundle", "exclusion", "inpatient", "count", "ck"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view kind = kKinds[(data[0] & 0x7F) % kKinds.size()];
  const bool twice = (data[0] & 0x80) != 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const std::int64_t rows = santei::detail::read_master_bytes(kind, bytes, "fuzz.csv", twice);
    santei::fuzz::require(rows > 0, "a file read without error has rows");
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
