// The age boundaries of the 負担割合 (copayment.md §1.2), as dates.
#pragma once

#include "santei/period.hpp"

namespace santei::copay {

enum class AgeGroup : std::uint8_t {
  preschool,  // 義務教育就学前: 2割
  under70,    // from the 1 April after 就学前 to the 70 switch: 3割
  from70,     // 高齢受給者 (70–74)
  latter,     // 後期高齢者医療 (75+, or insurance.kind elderly)
};

// The first day on which someone born on `birth` is `years` old (年齢計算ニ関スル法律: the age is
// reached at the end of the day before; born 29 February → 1 March in common years).
Date birthday(Date birth, int years);

struct AgeDates {
  Date preschool_last;  // the first 31 March on or after the day 6 is reached
  Date from70;          // the 1st of the month after the month 70 is reached (the birthday month if born on the 1st)
  Date birthday75;      // 後期高齢者医療 starts on the 75th birthday itself
  // The 75歳到達月: the month of the 75th birthday when it is not the 1st (limits halved).
  bool halves_in(YearMonth month) const;
};

AgeDates age_dates(Date birth);

}  // namespace santei::copay
