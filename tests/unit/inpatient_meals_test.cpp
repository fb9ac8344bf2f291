// 入院時食事療養 (診療識別 97) on the real r06 masters: yen by きざみ in 食 units (670円 a meal from
// 2024-06-01, 640円 before, 690円 from 2025-04-01), 特別食加算 76円 a meal, 食堂加算 50円 a day, and the
// patient's 標準負担額 from copay's meals.xml with the insurer paying the rest.
#include <doctest/doctest.h>

#include "inpatient_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

InpatientSpec with_meals(const std::string& meals, const std::string& month = "2024-06") {
  InpatientSpec spec;
  spec.month = month;
  spec.admission = R"({"admitted":")" + month + R"(-03","discharged":")" + month + R"(-07","fee":"190117710","meals":)" + meals + "}";
  return spec;
}

const std::string kLunchDinner = R"("lunch","dinner")";

}  // namespace

TEST_CASE("r06 2024-06: meals 2 on the admission day, 3 a day, 1 on discharge: one line per number of meals, 670円 each") {
  const std::string meals = R"({"code":"197000110","days":[)" + meal_days("2024-06-03", "2024-06-03", kLunchDinner) + "," +
                            meal_days("2024-06-04", "2024-06-06", kThreeMeals) + "," +
                            meal_days("2024-06-07", "2024-06-07", R"("breakfast")") + "]}";
  const PricedClaim priced = price_inpatient(with_meals(meals), true);
  const auto lines = lines_of(priced, 197000110);
  REQUIRE(lines.size() == 3);
  CHECK(lines[2]->day_mask == days(7, 7));  // lines in date order: the 1-meal line is dated the 7th
  CHECK(lines[2]->yen.value == 670);
  CHECK(lines[2]->date == day("2024-06-07"));
  const PricedLine* two = nullptr;
  const PricedLine* three = nullptr;
  for (const PricedLine* line : lines) {
    if (line->day_mask == days(3, 3)) two = line;
    if (line->day_mask == days(4, 6)) three = line;
  }
  REQUIRE(two);
  REQUIRE(three);
  CHECK(two->yen.value == 1340);
  CHECK(*two->items[0].quantity == Decimal(2));
  CHECK(three->yen.value == 2010);
  CHECK(three->count == 3);
  CHECK(yen_total(priced, 97) == 670 * 12);
  CHECK(priced.copay->meals_patient_yen.value == 490 * 12);
  CHECK(priced.copay->meals_insurer_yen.value == 180 * 12);
  CHECK(priced.total.value == 5 * 2138);  // meals are yen, not points
}

TEST_CASE("r06 2024-06: 特別食加算 76円 per 特別食 and 食堂加算 50円 a day with 食事療養（Ⅰ）; the 標準負担額 counts meals, not additions") {
  const std::string meals = R"({"code":"197000110","dining_room":true,"days":[)" +
                            meal_days("2024-06-03", "2024-06-07", kThreeMeals, R"("lunch","dinner")") + "]}";
  const PricedClaim priced = price_inpatient(with_meals(meals), true);
  const auto special = lines_of(priced, 197000470);
  REQUIRE(special.size() == 1);
  CHECK(special[0]->yen.value == 152);
  CHECK(special[0]->count == 5);
  const auto dining = lines_of(priced, 197000570);
  REQUIRE(dining.size() == 1);
  CHECK(dining[0]->yen.value == 50);
  CHECK(dining[0]->count == 5);
  CHECK(yen_total(priced, 97) == 5 * (2010 + 152 + 50));
  CHECK(priced.copay->meals_yen.value == 11060);
  CHECK(priced.copay->meals_patient_yen.value == 15 * 490);
  CHECK(priced.copay->meals_insurer_yen.value == 11060 - 7350);
}

TEST_CASE("r06 2024-06: 食事療養（Ⅱ） 536円 allows neither 特別食加算 nor 食堂加算 (errors, not billed)") {
  const std::string meals = R"({"code":"197000710","dining_room":true,"days":[)" +
                            meal_days("2024-06-03", "2024-06-07", kThreeMeals, R"("lunch")") + "]}";
  const PricedClaim priced = price_inpatient(with_meals(meals));
  CHECK(yen_total(priced, 97) == 5 * 3 * 536);
  CHECK_FALSE(billed(priced, 197000470));
  CHECK_FALSE(billed(priced, 197000570));
  CHECK(has_diagnostic(priced, "食事療養/特別食加算"));
  CHECK(has_diagnostic(priced, "食事療養/食堂加算"));
}

TEST_CASE("r06: 食事療養（Ⅰ） needs its 届出 (施設基準 642): without it no meal is billed") {
  InpatientSpec spec = with_meals(R"({"code":"197000110","days":[)" + meal_days("2024-06-03", "2024-06-07", kThreeMeals) + "]}");
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[3525]})";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(yen_total(priced, 97) == 0);
  CHECK(has_diagnostic(priced, "施設基準"));
}

TEST_CASE("meal amounts by date: 640円 in r04 2024-05, 670円 from 2024-06-01, 690円 from 2025-04-01 (s update)") {
  const auto meal_yen = [](const std::string& month) {
    const PricedClaim priced = price_inpatient(
        with_meals(R"({"code":"197000110","days":[)" + meal_days(month + "-03", month + "-03", R"("breakfast")") + "]}", month));
    return lines_of(priced, 197000110).at(0)->yen.value;
  };
  CHECK(meal_yen("2024-05") == 640);
  CHECK(meal_yen("2024-06") == 670);
  CHECK(meal_yen("2025-03") == 670);
  CHECK(meal_yen("2025-04") == 690);
}

TEST_CASE("meals on a day out of hospital or on a 外泊 day are a claim error naming admission.meals.days[i]") {
  InpatientSpec spec = with_meals(R"({"code":"197000110","days":[)" + meal_days("2024-06-06", "2024-06-09", kThreeMeals) + "]}");
  try {
    (void)price_inpatient(spec);
    FAIL("priced");
  } catch (const Exception& e) {
    CHECK(e.info().field == "admission.meals.days[0]");
    CHECK(e.info().message.find("2024-06-08") != std::string::npos);
  }
}
