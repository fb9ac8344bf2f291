// Fuzz target: the zip reader (src/core/zip_archive.hpp) over any bytes — open, list, read every
// entry under a 1 MiB limit. What it reads never exceeds the limit, and an entry read whole holds
// exactly the bytes its header claims.
#include <string>
#include <string_view>

#include "core/zip_archive.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::uint64_t kLimit = 1 << 20;
  try {
    const santei::zip::Archive archive =
        santei::zip::Archive::from_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.zip");
    for (const santei::zip::Entry& entry : archive.entries()) {
      try {
        const std::string bytes = archive.read(entry, kLimit);
        santei::fuzz::require(bytes.size() <= kLimit, "an entry read is within the limit");
        santei::fuzz::require(bytes.size() == entry.size, "an entry read holds the size its header claims");
      } catch (const santei::Exception& e) {
        santei::fuzz::expected(e);
      }
    }
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
