// 検証番号 of 保険者番号, 公費負担者番号 and 公費受給者番号.
#include <algorithm>

#include "santei/uke.hpp"

namespace santei {

// The modulus-10, weights 2-1 rule used for 保険者番号, 公費負担者番号 and 受給者番号: weights
// 2, 1, 2, … from the rightmost digit, the digits of each product added, then
// 10 − (sum mod 10) mod 10. [unverified against the ministry text] — checked on the real numbers
// of ../shared/uke's sample (01010016, 01130012, 34130021, 12143210, 28140507, 81140048,
// 83123067, 1111111); its 83136019 fails, a test number.
int payer_check_digit(std::string_view digits) {
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return -1;
  }
  int sum = 0;
  int weight = 2;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    const int product = (*it - '0') * weight;
    sum += product / 10 + product % 10;
    weight = 3 - weight;
  }
  return (10 - sum % 10) % 10;
}

}  // namespace santei
