// 食事療養標準負担額 (meals.xml, copayment.md §5.1): per meal, outside 高額療養費 and rounding.
#include <doctest/doctest.h>

#include "copay_support.hpp"

using namespace santei;
using namespace santei::test::copay;

namespace {

// One day in hospital: 1,000点 of care and 3 meals of 690円.
CopayResult one_day(Claim c, const char* date, std::vector<PublicExpense> payers = {}) {
  c.public_expenses = std::move(payers);
  return compute_copay(c, priced({care(date, 1000), meal(date, 690, 3)}));
}

}  // namespace

TEST_CASE("一般 標準負担額: 460 until 2024-05-31, 490 from 2024-06-01, 510 from 2025-04-01") {
  CHECK(one_day(inpatient("2024-05", k40), "2024-05-31").meals_patient_yen.value == 3 * 460);
  CHECK(one_day(inpatient("2024-06", k40), "2024-06-01").meals_patient_yen.value == 3 * 490);
  CHECK(one_day(inpatient("2025-03", k40), "2025-03-31").meals_patient_yen.value == 3 * 490);
  CHECK(one_day(inpatient("2025-04", k40), "2025-04-01").meals_patient_yen.value == 3 * 510);
}

TEST_CASE("meals are outside the 10円 rounding and 高額療養費: 3,000 care + 1,530 meals, insurer 7,000 + 540") {
  const CopayResult r = one_day(inpatient("2026-03", k40), "2026-03-02");
  CHECK(r.patient_yen.value == 3000 + 1530);
  CHECK(r.daily[0].meals_patient_yen.value == 1530);
  CHECK(r.meals_yen.value == 2070);
  CHECK(r.medical_cost.value == 12070);
  CHECK(r.insurer_claim_yen.value == 7000 + 540);
  CHECK(adds_up(r));
}

TEST_CASE("low income 標準負担額 2026-03: オ 240, 長期該当 190, 70+ 低所得Ⅰ 110") {
  CHECK(one_day(inpatient("2026-03", k40, InsuranceKind::employee, "オ"), "2026-03-02").meals_patient_yen.value == 720);
  Claim long_stay = inpatient("2026-03", k40, InsuranceKind::employee, "オ");
  long_stay.insurance.meal_long_stay = true;
  CHECK(one_day(long_stay, "2026-03-02").meals_patient_yen.value == 570);
  CHECK(one_day(inpatient("2026-03", "1954-01-10", InsuranceKind::national, "低所得Ⅰ"), "2026-03-02").meals_patient_yen.value == 330);
}

TEST_CASE("公費 meal rules 2026-03: 54 pays none (reduced 300), 52 pays half (150), 12 covers it, 15 does not") {
  const Claim c = inpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  const CopayResult nanbyo = one_day(c, "2026-03-02", {kouhi("54", 10000)});
  CHECK(nanbyo.meals_patient_yen.value == 900);
  CHECK(nanbyo.public_expenses[0].meal_yen.value == 0);
  const CopayResult shoman = one_day(inpatient("2026-03", "2016-06-01", InsuranceKind::employee, "ウ"), "2026-03-02", {kouhi("52", 5000)});
  CHECK(shoman.meals_patient_yen.value == 450);
  CHECK(shoman.public_expenses[0].meal_yen.value == 450);
  const CopayResult welfare = one_day(c, "2026-03-02", {kouhi("12")});
  CHECK(welfare.meals_patient_yen.value == 0);
  CHECK(welfare.public_expenses[0].meal_yen.value == 1530);
  const CopayResult kosei = one_day(c, "2026-03-02", {kouhi("15", 5000)});
  CHECK(kosei.meals_patient_yen.value == 1530);
  CHECK(adds_up(nanbyo));
  CHECK(adds_up(shoman));
  CHECK(adds_up(welfare));
}

TEST_CASE("公費単独 12: the programme pays the whole meal cost (no insurer)") {
  Claim c = inpatient("2026-03", k40, InsuranceKind::none);
  const CopayResult r = one_day(c, "2026-03-02", {kouhi("12")});
  CHECK(r.public_expenses[0].meal_yen.value == 2070);
  CHECK(r.insurer_yen.value == 0);
  CHECK(r.patient_yen.value == 0);
  CHECK(adds_up(r));
}

TEST_CASE("a local subsidy with meals must say who pays them; with meals covered the patient pays none") {
  Claim c = inpatient("2026-03", "2016-06-01", InsuranceKind::employee, "ウ");
  PublicExpense local = kouhi("83");
  local.rate = Decimal(0);
  try {
    (void)one_day(c, "2026-03-02", {local});
    FAIL("no error");
  } catch (const Exception& e) {
    CHECK(e.info().field == "public_expenses[0].meals");
  }
  local.meals = "covered";
  CHECK(one_day(c, "2026-03-02", {local}).patient_yen.value == 0);
}

TEST_CASE("meals per day: at most 3; a 特別食加算 line of the same date does not add meals") {
  Claim c = inpatient("2026-03", k40);
  const CopayResult r = compute_copay(c, priced({care("2026-03-02", 1000), meal("2026-03-02", 690, 4), meal("2026-03-02", 76, 3)}));
  CHECK(r.meals_yen.value == 4 * 690 + 3 * 76);
  CHECK(r.meals_patient_yen.value == 3 * 510);
}

TEST_CASE("標準負担額 before 2018-04-01 and from 2026-06-01 are unknown [unverified]: a rule_error naming meals.xml") {
  for (const char* month : {"2017-05", "2026-06"}) {
    CAPTURE(month);
    Claim c = inpatient(month, k40);
    const std::string date = std::string(month) + "-02";
    try {
      (void)compute_copay(c, priced({care(date.c_str(), 1000), meal(date.c_str(), 690, 3)}));
      FAIL("no error");
    } catch (const Exception& e) {
      CHECK(e.status() == Status::rule_error);
      CHECK(e.info().file == "masters/rules/meals.xml");
      CHECK(e.info().field == "standard_charge");
    }
    // Without meals the same claim prices.
    CHECK(compute_copay(c, priced({care(date.c_str(), 1000)})).patient_yen.value == 3000);
  }
}
