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

std::string_view Reader::raw(std::string_view field, std::size_t size) {
  if (size > remaining()) {
    fail(field, fmt::format("truncated: {} bytes needed, {} remain", size, remaining()));
  }
  const std::string_view out = bytes_.substr(at_, size);
  at_ += size;
  return out;
}

std::uint32_t Reader::count(std::string_view field, std::size_t item_bytes) {
  const std::uint32_t n = u32(field);
  if (n > remaining() / item_bytes) {
    fail(field, fmt::format("truncated: {} items of at least {} bytes with {} bytes remaining", n, item_bytes,
                            remaining()));
  }
  return n;
}

std::uint64_t Reader::little_endian(std::string_view field, std::size_t width) {
  const std::string_view bytes = raw(field, width);
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  return value;
}

void Reader::fail(std::string_view field, std::string_view message) const {
  throw Exception(ErrorInfo{Status::parse_error, file_, 0, 0, std::string(field),
                            fmt::format("{} (at byte {})", message, offset())});
}

}  // namespace santei::bytes
