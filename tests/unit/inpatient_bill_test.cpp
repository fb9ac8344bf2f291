// The inpatient bill (copayment.md §2.3): per 請求期間 (the discharge, interim bills, the month end)
// 10円 rounding and the month's 高額療養費 limit applied to what earlier bills collected; meals
// outside the limit and the rounding. Real claims priced on the r06 masters, then the copay engine.
#include <doctest/doctest.h>

#include "inpatient_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

InpatientSpec june_stay(const std::string& more, const std::string& insurance = R"({"kind":"employee"})") {
  InpatientSpec spec;
  spec.insurance = insurance;
  spec.admission = R"({"admitted":"2024-06-01","fee":"190117710",)" + more + "}";
  return spec;
}

std::string meals_on(const std::string& from, const std::string& to) {
  return R"("meals":{"code":"197000110","days":[)" + meal_days(from, to, kThreeMeals) + "]}";
}

}  // namespace

TEST_CASE("区分ウ 2024-06: discharged on the 14th, readmitted on the 20th: the discharge bill 85,430 and the month-end bill 2,068 "
          "add up to the month's limit 87,498; meals on top of each") {
  // First stay: 入院料 14 × 2,138 = 29,932 + 血液型加算 + 稗粒腫摘除（１０箇所未満） + 気管形成手術 = 80,000点.
  // Second stay (a 通算 readmission: 入院期間 15–25, the days out not counted [unverified]): 11 × 1,880 = 20,680点.
  InpatientSpec spec = june_stay(R"("stays":[{"from":"2024-06-01","to":"2024-06-14"},{"from":"2024-06-20"}],)" +
                                     std::string(R"("meals":{"code":"197000110","days":[)") +
                                     meal_days("2024-06-01", "2024-06-14", kThreeMeals) + "," +
                                     meal_days("2024-06-20", "2024-06-30", kThreeMeals) + "]}",
                                 R"({"kind":"employee","income_bracket":"ウ"})");
  spec.visits = "[" + visit("2024-06-05", order("50", {"150225310"}) + "," + order("40", {"140053410"}) + "," +
                                              order("50", {"150109810"})) + "]";
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 100680);
  const auto fee = lines_of(priced, 190117710);
  REQUIRE(fee.size() == 2);
  CHECK(fee[0]->day_mask == days(1, 14));
  CHECK(fee[1]->day_mask == days(20, 30));
  CHECK(codes_of(*fee[1]) == std::vector<Code>{190117710, 190079670});
  CHECK(priced.visit_days == 25);

  const CopayResult& c = *priced.copay;
  REQUIRE(c.daily.size() == 2);
  CHECK(c.daily[0].date == day("2024-06-14"));  // the discharge bill
  CHECK(c.daily[0].points == 80000);
  // 800,000円 × 3割 = 240,000 → limit 80,100 + (800,000 − 267,000) × 1% = 85,430, to the yen.
  CHECK(c.daily[0].patient_yen.value == 85430 + 42 * 490);
  CHECK(c.daily[0].meals_patient_yen.value == 42 * 490);
  CHECK(c.daily[0].limit == "高額療養費");
  CHECK(c.daily[1].date == day("2024-06-30"));  // the month-end bill
  CHECK(c.daily[1].points == 20680);
  // The month: 1,006,800円 → limit 80,100 + 7,398 = 87,498; 85,430 already collected.
  CHECK(c.daily[1].patient_yen.value == 2068 + 33 * 490);
  CHECK(c.daily[0].patient_yen.value - c.daily[0].meals_patient_yen.value + c.daily[1].patient_yen.value -
            c.daily[1].meals_patient_yen.value ==
        87498);
  CHECK(c.patient_yen.value == 87498 + 75 * 490);
  CHECK(c.meals_patient_yen.value == 75 * 490);
  CHECK(c.insurer_claim_yen.value == 1006800 - 87498 + 75 * (670 - 490));
}

TEST_CASE("2024-06, no 区分 known: an interim bill on the 15th splits the 15–30日 band by day; each bill is rounded to 10円") {
  InpatientSpec spec = june_stay(R"("bill_dates":["2024-06-15"],)" + meals_on("2024-06-01", "2024-06-30"));
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 60012);
  const CopayResult& c = *priced.copay;
  REQUIRE(c.daily.size() == 2);
  CHECK(c.daily[0].date == day("2024-06-15"));
  CHECK(c.daily[0].points == 14 * 2138 + 1880);
  CHECK(c.daily[0].patient_yen.value == 95440 + 45 * 490);  // 318,120 × 0.3 = 95,436 → 95,440
  CHECK(c.daily[1].points == 15 * 1880);
  CHECK(c.daily[1].patient_yen.value == 84600 + 45 * 490);  // 282,000 × 0.3 = 84,600
  CHECK(c.meals_patient_yen.value == 44100);
}

TEST_CASE("区分ウ 2024-06: an interim bill on the 15th: 80,611 then 2,820 = the month's 83,431; the meals stay outside the limit") {
  InpatientSpec spec = june_stay(R"("bill_dates":["2024-06-15"],)" + meals_on("2024-06-01", "2024-06-30"),
                                 R"({"kind":"employee","income_bracket":"ウ"})");
  const CopayResult c = *price_inpatient(spec, true).copay;
  REQUIRE(c.daily.size() == 2);
  // Bill 1: 318,120円, 3割 95,436 > 80,100 + (318,120 − 267,000) × 1% = 80,611.
  CHECK(c.daily[0].patient_yen.value == 80611 + 22050);
  // Bill 2: the month's 600,120円 → 83,431; 80,611 collected.
  CHECK(c.daily[1].patient_yen.value == 2820 + 22050);
  CHECK(c.patient_yen.value == 83431 + 44100);
}

TEST_CASE("区分ウ 2024-06: the month-end bill alone equals the two bills together (83,431 + meals)") {
  const CopayResult one = *price_inpatient(june_stay(meals_on("2024-06-01", "2024-06-30"),
                                                     R"({"kind":"employee","income_bracket":"ウ"})"),
                                           true)
                               .copay;
  REQUIRE(one.daily.size() == 1);
  CHECK(one.patient_yen.value == 83431 + 44100);
}

TEST_CASE("compute_copay reads a daily line per day: 2,138点 × 14 on days 1–14 with a bill on the 7th splits 7 + 7; a count that is not a multiple of its days is an error") {
  Claim claim;
  claim.month = *YearMonth::parse("2024-06");
  claim.setting = Setting::inpatient;
  claim.patient.birth_date = day("1980-01-01");
  claim.admission = Admission{};
  claim.admission->admitted = day("2024-06-01");
  claim.admission->bill_dates = {day("2024-06-07")};
  PricedClaim priced;
  PricedLine line;
  line.date = day("2024-06-01");
  line.category = 90;
  line.points = Points{2138};
  line.count = 14;
  line.day_mask = days(1, 14);
  priced.lines = {line};
  const CopayResult c = compute_copay(claim, priced);
  REQUIRE(c.daily.size() == 2);
  CHECK(c.daily[0].date == day("2024-06-07"));
  CHECK(c.daily[0].points == 7 * 2138);
  CHECK(c.daily[0].patient_yen.value == 44900);  // 149,660 × 0.3 = 44,898 → 44,900
  CHECK(c.daily[1].date == day("2024-06-14"));
  CHECK(c.daily[1].points == 7 * 2138);

  priced.lines[0].count = 15;
  try {
    (void)compute_copay(claim, priced);
    FAIL("no error");
  } catch (const Exception& e) {
    CHECK(e.info().field == "lines[0].count");
  }
}
