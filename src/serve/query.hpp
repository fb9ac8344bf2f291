// The request target of `santei serve`: its path and its query parameters, percent-decoded.
// Outside input: every byte is checked (tests/fuzz/serve_target.cpp).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace santei::serve {

// At most this many parameters; a target is already bounded by the header limit.
inline constexpr std::size_t kMaxQueryParameters = 32;

struct Target {
  std::string path;  // as sent, without the query ("/v1/codes/111000110")
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order, each name once
};

// Why a target was refused: one sentence naming the parameter.
struct TargetError {
  std::string message;
};

// Splits an origin-form target ("/v1/price?explain=false&revision=r04"). `+` is a space, %XX a
// byte; a name given twice, an empty name, a bad %-escape, a decoded control byte or bytes that are
// not UTF-8 are refused (TargetError), as is a path that does not start with '/'.
Target parse_target(std::string_view target);

}  // namespace santei::serve
