// santei_masters: building a master set from directories or the demo master, then sharing it.
#include <filesystem>

#include <fmt/format.h>

#include "capi/handles.hpp"

namespace santei::capi {
namespace {

// The set still being built; refuses once a context or a lookup has shared it.
MasterLibrary& building(santei_masters* masters) {
  santei_masters& m = checked(masters, Tag::masters, "masters", "santei_masters");
  if (m.frozen.load(std::memory_order_acquire)) {
    invalid_argument("masters", "is already shared by a context or a lookup and can no longer change: load every "
                                "revision before creating contexts");
  }
  return *m.library;
}

// Adds every revision of `loaded` to the set, all or none.
void add_all(santei_masters* masters, const MasterLibrary& loaded) {
  MasterLibrary& library = building(masters);
  MasterLibrary merged = library;
  for (const auto& set : loaded.sets()) merged.add(set);
  library = std::move(merged);
}

}  // namespace
}  // namespace santei::capi

using namespace santei::capi;

extern "C" {

SANTEI_C_API int santei_masters_new(santei_masters** out) {
  return firewall([&] {
    // The out parameter first: in `out_param(…) = new …` the right side runs first (C++17), and a
    // NULL `out` then leaked the new handle (found by LeakSanitizer, tests/capi/abuse_test.cpp).
    santei_masters*& slot = out_param(out, "out");
    slot = new santei_masters();
  });
}

SANTEI_C_API void santei_masters_free(santei_masters* masters) {
  free_handle(masters, Tag::masters, "masters", "santei_masters");
}

SANTEI_C_API int santei_masters_load(santei_masters* masters, const char* path) {
  return firewall([&] {
    building(masters);
    const std::string_view utf8 = c_string(path, "path", kMaxPathBytes);
    if (utf8.empty()) invalid_argument("path", "is empty");
    // char8_t: the path is UTF-8 on every platform (Windows converts it to UTF-16).
    const std::filesystem::path directory(std::u8string(utf8.begin(), utf8.end()));
    add_all(masters, santei::MasterLibrary::load(directory));
  });
}

SANTEI_C_API int santei_masters_load_demo(santei_masters* masters) {
  return firewall([&] {
    building(masters);
    add_all(masters, santei::MasterLibrary::demo());
  });
}

SANTEI_C_API int santei_masters_revision_count(size_t* out, const santei_masters* masters) {
  return firewall([&] {
    const santei_masters& m = checked(masters, Tag::masters, "masters", "santei_masters");
    out_param(out, "out") = m.library->sets().size();
  });
}

SANTEI_C_API int santei_masters_revision(const char** out, const santei_masters* masters, size_t index) {
  return firewall([&] {
    const santei_masters& m = checked(masters, Tag::masters, "masters", "santei_masters");
    const char*& revision = out_param(out, "out");
    const auto& sets = m.library->sets();
    if (index >= sets.size()) {
      invalid_argument("index", fmt::format("{} is out of range: {} revisions are loaded", index, sets.size()));
    }
    revision = sets[index]->revision().c_str();
  });
}

}  // extern "C"
