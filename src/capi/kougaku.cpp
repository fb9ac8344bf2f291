// santei_kougaku: the insurer's 高額療養費 of a household month through the C ABI.
#include "capi/handles.hpp"
#include "santei/kougaku.hpp"

using namespace santei::capi;

extern "C" {

SANTEI_C_API int santei_kougaku(santei_buf* out, const santei_masters* masters, const char* household_json, size_t length,
                                const char* base_dir) {
  return firewall([&] {
    santei_buf& buf = out_param(out, "out");
    const santei::MasterLibrary* library = nullptr;
    if (masters != nullptr) {
      const santei_masters& m = checked(masters, Tag::masters, "masters", "santei_masters");
      m.frozen.store(true, std::memory_order_release);
      library = m.library.get();
    }
    if (household_json == nullptr) invalid_argument("household_json", "is NULL");
    if (length > santei::kMaxClaimBytes) invalid_argument("length", "is over the 16 MiB a household file may have");
    const std::string base = base_dir == nullptr ? std::string() : std::string(c_string(base_dir, "base_dir", 4096));
    fill(buf, santei::kougaku_answer(std::string_view(household_json, length), santei::KougakuSource{"<kougaku>", base, library}));
  });
}

}  // extern "C"
