// What the writers of a result (JsonWriter, the explanation's wording) put at a pointer, into room
// the caller has made: a text as it is, and whole numbers as decimal digits, as std::to_chars
// writes them, quicker for the numbers a result is made of: a master code's nine digits, and one
// to four digits (points, counts, days, yen). A number takes at most 20 bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace santei::output {

// `text` as it is. (An empty view's data() may be null, which memcpy may not be given: UBSan.)
[[gnu::always_inline]] inline char* put_text(char* at, std::string_view text) {
  if (text.empty()) return at;
  std::memcpy(at, text.data(), text.size());
  return at + text.size();
}

// "00" "01" … "99": a number's digits two at a time.
inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Two digits of `pair` (below 100), a leading zero kept: a date's month and day.
inline char* put_two_digits(char* at, unsigned pair) {
  std::memcpy(at, kDigitPairs + 2 * pair, 2);
  return at + 2;
}
// A whole number's digits (a '-' first when negative).
char* put_number(char* at, std::int64_t number);
// A 診療識別 as claims, results and reports write it (santei::category_text): two digits, nothing
// for none (0); from 100, not a 診療識別, the number as it is. At most three bytes.
inline char* put_category(char* at, std::uint8_t category) {
  if (category == 0) return at;
  return category < 100 ? put_two_digits(at, category) : put_number(at, category);
}
// put_category's text, held where it is needed (a result's line, a report's unit) without a string.
class CategoryDigits {
 public:
  explicit CategoryDigits(std::uint8_t category) : end_(put_category(text_, category)) {}
  std::string_view view() const { return {text_, static_cast<std::size_t>(end_ - text_)}; }
  // Its digits between quotes at `at`, which has room for five bytes: all three bytes moved at once
  // (a size known when santei is compiled, not a call into memcpy), digits need no escape.
  char* put_quoted(char* at) const {
    *at = '"';
    std::memcpy(at + 1, text_, sizeof text_);
    at += 1 + (end_ - text_);
    *at = '"';
    return at + 1;
  }

 private:
  char text_[3] = {};
  const char* end_;
};
// The same, for a number that is most often a master code of nine digits.
char* put_code(char* at, std::uint64_t number);
// A code as a UKE file and the --uke report write it (fmt's "{:09}"): nine digits, leading zeros
// kept ("000000000" for none); a number of ten digits or more whole.
char* put_nine_digits(char* at, std::uint64_t number);
inline std::string nine_digits(std::uint64_t number) {
  char digits[20];
  return std::string(digits, put_nine_digits(digits, number));
}

}  // namespace santei::output
