// santei_lookup: a code's master records as JSON.
#include <charconv>

#include "capi/handles.hpp"
#include "santei/lookup.hpp"

namespace santei::capi {
namespace {

Code parse_code(std::string_view text) {
  Code code = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (text.empty() || text.size() > 9 || ec != std::errc() || end != text.data() + text.size()) {
    invalid_argument("code", "must be 1 to 9 ASCII digits");
  }
  return code;
}

}  // namespace
}  // namespace santei::capi

using namespace santei::capi;

extern "C" {

SANTEI_C_API int santei_lookup(santei_buf* out, const santei_masters* masters, const char* code, const char* date) {
  return firewall([&] {
    santei_buf& buf = out_param(out, "out");
    const santei_masters& m = checked(masters, Tag::masters, "masters", "santei_masters");
    const santei::Code number = parse_code(c_string(code, "code", 16));
    std::optional<santei::Date> on;
    if (date != nullptr) {
      on = santei::Date::parse_iso(c_string(date, "date", 16));
      if (!on) invalid_argument("date", "must be YYYY-MM-DD and a real day");
    }
    m.frozen.store(true, std::memory_order_release);
    fill(buf, santei::lookup_json(*m.library, number, on));
  });
}

}  // extern "C"
