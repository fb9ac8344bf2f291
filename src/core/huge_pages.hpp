// Transparent huge pages asked for a large array about to be written whole.
#pragma once

#include <cstddef>

namespace santei {

// Asks the kernel to back the whole pages of [data, data + bytes) with transparent huge pages
// (Linux: madvise MADV_HUGEPAGE; in THP's usual mode, "madvise", only memory that asks gets them):
// one page fault a 2 MiB page where each 4 KiB page of new memory faulted. Advice only: refused,
// or on a system without it, nothing changes.
void advise_huge_pages(const void* data, std::size_t bytes) noexcept;

}  // namespace santei
