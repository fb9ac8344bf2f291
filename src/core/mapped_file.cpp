#include "core/mapped_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
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

// The mappings the SIGBUS handler can name. Slots are taken and given back with atomics only, and
// the handler reads them without a lock (no lock is async-signal-safe).
struct MappingSlot {
  std::atomic<bool> taken{false};
  std::atomic<std::uintptr_t> begin{0};  // 0: no mapping here
  std::atomic<std::size_t> size{0};
  std::atomic<const char*> name{nullptr};
};
static_assert(std::atomic<std::uintptr_t>::is_always_lock_free && std::atomic<const char*>::is_always_lock_free);
// More files than santei maps at once; one mapped beyond them is read as before, unnamed.
std::array<MappingSlot, 64> mapping_slots;
std::atomic<int> truncation_exit_status{0};

int remember_mapping(const char* begin, std::size_t size, const char* name) {
  for (std::size_t i = 0; i < mapping_slots.size(); ++i) {
    MappingSlot& slot = mapping_slots[i];
    bool free = false;
    if (!slot.taken.compare_exchange_strong(free, true, std::memory_order_acquire)) continue;
    slot.size.store(size, std::memory_order_relaxed);
    slot.name.store(name, std::memory_order_relaxed);
    slot.begin.store(reinterpret_cast<std::uintptr_t>(begin), std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}

void forget_mapping(int slot) {
  if (slot < 0) return;
  mapping_slots[static_cast<std::size_t>(slot)].begin.store(0, std::memory_order_release);
  mapping_slots[static_cast<std::size_t>(slot)].taken.store(false, std::memory_order_release);
}

// write(2) of all of `text` to stderr, as a signal handler may.
void put_stderr(std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(STDERR_FILENO, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

// `n` in decimal, in `digits`: fmt, which allocates, is not async-signal-safe.
std::string_view decimal(std::size_t n, std::array<char, 20>& digits) {
  char* at = digits.data() + digits.size();
  do {
    *--at = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  return {at, static_cast<std::size_t>(digits.data() + digits.size() - at)};
}

void on_bus_error(int, siginfo_t* info, void*) {
  const auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (MappingSlot& slot : mapping_slots) {
    const std::uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    const std::size_t size = slot.size.load(std::memory_order_relaxed);
    if (begin == 0 || at < begin || at - begin >= size) continue;
    std::array<char, 20> offset, length;
    put_stderr("santei: ");
    put_stderr(slot.name.load(std::memory_order_relaxed));
    put_stderr(": the file became shorter while it was read (truncated or rewritten in place by another program): byte ");
    put_stderr(decimal(at - begin, offset));
    put_stderr(" of the ");
    put_stderr(decimal(size, length));
    put_stderr(" it had when it was opened is gone\n");
    ::_exit(truncation_exit_status.load(std::memory_order_relaxed));
  }
  // Not a mapped file's: the default action, as if no handler had been installed (the signal is
  // blocked in its handler, so it arrives again as this one returns).
  ::signal(SIGBUS, SIG_DFL);
  ::raise(SIGBUS);
}

}  // namespace

void MappedFile::exit_on_truncation(int exit_status) {
  truncation_exit_status.store(exit_status, std::memory_order_relaxed);
  struct sigaction action {};
  action.sa_sigaction = on_bus_error;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, nullptr);
}

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
  name_ = path.string();
  slot_ = remember_mapping(data_, size_, name_.c_str());
}

void MappedFile::let_go(std::size_t from, std::size_t to) const {
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t first = from / page * page;
  const std::size_t end = std::min(to, size_) / page * page;
  // MADV_DONTNEED of a read-only private file mapping: its pages are unmapped, never lost.
  if (end > first) (void)::madvise(const_cast<char*>(data_) + first, end - first, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
  forget_mapping(slot_);
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace santei
