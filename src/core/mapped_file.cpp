#include "core/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "santei/result.hpp"

namespace santei {
namespace {

[[noreturn]] void fail(Status status, const std::filesystem::path& path, std::string message) {
  throw Exception(ErrorInfo{status, path.string(), 0, 0, {}, std::move(message)});
}

// Closes the descriptor however the constructor leaves: the mapping outlives it.
struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path, std::uintmax_t limit, Reading reading) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(Status::io_error, path, fmt::format("cannot open the file: {}", std::strerror(errno)));
  const Descriptor open_file{fd};
  struct stat status {};
  if (::fstat(fd, &status) != 0) fail(Status::io_error, path, fmt::format("cannot tell the file's size: {}", std::strerror(errno)));
  if (!S_ISREG(status.st_mode)) fail(Status::io_error, path, "not a regular file");
  const auto size = static_cast<std::uintmax_t>(status.st_size);
  if (size > limit) {
    fail(Status::limit_exceeded, path, fmt::format("a file of {} bytes is over the limit of {} bytes", size, limit));
  }
  if (size == 0) return;  // mmap refuses a length of 0; an empty view stands for the empty file
  // MAP_POPULATE maps the page-cache pages up front instead of faulting on each one; of a file
  // larger than memory it would read pages only to let them go before they are used.
  const int populate = reading == Reading::whole ? MAP_POPULATE : 0;
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | populate, fd, 0);
  if (mapped == MAP_FAILED) fail(Status::io_error, path, fmt::format("cannot map the file: {}", std::strerror(errno)));
  if (reading == Reading::sequential) (void)::madvise(mapped, size, MADV_SEQUENTIAL);  // advice: may be refused
  data_ = static_cast<const char*>(mapped);
  size_ = static_cast<std::size_t>(size);
}

void MappedFile::let_go(std::size_t from, std::size_t to) const {
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t first = from / page * page;
  const std::size_t end = std::min(to, size_) / page * page;
  // MADV_DONTNEED of a read-only private file mapping: its pages are unmapped, never lost.
  if (end > first) (void)::madvise(const_cast<char*>(data_) + first, end - first, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace santei
