// advise_huge_pages (core/huge_pages.hpp): new memory written whole after the advice faults once a
// 2 MiB page where the kernel offers transparent huge pages, once a 4 KiB page where it does not.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/huge_pages.hpp"

namespace {

// This thread's minor page faults so far.
long minor_faults() {
  rusage usage{};
  REQUIRE(::getrusage(RUSAGE_THREAD, &usage) == 0);
  return usage.ru_minflt;
}

// The kernel's THP mode, the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled
// ("always [madvise] never"); empty where it has none.
std::string thp_mode() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(in, line);
  const auto open = line.find('['), close = line.find(']');
  return open == std::string::npos || close == std::string::npos ? std::string() : line.substr(open + 1, close - open - 1);
}

}  // namespace

TEST_CASE("advise_huge_pages: an 8 MiB array written whole after it faults once a huge page where THP is offered") {
  constexpr std::size_t kHuge = std::size_t{2} << 20, kBytes = 4 * kHuge;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  // Fresh memory with room for an array that starts on a 2 MiB boundary.
  void* const mapped = ::mmap(nullptr, kBytes + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  auto* const array = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(mapped) + kHuge - 1) / kHuge * kHuge);

  santei::advise_huge_pages(array, kBytes);
  const long before = minor_faults();
  std::memset(array, 0x5A, kBytes);
  const long faults = minor_faults() - before;
  const std::string mode = thp_mode();
  CAPTURE(mode);
  CAPTURE(faults);
  if (mode == "always" || mode == "madvise") {
    // 4 huge pages, against 2,048 pages without the advice; ASan's shadow adds a fault a 4 KiB of it
    // (256 here) when its memset reads the shadow of the range.
    CHECK(faults < static_cast<long>(kBytes / page / 2));
  } else {
    CHECK(faults >= static_cast<long>(kBytes / page / 2));  // the advice taken nowhere, nothing broken
  }
  CHECK(array[0] == 0x5A);
  CHECK(array[kBytes - 1] == 0x5A);

  // A range without a whole page, and no range, are left alone.
  santei::advise_huge_pages(array + 1, page - 2);
  santei::advise_huge_pages(nullptr, 0);
  CHECK(array[1] == 0x5A);
  ::munmap(mapped, kBytes + kHuge);
}
