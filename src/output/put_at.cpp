#include "output/put_at.hpp"

#include <bit>
#include <charconv>
#include <cstring>

#include "core/byte_lanes.hpp"

namespace santei::output {
namespace {

// Eight digits of `number` (below 10^8, leading zeros kept) in one word, the first digit in its
// first byte: split into halves, quarters and digits by multiplying, each lane of the word at once.
[[gnu::always_inline]] inline std::uint64_t eight_digits(std::uint32_t number) {
  std::uint64_t lanes = number / 10000 | std::uint64_t{number % 10000} << 32;  // 2 × 4 digits, 32 bits each
  const std::uint64_t hundreds = (lanes * 10486 >> 20) & 0x0000007F0000007Fu;  // ⌊x / 100⌋ for x < 10^4
  lanes = hundreds | (lanes - hundreds * 100) << 16;                           // 4 × 2 digits, 16 bits each
  const std::uint64_t tens = (lanes * 103 >> 10) & 0x000F000F000F000Fu;       // ⌊x / 10⌋ for x < 100
  lanes = tens | (lanes - tens * 10) << 8;                                     // 8 × 1 digit
  return lanes + byte_lanes::kOnes * '0';
}

// Nine digits of `n` (below 10^9, leading zeros kept): the first, then eight in one word, without
// measuring the number's length first as std::to_chars does.
[[gnu::always_inline]] inline char* nine_digits_at(char* at, std::uint32_t n) {
  *at++ = static_cast<char>('0' + n / 100000000);
  std::uint64_t digits = eight_digits(n % 100000000);
  if constexpr (std::endian::native == std::endian::big) digits = __builtin_bswap64(digits);  // the first digit first
  std::memcpy(at, &digits, 8);
  return at + 8;
}

}  // namespace

// A master code has nine digits (111000110).
char* put_code(char* at, std::uint64_t number) {
  if (number < 100000000 || number >= 1000000000) return std::to_chars(at, at + 20, number).ptr;
  return nine_digits_at(at, static_cast<std::uint32_t>(number));
}

char* put_nine_digits(char* at, std::uint64_t number) {
  if (number >= 1000000000) return std::to_chars(at, at + 20, number).ptr;
  return nine_digits_at(at, static_cast<std::uint32_t>(number));
}

// Most of a result's numbers (points, counts, days, yen) have one to four digits, and a UKE file's
// line numbers five or six: written from the pairs without std::to_chars' count of the length
// first, half its instructions (callgrind).
char* put_number(char* at, std::int64_t number) {
  if (number < 0 || number >= 1000000) return std::to_chars(at, at + 20, number).ptr;
  const auto n = static_cast<unsigned>(number);
  if (n < 10) {
    *at = static_cast<char>('0' + n);
    return at + 1;
  }
  if (n < 100) return put_two_digits(at, n);
  if (n < 1000) {
    *at++ = static_cast<char>('0' + n / 100);
    return put_two_digits(at, n % 100);
  }
  if (n < 10000) return put_two_digits(put_two_digits(at, n / 100), n % 100);
  if (n < 100000) {
    *at++ = static_cast<char>('0' + n / 10000);
  } else {
    at = put_two_digits(at, n / 10000);
  }
  return put_two_digits(put_two_digits(at, n / 100 % 100), n % 100);
}

}  // namespace santei::output
