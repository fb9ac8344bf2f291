// santei/period.hpp and the age codes of records.hpp: parsing that rejects impossible days, the
// masters' open end 99999999, completed years of age (年齢計算ニ関スル法律, 民法143条) and the
// SSK age codes (R06rec1.pdf 医科診療行為マスター 項番41/42: 「…歳に達した日の翌月の１日」, 未就学児).
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "santei/period.hpp"
#include "santei/records.hpp"
#include "santei/result.hpp"

using namespace santei;

namespace {

Date d(const char* iso) {
  const auto date = Date::parse_iso(iso);
  REQUIRE_MESSAGE(date.has_value(), iso);
  return *date;
}

AgeCode age(const char* code) { return AgeCode{{code[0], code[1]}}; }

}  // namespace

TEST_CASE("period: parse_iso accepts real days only — 2024-02-29 yes, 2023-02-29 and 2024-02-30 no") {
  REQUIRE(Date::parse_iso("2024-02-29"));
  CHECK(Date::parse_iso("2024-02-29")->iso() == "2024-02-29");
  CHECK(Date::parse_iso("2024-06-01")->compact() == "20240601");
  CHECK(Date::parse_iso("2000-02-29"));  // divisible by 400: leap
  for (const char* bad : {"2023-02-29", "2024-02-30", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
                          "2024-06-00", "2024-6-01", "2024/06/01", "20240601", " 2024-06-01", "2024-06-01 ",
                          "２０２４-06-01", "2024-06-1a", "", "2024-06"}) {
    CAPTURE(bad);
    CHECK_FALSE(Date::parse_iso(bad).has_value());
  }
}

TEST_CASE("period: parse_compact reads YYYYMMDD; 99999999 is the open end; 20240230 is rejected") {
  CHECK(Date::parse_compact("20240601") == d("2024-06-01"));
  CHECK(Date::parse_compact("20240229") == d("2024-02-29"));
  const auto open = Date::parse_compact("99999999");
  REQUIRE(open);
  CHECK(open->is_open_end());
  CHECK(*open == Date::open_end());
  CHECK(open->compact() == "99999999");
  CHECK(open->iso() == "9999-12-31");
  CHECK(open->yyyymmdd() == 99999999u);
  CHECK_FALSE(d("9999-12-30").is_open_end());
  for (const char* bad : {"20240230", "20230229", "20241301", "20240600", "00000000", "2024061", "202406011",
                          "2024-06-01", "9999999", "99999998x", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(Date::parse_compact(bad).has_value());
  }
}

TEST_CASE("period: from_ymd throws parse_error for 2024-02-30; text forms, weekday and day arithmetic") {
  try {
    (void)Date::from_ymd(2024, 2, 30);
    FAIL("2024-02-30 accepted");
  } catch (const Exception& e) {
    CHECK(e.status() == Status::parse_error);
    CHECK(std::string(e.what()).find("2024-02-30") != std::string::npos);
  }
  const Date date = Date::from_ymd(2024, 6, 1);
  CHECK(date.year() == 2024);
  CHECK(date.month() == 6u);
  CHECK(date.day() == 1u);
  CHECK(date.yyyymmdd() == 20240601u);
  CHECK(date.weekday() == 6u);             // 2024-06-01 was a Saturday
  CHECK(d("2024-06-02").weekday() == 0u);  // Sunday
  CHECK(d("2024-02-28").plus_days(1) == d("2024-02-29"));
  CHECK(d("2023-02-28").plus_days(1) == d("2023-03-01"));
  CHECK(d("2024-12-31").plus_days(1) == d("2025-01-01"));
  CHECK(d("2024-06-01").plus_days(-1) == d("2024-05-31"));
  CHECK(d("2025-03-01") - d("2024-03-01") == 365);
  CHECK(d("2024-03-01") - d("2023-03-01") == 366);
  CHECK(d("2024-05-31") < d("2024-06-01"));
  CHECK(d("2024-06-01") < Date::open_end());
}

TEST_CASE("period: YearMonth parses 2024-06 / 202406, knows its last day (2024-02 has 29, 2023-02 has 28)") {
  CHECK(YearMonth::parse("2024-06") == YearMonth{2024, 6});
  CHECK(YearMonth::parse_compact("202406") == YearMonth{2024, 6});
  for (const char* bad : {"2024-13", "2024-00", "1899-12", "2024-6", "202406", "2024-06-01", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(YearMonth::parse(bad).has_value());
  }
  for (const char* bad : {"202413", "202400", "189912", "2024-06", "20240"}) {
    CAPTURE(bad);
    CHECK_FALSE(YearMonth::parse_compact(bad).has_value());
  }
  CHECK(YearMonth{2024, 2}.last_day() == d("2024-02-29"));
  CHECK(YearMonth{2023, 2}.last_day() == d("2023-02-28"));
  CHECK(YearMonth{2024, 12}.last_day() == d("2024-12-31"));
  CHECK(YearMonth{2024, 6}.first_day() == d("2024-06-01"));
  CHECK(YearMonth::of(d("2024-06-30")) == YearMonth{2024, 6});
  CHECK(YearMonth{2024, 6}.contains(d("2024-06-30")));
  CHECK_FALSE(YearMonth{2024, 6}.contains(d("2024-07-01")));
  CHECK_FALSE(YearMonth{2024, 6}.contains(d("2023-06-15")));
  CHECK(YearMonth{2024, 7}.iso() == "2024-07");
  CHECK(YearMonth{2024, 7}.compact() == "202407");
  CHECK(YearMonth{2024, 5} < YearMonth{2024, 6});
  CHECK(YearMonth{2023, 12} < YearMonth{2024, 1});
}

// The month's days are worked out by days_from_civil alone (issue 17): each month of 1900–2200
// against std::chrono's own calendar, the ends of every month in and out.
TEST_CASE("period: every month 1900-2200 has std::chrono's first and last day, and contains exactly its days") {
  for (int y = 1900; y <= 2200; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      const YearMonth month{y, m};
      CAPTURE(month.iso());
      const std::chrono::year year{y};
      const std::chrono::month calendar_month{m};
      const Date first{std::chrono::sys_days{std::chrono::year_month_day{year, calendar_month, std::chrono::day{1}}}};
      const Date last{std::chrono::sys_days{std::chrono::year_month_day_last{year, std::chrono::month_day_last{calendar_month}}}};
      REQUIRE(month.first_day() == first);
      REQUIRE(month.last_day() == last);
      REQUIRE(month.contains(first));
      REQUIRE(month.contains(last));
      REQUIRE_FALSE(month.contains(first.plus_days(-1)));
      REQUIRE_FALSE(month.contains(last.plus_days(1)));
    }
  }
  CHECK(YearMonth{2024, 2}.last_day() - YearMonth{2024, 2}.first_day() == 28);  // 2024 is a leap year
  CHECK(YearMonth{2100, 2}.last_day() - YearMonth{2100, 2}.first_day() == 27);  // 2100 is not
  CHECK(YearMonth{2000, 2}.last_day() - YearMonth{2000, 2}.first_day() == 28);  // 2000 is
  // A YearMonth that is no month: no day is in it, and it has no first day.
  CHECK_FALSE(YearMonth{}.contains(d("1970-01-01")));
  CHECK_FALSE(YearMonth{2024, 13}.contains(d("2025-01-01")));
  const YearMonth thirteenth{2024, 13};
  CHECK_THROWS_AS((void)thirteenth.first_day(), santei::Exception);
}

TEST_CASE("period: DateRange is inclusive at both ends; open ranges end at 99999999") {
  const DateRange r06{d("2024-06-01"), d("2026-05-31")};
  CHECK(r06.contains(d("2024-06-01")));
  CHECK(r06.contains(d("2026-05-31")));
  CHECK_FALSE(r06.contains(d("2024-05-31")));
  CHECK_FALSE(r06.contains(d("2026-06-01")));
  CHECK(r06.overlaps(DateRange{d("2026-05-31"), d("2026-06-30")}));
  CHECK_FALSE(r06.overlaps(DateRange{d("2022-04-01"), d("2024-05-31")}));
  const DateRange open{d("2024-06-01")};
  CHECK(open.to.is_open_end());
  CHECK(open.contains(d("9999-12-31")));
}

TEST_CASE("period: age_in_years counts completed years; the age changes on the birthday") {
  CHECK(age_in_years(d("2000-06-01"), d("2024-05-31")) == 23);
  CHECK(age_in_years(d("2000-06-01"), d("2024-06-01")) == 24);
  CHECK(age_in_years(d("2018-06-15"), d("2024-06-14")) == 5);  // still under 6 (乳幼児加算 applies)
  CHECK(age_in_years(d("2018-06-15"), d("2024-06-15")) == 6);
  CHECK(age_in_years(d("2024-06-01"), d("2024-06-01")) == 0);
  CHECK(age_in_years(d("2023-12-31"), d("2024-01-01")) == 0);
  CHECK(age_in_years(d("1949-04-01"), d("2024-03-31")) == 74);
  CHECK(age_in_years(d("1949-04-01"), d("2024-04-01")) == 75);  // 後期高齢者 from the 75th birthday
}

TEST_CASE("period: age_in_years of a 29 February birth — the birthday is 1 March in common years (民法143条2項)") {
  const Date leap = d("2020-02-29");
  CHECK(age_in_years(leap, d("2021-02-28")) == 0);
  CHECK(age_in_years(leap, d("2021-03-01")) == 1);
  CHECK(age_in_years(leap, d("2023-02-28")) == 2);
  CHECK(age_in_years(leap, d("2023-03-01")) == 3);
  CHECK(age_in_years(leap, d("2024-02-28")) == 3);
  CHECK(age_in_years(leap, d("2024-02-29")) == 4);  // a leap year: the birthday itself
}

TEST_CASE("period: AgeCode 00 means no bound; two digits are years reached on the birthday") {
  CHECK(age("00").is_none());
  CHECK(age("00").valid());
  CHECK(age("00").reached_on(d("2020-05-10")) == d("2020-05-10"));
  CHECK_FALSE(age("06").is_none());
  CHECK(age("06").text() == "06");
  CHECK(age("06").reached_on(d("2018-06-15")) == d("2024-06-15"));
  CHECK(age("03").reached_on(d("2021-01-01")) == d("2024-01-01"));
  CHECK(age("75").reached_on(d("1949-04-01")) == d("2024-04-01"));
  CHECK(age("06").reached_on(d("2020-02-29")) == d("2026-03-01"));  // no 29 February in 2026
  CHECK(age("04").reached_on(d("2020-02-29")) == d("2024-02-29"));
}

TEST_CASE("period: AgeCode AA (生後28日) and AE (生後90日) count days from the birth day") {
  CHECK(age("AA").reached_on(d("2024-06-01")) == d("2024-06-29"));
  CHECK(age("AA").reached_on(d("2024-02-01")) == d("2024-02-29"));
  CHECK(age("AE").reached_on(d("2024-06-01")) == d("2024-08-30"));
  CHECK(age("AE").reached_on(d("2023-12-15")) == d("2024-03-14"));
}

TEST_CASE("period: AgeCode B3/B6/BF/BK — the 1st of the month after the day one reaches the age (the day before the birthday)") {
  // Born on the 1st: one reaches the age on the last day of the previous month, so the bound is
  // the birthday itself; born on the 2nd: the age is reached on the 1st, the bound is a month later.
  CHECK(age("B3").reached_on(d("2021-06-01")) == d("2024-06-01"));
  CHECK(age("B3").reached_on(d("2021-06-02")) == d("2024-07-01"));
  CHECK(age("B3").reached_on(d("2021-06-30")) == d("2024-07-01"));
  CHECK(age("B3").reached_on(d("2021-01-01")) == d("2024-01-01"));
  CHECK(age("B3").reached_on(d("2020-12-31")) == d("2024-01-01"));
  CHECK(age("B3").reached_on(d("2021-01-02")) == d("2024-02-01"));
  CHECK(age("B6").reached_on(d("2018-06-01")) == d("2024-06-01"));
  CHECK(age("B6").reached_on(d("2018-06-02")) == d("2024-07-01"));
  CHECK(age("BF").reached_on(d("2009-04-01")) == d("2024-04-01"));
  CHECK(age("BF").reached_on(d("2009-04-02")) == d("2024-05-01"));
  CHECK(age("BK").reached_on(d("2004-04-01")) == d("2024-04-01"));
  CHECK(age("BK").reached_on(d("2004-04-02")) == d("2024-05-01"));
  // 29 February: the 3rd birthday is 1 March 2023, so 3 is reached on 28 February.
  CHECK(age("B3").reached_on(d("2020-02-29")) == d("2023-03-01"));
  CHECK(age("B6").reached_on(d("2020-03-01")) == d("2026-03-01"));
  CHECK(age("B6").reached_on(d("2020-03-02")) == d("2026-04-01"));
}

TEST_CASE("period: AgeCode MG (未就学児) ends on the first 31 March on or after the day one reaches 6") {
  // Born 1 April: 6 is reached on 31 March, school starts the next day (早生まれ).
  CHECK(age("MG").reached_on(d("2018-04-01")) == d("2024-04-01"));
  CHECK(age("MG").reached_on(d("2018-04-02")) == d("2025-04-01"));
  CHECK(age("MG").reached_on(d("2018-03-31")) == d("2024-04-01"));
  CHECK(age("MG").reached_on(d("2018-12-25")) == d("2025-04-01"));
  CHECK(age("MG").reached_on(d("2019-01-01")) == d("2025-04-01"));
  CHECK(age("MG").reached_on(d("2020-02-29")) == d("2026-04-01"));
}

TEST_CASE("period: AgeCode rejects codes the spec does not define") {
  for (const char* code : {"ZZ", "A0", "0A", "B1", "  ", "aa", "mg"}) {
    CAPTURE(code);
    CHECK_FALSE(age(code).valid());
    try {
      (void)age(code).reached_on(d("2020-01-01"));
      FAIL("accepted ", code);
    } catch (const Exception& e) {
      CHECK(e.status() == Status::parse_error);
    }
  }
  for (const char* code : {"00", "06", "15", "AA", "AE", "B3", "B6", "BF", "BK", "MG"}) {
    CAPTURE(code);
    CHECK(age(code).valid());
  }
}

TEST_CASE("period: every day of 1600–2400, 0000 and 9999 read from YYYY-MM-DD and YYYYMMDD is std::chrono's day; no other day is") {
  // parse_iso and parse_compact count days themselves (H. Hinnant's days_from_civil): each must be
  // the std::chrono::sys_days of the same year, month and day, and refuse the days chrono refuses.
  using namespace std::chrono;
  const auto check_year = [](int y) {
    for (unsigned m = 0; m <= 13; ++m) {
      for (unsigned d = 0; d <= 32; ++d) {
        const year_month_day ymd{year{y}, month{m}, day{d}};
        const std::string iso = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        const std::optional<Date> parsed = Date::parse_iso(iso);
        const std::optional<Date> compact = Date::parse_compact(fmt::format("{:04}{:02}{:02}", y, m, d));
        if (ymd.ok()) {
          REQUIRE_MESSAGE(parsed.has_value(), iso);
          REQUIRE_MESSAGE(parsed->sys_days() == sys_days(ymd), iso);
          REQUIRE_MESSAGE(compact == parsed, iso);
          REQUIRE_MESSAGE(parsed->iso() == iso, iso);
        } else {
          REQUIRE_MESSAGE(!parsed.has_value(), iso);
          if (iso != "9999-99-99") REQUIRE_MESSAGE(!compact.has_value(), iso);
        }
      }
    }
  };
  for (int y = 1600; y <= 2400; ++y) check_year(y);
  for (int y : {0, 1, 4, 100, 400, 9996, 9999}) check_year(y);
  // from_ymd takes every year std::chrono::year holds.
  for (int y : {-32767, -401, -400, -101, -100, -5, -4, -1, 32767}) {
    for (unsigned m = 1; m <= 12; ++m) {
      const year_month_day last{year_month_day_last{year{y}, month_day_last{month{m}}}};
      CHECK(Date::from_ymd(y, m, 1).sys_days() == sys_days(year{y} / month{m} / 1));
      CHECK(Date::from_ymd(y, m, static_cast<unsigned>(last.day())).sys_days() == sys_days(last));
      CHECK_THROWS_AS((void)Date::from_ymd(y, m, static_cast<unsigned>(last.day()) + 1), Exception);
    }
  }
  CHECK_THROWS_AS((void)Date::from_ymd(-32768, 1, 1), Exception);
  CHECK_THROWS_AS((void)Date::from_ymd(32768, 1, 1), Exception);
}
