#include "core/sha256.hpp"

#include <array>
#include <cstdint>

#include <nettle/sha2.h>

namespace santei::detail {

std::string sha256_hex(std::string_view bytes) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (const std::uint8_t byte : digest) {
    out += hex[byte >> 4];
    out += hex[byte & 0xF];
  }
  return out;
}

}  // namespace santei::detail
