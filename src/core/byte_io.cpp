#include "core/byte_io.hpp"

#include <limits>

#include <fmt/format.h>

#include "santei/result.hpp"

namespace santei::bytes {

void Writer::text(std::string_view bytes) {
  if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw Exception(ErrorInfo{Status::limit_exceeded, {}, 0, 0, {},
                              fmt::format("a string of {} bytes is over the 4 GiB of a u32 length", bytes.size())});
  }
  u32(static_cast<std::uint32_t>(bytes.size()));
  raw(bytes);
}

void Reader::fail_truncated(std::string_view field, std::size_t size) const {
  fail(field, fmt::format("truncated: {} bytes needed, {} remain", size, remaining()));
}

std::uint32_t Reader::count(std::string_view field, std::size_t item_bytes) {
  const std::uint32_t n = u32(field);
  if (n > remaining() / item_bytes) {
    fail(field, fmt::format("truncated: {} items of at least {} bytes with {} bytes remaining", n, item_bytes,
                            remaining()));
  }
  return n;
}

void Reader::fail(std::string_view field, std::string_view message) const {
  throw Exception(ErrorInfo{Status::parse_error, file_, 0, 0, std::string(field),
                            fmt::format("{} (at byte {})", message, offset())});
}

}  // namespace santei::bytes
