// santei/period.hpp — dates, months and effective-date ranges.
//
// A Date is a calendar day (days since 1970-01-01, proleptic Gregorian, as std::chrono::sys_days).
// Masters write dates as YYYYMMDD with 99999999 meaning "open" (Date::open_end()); claims write
// YYYY-MM-DD. Parsing rejects impossible days such as 2024-02-30.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "santei/config.h"

namespace santei {

class SANTEI_API Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(static_cast<std::int32_t>(days.time_since_epoch().count())) {}
  static Date from_ymd(int year, unsigned month, unsigned day);  // throws on an invalid day
  // "YYYY-MM-DD" only; nullopt for anything else or a day that does not exist.
  static std::optional<Date> parse_iso(std::string_view text) noexcept;
  // "YYYYMMDD"; "99999999" gives open_end(). nullopt otherwise.
  static std::optional<Date> parse_compact(std::string_view text) noexcept;
  // The end of an open validity range (master 廃止年月日 99999999).
  static constexpr Date open_end() { return Date(std::chrono::sys_days(std::chrono::days(2932896))); }

  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(sys_days()); }
  constexpr std::chrono::sys_days sys_days() const { return std::chrono::sys_days(std::chrono::days(days_)); }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // 0 = Sunday … 6 = Saturday.
  unsigned weekday() const;
  constexpr bool is_open_end() const { return days_ == open_end().days_; }

  std::string iso() const;      // "2024-06-01"; "9999-12-31" for open_end()
  std::string compact() const;  // "20240601"; "99999999" for open_end()
  // YYYYMMDD as a number, e.g. 20240601.
  std::uint32_t yyyymmdd() const;

  constexpr Date plus_days(int days) const { return Date(days_ + days, 0); }
  friend constexpr int operator-(Date a, Date b) { return a.days_ - b.days_; }
  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr Date(std::int32_t days, int) : days_(days) {}
  std::int32_t days_ = 0;
};

// A service month (診療年月).
struct SANTEI_API YearMonth {
  int year = 0;
  unsigned month = 0;

  static std::optional<YearMonth> parse(std::string_view text) noexcept;  // "YYYY-MM"
  static std::optional<YearMonth> parse_compact(std::string_view text) noexcept;  // "YYYYMM"
  static YearMonth of(Date date);
  Date first_day() const;
  Date last_day() const;
  bool contains(Date date) const;
  std::string iso() const;      // "2024-07"
  std::string compact() const;  // "202407"
  friend constexpr auto operator<=>(YearMonth, YearMonth) = default;
};

// An inclusive validity range [from, to]; to = Date::open_end() when open.
struct DateRange {
  Date from;
  Date to = Date::open_end();

  constexpr bool contains(Date date) const { return from <= date && date <= to; }
  // The day of the range nearest to `date` (`date` itself when it is inside).
  constexpr Date nearest(Date date) const { return date < from ? from : to < date ? to : date; }
  constexpr bool overlaps(DateRange other) const { return from <= other.to && other.from <= to; }
  friend constexpr bool operator==(DateRange, DateRange) = default;
};

// Completed years of age on `on` for someone born on `birth` (年齢計算ニ関スル法律 with 民法143条:
// a year is completed at the end of the day before the birthday, so on the birthday the age is
// reached; someone born on 29 February reaches it on 1 March in common years).
SANTEI_API int age_in_years(Date birth, Date on);

}  // namespace santei
