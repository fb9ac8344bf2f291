// 年齢 codes of the masters (R06rec1.pdf 医科診療行為マスター 項番41/42 and 別紙7-4).
#include <chrono>

#include <fmt/format.h>

#include "santei/records.hpp"
#include "santei/result.hpp"

namespace santei {
namespace {

using namespace std::chrono;

// The birthday at `years` of age (29 February falls on 1 March in common years, 民法143条2項).
Date birthday(Date birth, int years) {
  const year_month_day b = birth.ymd();
  const year_month_day target{b.year() + std::chrono::years(years), b.month(), b.day()};
  if (target.ok()) return Date(sys_days(target));
  return Date(sys_days(year_month_day{target.year(), March, day{1}}));
}

// The first day of the month after the month containing the day one reaches `years`
// (「…歳に達した日の翌月の初日」; one reaches an age the day before the birthday).
Date first_of_month_after_reaching(Date birth, int years) {
  const year_month_day reached = birthday(birth, years).plus_days(-1).ymd();
  const year_month next = year_month{reached.year(), reached.month()} + months{1};
  return Date(sys_days(next / day{1}));
}

// 未就学児: until the first 31 March on or after the day one reaches 6.
Date end_of_preschool(Date birth) {
  const year_month_day reached = birthday(birth, 6).plus_days(-1).ymd();
  year_month_day march31{reached.year(), March, day{31}};
  if (sys_days(march31) < sys_days(reached)) march31 = year_month_day{reached.year() + years{1}, March, day{31}};
  return Date(sys_days(march31)).plus_days(1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool AgeCode::valid() const {
  if (is_digit(raw[0]) && is_digit(raw[1])) return true;
  const std::string code = text();
  return code == "AA" || code == "AE" || code == "B3" || code == "B6" || code == "BF" ||
         code == "BK" || code == "MG";
}

Date AgeCode::reached_on(Date birth) const {
  if (is_digit(raw[0]) && is_digit(raw[1])) return birthday(birth, (raw[0] - '0') * 10 + (raw[1] - '0'));
  const std::string code = text();
  if (code == "AA") return birth.plus_days(28);  // 生後28日
  if (code == "AE") return birth.plus_days(90);  // 生後90日
  if (code == "B3") return first_of_month_after_reaching(birth, 3);
  if (code == "B6") return first_of_month_after_reaching(birth, 6);
  if (code == "BF") return first_of_month_after_reaching(birth, 15);
  if (code == "BK") return first_of_month_after_reaching(birth, 20);
  if (code == "MG") return end_of_preschool(birth);
  throw Exception(Status::parse_error, fmt::format("unknown age code '{}'", code));
}

}  // namespace santei
