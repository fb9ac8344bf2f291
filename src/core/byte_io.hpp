// Little-endian integers and length-prefixed byte strings in a byte string: the encoding of
// santei's binary files (docs/snapshot.md). Values are written byte by byte, never as the memory
// of a struct, so the files read the same on any machine. Every read is bounds-checked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace santei::bytes {

// Appends values to a byte string.
class Writer {
 public:
  void u8(std::uint8_t value) { out_.push_back(static_cast<char>(value)); }
  void u32(std::uint32_t value) { little_endian(value, 4); }
  void u64(std::uint64_t value) { little_endian(value, 8); }
  void i32(std::int32_t value) { u32(static_cast<std::uint32_t>(value)); }
  void i64(std::int64_t value) { u64(static_cast<std::uint64_t>(value)); }
  // The bytes as they are, no length.
  void raw(std::string_view bytes) { out_.append(bytes); }
  // A u32 length, then the bytes. Throws Status::limit_exceeded beyond 4 GiB.
  void text(std::string_view bytes);

  std::string& bytes() { return out_; }

 private:
  void little_endian(std::uint64_t value, int width) {
    for (int i = 0; i < width; ++i) out_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
  std::string out_;
};

// The unsigned little-endian integer of the `width` bytes at `at`.
inline std::uint64_t little_endian(const unsigned char* at, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) value |= std::uint64_t{at[i]} << (8 * i);
  return value;
}

// Reads values from a byte string in order. A read past the end throws santei::Exception
// (Status::parse_error) naming the file, the field being read and its byte offset.
class Reader {
 public:
  // `offset` is where `bytes` starts in the file (for messages).
  Reader(std::string_view bytes, std::string file, std::size_t offset = 0)
      : bytes_(bytes), file_(std::move(file)), base_(offset) {}

  std::uint8_t u8(std::string_view field) { return static_cast<std::uint8_t>(little_endian(field, 1)); }
  std::uint32_t u32(std::string_view field) { return static_cast<std::uint32_t>(little_endian(field, 4)); }
  std::uint64_t u64(std::string_view field) { return little_endian(field, 8); }
  std::int32_t i32(std::string_view field) { return static_cast<std::int32_t>(u32(field)); }
  std::int64_t i64(std::string_view field) { return static_cast<std::int64_t>(u64(field)); }
  // The next `size` bytes. Inline with the checks out of line: a snapshot is millions of reads.
  std::string_view raw(std::string_view field, std::size_t size) {
    if (size > remaining()) [[unlikely]] fail_truncated(field, size);
    const std::string_view out = bytes_.substr(at_, size);
    at_ += size;
    return out;
  }
  // A u32 length, then that many bytes (the length checked against the bytes that remain).
  std::string_view text(std::string_view field) { return raw(field, u32(field)); }
  // The next `size` bytes as a reader of their own, whose messages give offsets in the file.
  Reader section(std::string_view field, std::size_t size) {
    const std::size_t at = offset();
    return Reader(raw(field, size), file_, at);
  }
  // A u32 count of items that take at least `item_bytes` bytes each: checked against the bytes
  // that remain before the caller makes room for them.
  std::uint32_t count(std::string_view field, std::size_t item_bytes);

  // The bytes not read yet, left unread.
  std::string_view unread() const { return bytes_.substr(at_); }
  std::size_t offset() const { return base_ + at_; }
  std::size_t remaining() const { return bytes_.size() - at_; }
  const std::string& file() const { return file_; }
  // Throws Status::parse_error naming the file, `field` and the current offset.
  [[noreturn]] void fail(std::string_view field, std::string_view message) const;

 private:
  std::uint64_t little_endian(std::string_view field, std::size_t width) {
    return bytes::little_endian(reinterpret_cast<const unsigned char*>(raw(field, width).data()), width);
  }
  [[noreturn]] void fail_truncated(std::string_view field, std::size_t size) const;

  std::string_view bytes_;
  std::string file_;
  std::size_t base_ = 0;
  std::size_t at_ = 0;
};

}  // namespace santei::bytes
