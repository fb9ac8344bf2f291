#include "santei/period.hpp"

#include <fmt/format.h>

#include "santei/result.hpp"

namespace santei {
namespace {

using namespace std::chrono;

static_assert(Date::open_end().sys_days() == sys_days(year{9999} / December / 31),
              "open_end is 9999-12-31");

// The whole number of the `count` digits at `text`, or -1 when one of them is not an ASCII digit.
// At a pointer, not through substr(): a claim's dates and the masters' rows are read here, and
// the views' bounds checks and the calendar's round trip were most of a date's cost (callgrind).
int digits(const char* text, int count) {
  int value = 0;
  for (int i = 0; i < count; ++i) {
    const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
    if (digit > 9) return -1;
    value = value * 10 + static_cast<int>(digit);
  }
  return value;
}

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
// Days in month m (1–12) of year y: 30 or 31 alternating, August repeating 31, February 28 or 29.
constexpr int month_length(int y, int m) { return m == 2 ? (is_leap(y) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1); }
// A month of a year std::chrono::year holds (the last year's December has no next month).
bool is_month(const YearMonth& m) { return m.month >= 1 && m.month <= 12 && m.year > -32767 && m.year < 32767; }

// Days since 1970-01-01 of a valid day of the proleptic Gregorian calendar: H. Hinnant's
// days_from_civil ("chrono-Compatible Low-Level Date Algorithms"), as std::chrono makes sys_days.
constexpr int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);                   // [0, 399]
  const unsigned day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;   // [0, 365]
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int>(day_of_era) - 719468;
}

// The day y-m-d if it is one (a year std::chrono::year holds, −32767 to 32767), else nullopt.
std::optional<Date> make(int y, int m, int d) {
  if (y < -32767 || y > 32767 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > month_length(y, m)) return std::nullopt;
  return Date(sys_days(days(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))));
}

static_assert(days_from_civil(1970, 1, 1) == 0 && days_from_civil(2024, 2, 29) == 19782 &&
                  days_from_civil(9999, 12, 31) == 2932896 && days_from_civil(0, 3, 1) == -719468,
              "days_from_civil counts days as std::chrono::sys_days does");

}  // namespace

Date Date::from_ymd(int y, unsigned m, unsigned d) {
  auto date = make(y, static_cast<int>(m), static_cast<int>(d));
  if (!date) {
    throw Exception(Status::parse_error, fmt::format("{:04}-{:02}-{:02} is not a calendar day", y, m, d));
  }
  return *date;
}

std::optional<Date> Date::parse_iso(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = digits(text.data(), 4);
  const int m = digits(text.data() + 5, 2);
  const int d = digits(text.data() + 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return make(y, m, d);
}

std::optional<Date> Date::parse_compact(std::string_view text) noexcept {
  if (text == "99999999") return open_end();
  if (text.size() != 8) return std::nullopt;
  const int y = digits(text.data(), 4);
  const int m = digits(text.data() + 4, 2);
  const int d = digits(text.data() + 6, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return make(y, m, d);
}

int Date::year() const { return static_cast<int>(ymd().year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd().month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd().day()); }
unsigned Date::weekday() const { return std::chrono::weekday(sys_days()).c_encoding(); }

std::string Date::iso() const {
  const year_month_day ymd = this->ymd();
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned d = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  char text[10] = {static_cast<char>('0' + y / 1000),      static_cast<char>('0' + y / 100 % 10),
                   static_cast<char>('0' + y / 10 % 10),    static_cast<char>('0' + y % 10),
                   '-',
                   static_cast<char>('0' + m / 10),         static_cast<char>('0' + m % 10),
                   '-',
                   static_cast<char>('0' + d / 10),         static_cast<char>('0' + d % 10)};
  return std::string(text, 10);
}

std::string Date::compact() const {
  if (is_open_end()) return "99999999";
  return fmt::format("{:04}{:02}{:02}", year(), month(), day());
}

std::uint32_t Date::yyyymmdd() const {
  if (is_open_end()) return 99999999u;
  return static_cast<std::uint32_t>(year() * 10000) + month() * 100 + day();
}

std::optional<YearMonth> YearMonth::parse(std::string_view text) noexcept {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const int y = digits(text.data(), 4);
  const int m = digits(text.data() + 5, 2);
  if (m < 1 || m > 12 || y < 1900) return std::nullopt;
  return YearMonth{y, static_cast<unsigned>(m)};
}

std::optional<YearMonth> YearMonth::parse_compact(std::string_view text) noexcept {
  if (text.size() != 6) return std::nullopt;
  const int y = digits(text.data(), 4);
  const int m = digits(text.data() + 4, 2);
  if (m < 1 || m > 12 || y < 1900) return std::nullopt;
  return YearMonth{y, static_cast<unsigned>(m)};
}

YearMonth YearMonth::of(Date date) { return YearMonth{date.year(), date.month()}; }

// A month's days are found by days_from_civil and month_length alone: the pricing asks for a claim's
// month several times a claim (through Date::from_ymd's checks and chrono's calendar, each ask was
// 80 instructions, callgrind). A month that is none (a default YearMonth, month 13) goes the
// checked way.
Date YearMonth::first_day() const {
  if (!is_month(*this)) return Date::from_ymd(year, month, 1);  // throws
  return Date(sys_days(days(days_from_civil(year, month, 1))));
}

Date YearMonth::last_day() const {
  if (!is_month(*this)) return Date(sys_days(year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}));
  return first_day().plus_days(month_length(year, static_cast<int>(month)) - 1);
}

bool YearMonth::contains(Date date) const {
  if (!is_month(*this)) return date.year() == year && date.month() == month;
  const int day = date - first_day();
  return day >= 0 && day < month_length(year, static_cast<int>(month));
}

std::string YearMonth::iso() const { return fmt::format("{:04}-{:02}", year, month); }
std::string YearMonth::compact() const { return fmt::format("{:04}{:02}", year, month); }

int age_in_years(Date birth, Date on) {
  const auto b = birth.ymd();
  const auto o = on.ymd();
  int age = static_cast<int>(o.year()) - static_cast<int>(b.year());
  // Born 29 February: in a common year the birthday falls on 1 March (民法143条2項).
  const unsigned bm = static_cast<unsigned>(b.month());
  const unsigned bd = static_cast<unsigned>(b.day());
  const unsigned om = static_cast<unsigned>(o.month());
  const unsigned od = static_cast<unsigned>(o.day());
  if (om < bm || (om == bm && od < bd)) --age;
  return age;
}

}  // namespace santei
