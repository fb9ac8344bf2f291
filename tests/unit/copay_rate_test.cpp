// 負担割合 and its age boundaries (copayment.md §1.1–1.2, rates.xml), on both sides of each date.
#include <doctest/doctest.h>

#include "copay/age.hpp"
#include "copay_support.hpp"

using namespace santei;
using namespace santei::test::copay;
using santei::copay::age_dates;

namespace {

Decimal rate_on(const char* month, const char* date, const char* birth, InsuranceKind kind = InsuranceKind::employee,
                std::string bracket = {}) {
  return compute_copay(outpatient(month, birth, kind, std::move(bracket)), priced({care(date, 100)})).rate;
}

const Decimal k10 = *Decimal::parse("0.1");
const Decimal k20 = *Decimal::parse("0.2");
const Decimal k30 = *Decimal::parse("0.3");

}  // namespace

TEST_CASE("就学前 ends on the first 31 March on or after the day 6 is reached (born 1 April vs 2 April)") {
  // Born 2019-04-01: reaches 6 on 2025-03-31, so 2割 ends that day.
  CHECK(age_dates(day("2019-04-01")).preschool_last == day("2025-03-31"));
  CHECK(rate_on("2025-03", "2025-03-31", "2019-04-01") == k20);
  CHECK(rate_on("2025-04", "2025-04-01", "2019-04-01") == k30);
  // Born 2019-04-02: reaches 6 on 2025-04-01, so 2割 runs to 2026-03-31.
  CHECK(age_dates(day("2019-04-02")).preschool_last == day("2026-03-31"));
  CHECK(rate_on("2025-04", "2025-04-01", "2019-04-02") == k20);
  CHECK(rate_on("2026-03", "2026-03-31", "2019-04-02") == k20);
  CHECK(rate_on("2026-04", "2026-04-01", "2019-04-02") == k30);
  // Born 29 February: the 6th birthday in a common year is 1 March, 6 is reached on 28 February.
  CHECK(age_dates(day("2016-02-29")).preschool_last == day("2022-03-31"));
}

TEST_CASE("70: from the month after the birthday month, or the birthday month when born on the 1st") {
  // Birthday 2023-01-10 → 高齢受給者 from 2023-02-01 (insurer example, copayment.md §1.2).
  CHECK(age_dates(day("1953-01-10")).from70 == day("2023-02-01"));
  CHECK(rate_on("2023-01", "2023-01-31", "1953-01-10", InsuranceKind::national, "ウ") == k30);
  CHECK(rate_on("2023-02", "2023-02-01", "1953-01-10", InsuranceKind::national, "一般") == k20);
  // Birthday 2023-01-01 → from 2023-01-01.
  CHECK(age_dates(day("1953-01-01")).from70 == day("2023-01-01"));
  CHECK(rate_on("2022-12", "2022-12-31", "1953-01-01", InsuranceKind::national, "ウ") == k30);
  // The same patient's 70歳以上 区分 is no 区分 before the switch.
  CHECK_THROWS_AS(rate_on("2022-12", "2022-12-31", "1953-01-01", InsuranceKind::national, "一般"), Exception);
  CHECK(rate_on("2023-01", "2023-01-01", "1953-01-01", InsuranceKind::national, "一般") == k20);
  // 現役並み stays 3割.
  CHECK(rate_on("2023-02", "2023-02-01", "1953-01-10", InsuranceKind::national, "現役並みⅠ") == k30);
}

TEST_CASE("70–74 特例 1割: born on or before 1944-04-01 (2019-03); born 1944-04-02 pays 2割") {
  CHECK(rate_on("2019-03", "2019-03-15", "1944-04-01", InsuranceKind::national, "一般") == k10);
  CHECK(rate_on("2019-03", "2019-03-15", "1944-04-02", InsuranceKind::national, "一般") == k20);
  CHECK(rate_on("2019-03", "2019-03-15", "1944-04-01", InsuranceKind::national, "現役並みⅠ") == k30);
}

TEST_CASE("75: 後期高齢者医療 from the 75th birthday itself; the 到達月 halves the limits unless born on the 1st") {
  const auto dates = age_dates(day("1951-03-15"));
  CHECK(dates.birthday75 == day("2026-03-15"));
  CHECK(dates.halves_in(*YearMonth::parse("2026-03")));
  CHECK_FALSE(dates.halves_in(*YearMonth::parse("2026-04")));
  CHECK_FALSE(age_dates(day("1951-03-01")).halves_in(*YearMonth::parse("2026-03")));
  // A 国保 claim may not carry a visit on or after the 75th birthday.
  Claim c = outpatient("2026-03", "1951-03-15", InsuranceKind::national, "一般");
  CHECK(compute_copay(c, priced({care("2026-03-14", 100)})).rate == k20);
  try {
    (void)compute_copay(c, priced({care("2026-03-15", 100)}));
    FAIL("no error");
  } catch (const Exception& e) {
    CHECK(e.status() == Status::claim_error);
    CHECK(e.info().field == "insurance.kind");
  }
}

TEST_CASE("後期 一般Ⅱ 2割: a 区分 from 2022-10-01; on 2022-09-30 it does not exist") {
  CHECK(rate_on("2022-10", "2022-10-01", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ") == k20);
  CHECK(rate_on("2022-10", "2022-10-01", "1945-06-10", InsuranceKind::elderly, "一般") == k10);
  CHECK(rate_on("2022-10", "2022-10-01", "1945-06-10", InsuranceKind::elderly, "一般Ⅰ") == k10);
  CHECK(rate_on("2022-09", "2022-09-30", "1945-06-10", InsuranceKind::elderly, "一般") == k10);
  try {
    (void)rate_on("2022-09", "2022-09-30", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ");
    FAIL("no error");
  } catch (const Exception& e) {
    CHECK(e.info().field == "insurance.income_bracket");
    CHECK(e.info().message.find("'一般Ⅱ' is not a 区分 of 後期高齢者医療 on 2022-09-30") != std::string::npos);
  }
  CHECK(rate_on("2022-10", "2022-10-01", "1945-06-10", InsuranceKind::elderly, "現役並みⅡ") == k30);
}

TEST_CASE("insurance.rate overrides the derived rate; 70+ without rate or 区分 is an error, not a guess") {
  Claim c = outpatient("2026-03", "1986-01-01");
  c.insurance.rate = *Decimal::parse("0.1");
  CHECK(compute_copay(c, priced({care("2026-03-10", 1000)})).patient_yen.value == 1000);
  Claim old = outpatient("2026-03", "1954-01-10", InsuranceKind::national);
  try {
    (void)compute_copay(old, priced({care("2026-03-10", 1000)}));
    FAIL("no error");
  } catch (const Exception& e) {
    CHECK(e.status() == Status::claim_error);
    CHECK(e.info().field == "insurance.income_bracket");
  }
  old.insurance.rate = k20;  // rate from the 高齢受給者証, 区分 unknown: no limit at the window
  CHECK(compute_copay(old, priced({care("2026-03-10", 20000)})).patient_yen.value == 40000);
}
