#include "santei/period.hpp"

#include <fmt/format.h>

#include "santei/result.hpp"

namespace santei {
namespace {

using namespace std::chrono;

static_assert(Date::open_end().sys_days() == sys_days(year{9999} / December / 31),
              "open_end is 9999-12-31");

bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

std::optional<Date> make(int y, int m, int d) {
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(sys_days(ymd));
}

}  // namespace

Date Date::from_ymd(int y, unsigned m, unsigned d) {
  auto date = make(y, static_cast<int>(m), static_cast<int>(d));
  if (!date) {
    throw Exception(Status::parse_error, fmt::format("{:04}-{:02}-{:02} is not a calendar day", y, m, d));
  }
  return *date;
}

std::optional<Date> Date::parse_iso(std::string_view text) noexcept {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
      !parse_digits(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  return make(y, m, d);
}

std::optional<Date> Date::parse_compact(std::string_view text) noexcept {
  if (text == "99999999") return open_end();
  int y = 0, m = 0, d = 0;
  if (text.size() != 8 || !parse_digits(text.substr(0, 4), y) ||
      !parse_digits(text.substr(4, 2), m) || !parse_digits(text.substr(6, 2), d)) {
    return std::nullopt;
  }
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
  int y = 0, m = 0;
  if (text.size() != 7 || text[4] != '-' || !parse_digits(text.substr(0, 4), y) ||
      !parse_digits(text.substr(5, 2), m) || m < 1 || m > 12 || y < 1900) {
    return std::nullopt;
  }
  return YearMonth{y, static_cast<unsigned>(m)};
}

std::optional<YearMonth> YearMonth::parse_compact(std::string_view text) noexcept {
  int y = 0, m = 0;
  if (text.size() != 6 || !parse_digits(text.substr(0, 4), y) ||
      !parse_digits(text.substr(4, 2), m) || m < 1 || m > 12 || y < 1900) {
    return std::nullopt;
  }
  return YearMonth{y, static_cast<unsigned>(m)};
}

YearMonth YearMonth::of(Date date) { return YearMonth{date.year(), date.month()}; }

Date YearMonth::first_day() const { return Date::from_ymd(year, month, 1); }

Date YearMonth::last_day() const {
  const year_month_day_last last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}};
  return Date(sys_days(last));
}

bool YearMonth::contains(Date date) const { return date.year() == year && date.month() == month; }

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
