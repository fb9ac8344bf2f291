// The bytes of a 64- or 32-bit word tested at once (SWAR): texts read and written a word at a time.
#pragma once

#include <cstdint>
#include <type_traits>

namespace santei::byte_lanes {

// A 1 in each byte: a byte's value in all lanes is ones<Word> * value.
template <class Word>
inline constexpr Word ones = static_cast<Word>(~Word{0}) / 0xFF;
inline constexpr std::uint64_t kOnes = ones<std::uint64_t>;
inline constexpr std::uint64_t kHighs = kOnes * 0x80;

template <class Word>
concept LaneWord = std::is_same_v<Word, std::uint64_t> || std::is_same_v<Word, std::uint32_t>;  // none promoted to int

// Non-zero if and only if a byte of `word` is below `n` (n ≤ 128); bytes of 0x80 and above never
// are. Which bytes it marks past the first is not exact (a borrow), so it answers "any", not "which".
template <LaneWord Word>
constexpr Word below(Word word, std::uint8_t n) {
  return (word - ones<Word> * n) & ~word & (ones<Word> * 0x80);
}
// Non-zero if and only if a byte of `word` is `c`; "any", as below().
template <LaneWord Word>
constexpr Word equal(Word word, std::uint8_t c) {
  return below<Word>(word ^ (ones<Word> * c), 1);
}

}  // namespace santei::byte_lanes
