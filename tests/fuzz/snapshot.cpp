// Fuzz target: the snapshot reader (src/masters/snapshot.hpp) over any bytes. The input's checksum
// is recomputed first (reseal_snapshot), so that a mutation reaches the reader behind it instead of
// stopping at the checksum; every length and count the reader meets is then the fuzzer's. A set it
// reads is indexed: each procedure is found again among the versions of its code.
#include <string>

#include "fuzz.hpp"
#include "masters/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  santei::detail::reseal_snapshot(bytes);
  try {
    const auto set = santei::detail::read_snapshot(bytes, "fuzz.snapshot");
    santei::fuzz::accept();
    for (const santei::ProcedureRecord& record : set->all_procedures()) {
      bool found = false;
      for (const santei::ProcedureRecord& version : set->procedure_versions(record.code)) found |= &version == &record;
      santei::fuzz::require(found, "a procedure is among the versions of its code");
    }
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
