// Zip archives made at test time with libzip's writer (no binary fixtures in the repository): the
// tests of the zip reader and of the xlsx reader built on it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <zip.h>

namespace santei::test {

struct ZipMember {
  std::string name;
  std::string bytes;
  bool stored = false;  // true: no compression; false: deflate
};

// The bytes of a zip archive holding `members` in order, written through `scratch` (a file path).
inline std::string make_zip(const std::vector<ZipMember>& members, const std::filesystem::path& scratch) {
  std::filesystem::remove(scratch);
  int code = 0;
  zip_t* archive = zip_open(scratch.c_str(), ZIP_CREATE | ZIP_EXCL, &code);
  REQUIRE(archive != nullptr);
  for (const ZipMember& member : members) {
    zip_source_t* source = zip_source_buffer(archive, member.bytes.data(), member.bytes.size(), 0);
    REQUIRE(source != nullptr);
    const zip_int64_t index = zip_file_add(archive, member.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    REQUIRE(zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                     member.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0);
  }
  REQUIRE(zip_close(archive) == 0);
  std::ifstream in(scratch, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Little-endian 32-bit field at `offset` of `bytes`.
inline void put_u32(std::string& bytes, std::size_t offset, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

}  // namespace santei::test
