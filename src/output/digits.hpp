// Whole numbers as decimal digits written at a pointer, as std::to_chars writes them, quicker for
// the numbers a result is made of: a master code's nine digits, and one to four digits (points,
// counts, days, yen). The caller makes room for 20 bytes.
#pragma once

#include <cstdint>

namespace santei::output {

// Two digits of `pair` (below 100), a leading zero kept: a date's month and day.
char* put_two_digits(char* at, unsigned pair);
// A whole number's digits (a '-' first when negative).
char* put_number(char* at, std::int64_t number);
// The same, for a number that is most often a master code of nine digits.
char* put_code(char* at, std::uint64_t number);

}  // namespace santei::output
