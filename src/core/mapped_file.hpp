// A file's bytes mapped read-only into memory (mmap): reading a snapshot costs no copy and no
// zeroed buffer, and processes that map the same file share its pages in the page cache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace santei {

class MappedFile {
 public:
  // Maps the whole file. Throws santei::Exception: Status::io_error when it cannot be opened or
  // mapped, Status::limit_exceeded (by its size, before mapping) when it is over `limit` bytes.
  MappedFile(const std::filesystem::path& path, std::uintmax_t limit);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Valid while this object lives. A file truncated by another process while it is mapped makes
  // reading past its new end raise SIGBUS: santei replaces files by renaming, never in place.
  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace santei
