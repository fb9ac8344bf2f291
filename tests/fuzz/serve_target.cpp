// Fuzz target: the request target of `santei serve` (src/serve/query.hpp) over any bytes — a path
// and its query parameters, percent-decoded. A target is either refused with a TargetError or
// split into a path starting with '/' and at most kMaxQueryParameters named, distinct parameters
// whose names and values hold no control byte.
#include <algorithm>
#include <string>
#include <string_view>

#include "fuzz.hpp"
#include "serve/query.hpp"

namespace {

bool has_control(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const santei::serve::Target target =
        santei::serve::parse_target(std::string_view(reinterpret_cast<const char*>(data), size));
    santei::fuzz::require(!target.path.empty() && target.path[0] == '/', "a parsed target's path starts with '/'");
    santei::fuzz::require(target.query.size() <= santei::serve::kMaxQueryParameters, "at most kMaxQueryParameters");
    for (std::size_t i = 0; i < target.query.size(); ++i) {
      const auto& [name, value] = target.query[i];
      santei::fuzz::require(!name.empty(), "every parameter has a name");
      santei::fuzz::require(!has_control(name) && !has_control(value), "no control byte in a name or value");
      for (std::size_t j = 0; j < i; ++j) santei::fuzz::require(target.query[j].first != name, "each name once");
    }
    santei::fuzz::accept();
  } catch (const santei::serve::TargetError&) {
    // the expected answer to a bad target: the service turns it into a 400
  }
  return 0;
}
