#include "serve/query.hpp"

#include <algorithm>

#include "core/control_bytes.hpp"
#include "core/cp932.hpp"

namespace santei::serve {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view raw, const std::string& what) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '+') {
      c = ' ';
    } else if (c == '%') {
      if (raw.size() - i < 3) throw TargetError{"a %-escape in the " + what + " is cut short"};
      const int high = hex_digit(raw[i + 1]);
      const int low = hex_digit(raw[i + 2]);
      if (high < 0 || low < 0) throw TargetError{"'" + std::string(raw.substr(i, 3)) + "' in the " + what + " is not a %-escape"};
      c = static_cast<char>(high * 16 + low);
      i += 2;
    }
    if (is_control(c)) throw TargetError{"the " + what + " holds a control character"};
    out += c;
  }
  if (cp932::find_invalid_utf8(out) != std::string_view::npos) throw TargetError{"the " + what + " is not UTF-8"};
  return out;
}

}  // namespace

Target parse_target(std::string_view target) {
  if (target.empty() || target[0] != '/') throw TargetError{"the request target must be a path starting with '/'"};
  Target out;
  const std::size_t question = target.find('?');
  out.path = std::string(target.substr(0, question));
  if (question == std::string_view::npos) return out;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2", a trailing '&'
    const std::size_t eq = pair.find('=');
    std::string name = decode(pair.substr(0, eq), "name of a query parameter");
    if (name.empty()) throw TargetError{"a query parameter has no name"};
    std::string value = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1), "query parameter " + name);
    if (std::any_of(out.query.begin(), out.query.end(), [&](const auto& p) { return p.first == name; })) {
      throw TargetError{"query parameter " + name + " is given twice"};
    }
    if (out.query.size() == kMaxQueryParameters) {
      throw TargetError{"more than " + std::to_string(kMaxQueryParameters) + " query parameters"};
    }
    out.query.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

}  // namespace santei::serve
