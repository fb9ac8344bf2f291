#include "copay/age.hpp"

namespace santei::copay {
namespace {

using namespace std::chrono;

// The `years`th birthday of someone born on `b` (29 February → 1 March in common years).
Date birthday_of(const year_month_day& b, int years) {
  const year y = b.year() + std::chrono::years(years);
  const year_month_day same(y, b.month(), b.day());
  if (same.ok()) return Date(sys_days(same));
  return Date(sys_days(year_month_day(y, March, day(1))));  // 民法143条2項
}

}  // namespace

Date birthday(Date birth, int years) { return birthday_of(birth.ymd(), years); }

AgeDates age_dates(Date birth) {
  const year_month_day b = birth.ymd();
  AgeDates out;
  const Date reach6 = birthday_of(b, 6).plus_days(-1);
  const year_month_day r6 = reach6.ymd();
  // The first 31 March on or after the day 6 is reached.
  const year end_year = r6.month() <= March ? r6.year() : r6.year() + std::chrono::years(1);
  out.preschool_last = Date(sys_days(year_month_day(end_year, March, day(31))));
  // The 1st of the month after the month in which 70 is reached.
  const year_month_day r70 = birthday_of(b, 70).plus_days(-1).ymd();
  out.from70 = Date(sys_days(year_month_day(r70.year(), r70.month(), day(1)) + months(1)));
  out.birthday75 = birthday_of(b, 75);
  return out;
}

bool AgeDates::halves_in(YearMonth month) const {
  const year_month_day b = birthday75.ymd();
  return static_cast<int>(b.year()) == month.year && static_cast<unsigned>(b.month()) == month.month && b.day() != day(1);
}

}  // namespace santei::copay
