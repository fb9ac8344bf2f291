// Fuzz target: one master file's bytes read the way MasterSet::load reads them — CsvReader, the
// layout the first row's shape selects, RowDecoder, the code checks of a full file and the
// kind's history (read_master_bytes). Input: one selector byte, then the file's bytes. The
// selector's low six bits pick the master kind (modulo 12); its high bits how the file applies:
// 00 a full file, 10 a full file then again as an update of itself (変更区分 3/5/9/1 merges),
// 01 an update file alone (rows with an empty code, as SSK's update files have).
// 11 every row decoded as an update row, none applied (santei masters check of an update file).
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
  const std::string_view kind = kKinds[(data[0] & 0x3F) % kKinds.size()];
  const auto as = (data[0] & 0xC0) == 0xC0 ? santei::detail::ReadAs::rows
                  : (data[0] & 0x80)          ? santei::detail::ReadAs::full_then_update
                  : (data[0] & 0x40) ? santei::detail::ReadAs::update
                                     : santei::detail::ReadAs::full;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const std::int64_t rows = santei::detail::read_master_bytes(kind, bytes, "fuzz.csv", as).rows;
    santei::fuzz::require(rows > 0, "a file read without error has rows");
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
