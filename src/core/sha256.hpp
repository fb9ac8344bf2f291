// SHA-256 of bytes (nettle), for checking a download against the sha256 its publisher recorded.
#pragma once

#include <string>
#include <string_view>

namespace santei::detail {

// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace santei::detail
