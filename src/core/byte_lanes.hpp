// The eight bytes of a 64-bit word tested at once (SWAR): texts read and written a word at a time.
#pragma once

#include <cstdint>

namespace santei::byte_lanes {

// A 1 in each byte: a byte's value in all eight lanes is kOnes * value.
inline constexpr std::uint64_t kOnes = 0x0101010101010101u;
inline constexpr std::uint64_t kHighs = kOnes * 0x80;

// Non-zero if and only if a byte of `word` is below `n` (n ≤ 128); bytes of 0x80 and above never
// are. Which bytes it marks past the first is not exact (a borrow), so it answers "any", not "which".
constexpr std::uint64_t below(std::uint64_t word, std::uint8_t n) { return (word - kOnes * n) & ~word & kHighs; }
// Non-zero if and only if a byte of `word` is `c`; "any", as below().
constexpr std::uint64_t equal(std::uint64_t word, std::uint8_t c) { return below(word ^ (kOnes * c), 1); }

}  // namespace santei::byte_lanes
