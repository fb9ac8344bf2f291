// Huge inputs made at test time without the memory or disk they would take: the bad-input and
// limits tests (bad_*_test.cpp, limits_test.cpp) check that santei refuses them by their size.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <sys/mman.h>
#include <unistd.h>

#include <doctest/doctest.h>

#if defined(__SANITIZE_ADDRESS__)
#define SANTEI_TEST_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANTEI_TEST_ADDRESS_SANITIZER 1
#endif
#endif

namespace santei::test {

// What AddressSanitizer adds to the resident memory of a reader that goes through `bytes_read`
// bytes: a shadow byte for every 8, which it reads on each access and which a kernel may count as
// resident (Linux 6.18: 64 MiB more for a 512 MiB line, 128 MiB for a 1 GiB record; stop 48's
// machines counted none). The sanitizer's memory, not santei's: 0 in other builds.
inline long sanitizer_shadow_kib(std::size_t bytes_read) {
#ifdef SANTEI_TEST_ADDRESS_SANITIZER
  return static_cast<long>(bytes_read / 8 / 1024);
#else
  (void)bytes_read;
  return 0;
#endif
}

// A view of `size` zero bytes (one line of NULs) that costs no memory: an anonymous mapping that is
// never written. A reader that refuses it by its size never touches a page.
class UntouchedBytes {
 public:
  explicit UntouchedBytes(std::size_t size)
      : size_(size), data_(mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)) {
    REQUIRE(data_ != MAP_FAILED);
  }
  ~UntouchedBytes() { munmap(data_, size_); }
  UntouchedBytes(const UntouchedBytes&) = delete;
  UntouchedBytes& operator=(const UntouchedBytes&) = delete;
  std::string_view view() const { return {static_cast<const char*>(data_), size_}; }

 private:
  std::size_t size_;
  void* data_;
};

// A scratch directory under the system's temporary directory, removed with everything in it.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDirectory() { std::filesystem::remove_all(path_); }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// `head`, then `hole` zero bytes that take no disk (a sparse region: one line of NULs), then `tail`.
inline void write_sparse(const std::filesystem::path& file, std::string_view head, std::size_t hole,
                         std::string_view tail) {
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
  }
  std::filesystem::resize_file(file, head.size() + hole);
  std::ofstream out(file, std::ios::binary | std::ios::app);
  out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
}

}  // namespace santei::test
