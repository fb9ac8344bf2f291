#include "copay/age.hpp"

namespace santei::copay {

Date birthday(Date birth, int years) {
  using namespace std::chrono;
  const year_month_day b = birth.ymd();
  const year y = b.year() + std::chrono::years(years);
  const year_month_day same(y, b.month(), b.day());
  if (same.ok()) return Date(sys_days(same));
  return Date(sys_days(year_month_day(y, March, day(1))));  // 29 February in a common year (民法143条2項)
}

AgeDates age_dates(Date birth) {
  AgeDates out;
  const Date reach6 = birthday(birth, 6).plus_days(-1);
  const Date march31 = Date::from_ymd(reach6.year(), 3, 31);
  out.preschool_last = reach6 <= march31 ? march31 : Date::from_ymd(reach6.year() + 1, 3, 31);
  const Date reach70 = birthday(birth, 70).plus_days(-1);
  out.from70 = YearMonth::of(reach70).last_day().plus_days(1);
  out.birthday75 = birthday(birth, 75);
  return out;
}

bool AgeDates::halves_in(YearMonth month) const { return YearMonth::of(birthday75) == month && birthday75.day() != 1; }

}  // namespace santei::copay
