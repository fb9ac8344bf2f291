// The worked inpatient examples of ../shared/docs/fee-rules.md (E19) and copayment.md (Ex 4, 5, 6,
// 14, 15, 16) as real claims: the 入院料 by day and the meals priced on the real r06 masters (with
// the r06 update files for 2025–2026), the bill by the copay engine. Where an example gives only a
// points total, real procedures of the r06 医科診療行為マスター fill the rest of it (named per test).
#include <doctest/doctest.h>

#include "inpatient_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

// One order of codes on `date` in 負担区分 `burden` ("" = every payer).
std::string care_visit(const std::string& date, std::initializer_list<std::string> codes, const std::string& burden = "") {
  std::string orders;
  for (const std::string& code : codes) {
    if (!orders.empty()) orders += ",";
    orders += order(code.substr(0, 2) == "14" ? "40" : "50", {code}, burden.empty() ? "" : R"("burden":")" + burden + "\",");
  }
  return visit(date, orders);
}

// 急性期一般入院料１ from the 1st of `month` to `last` (or the month end), meals 朝昼夕 every day.
InpatientSpec general_ward(const std::string& month, const std::string& last = "", bool meals = true,
                           const std::string& burden = "") {
  InpatientSpec spec;
  spec.month = month;
  spec.admission = R"({"admitted":")" + month + R"(-01","fee":"190117710")";
  if (!last.empty()) spec.admission += R"(,"discharged":")" + last + "\"";
  if (!burden.empty()) spec.admission += R"(,"burden":")" + burden + "\"";
  if (meals) {
    spec.admission += R"(,"meals":{"code":"197000110","days":[)" + meal_days(month + "-01", last.empty() ? month + "-30" : last, kThreeMeals) + "]}";
  }
  spec.admission += "}";
  return spec;
}

}  // namespace

TEST_CASE("E19 r06 2024-06: 急性期一般入院料１ whole June = 14 × 2,138 + 16 × 1,880 = 60,012点; meals 60,300円, 標準負担額 44,100円") {
  InpatientSpec spec = general_ward("2024-06");
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 60012);
  CHECK(priced.categories[90].value == 60012);
  CHECK(priced.visit_days == 30);

  const auto fee = lines_of(priced, 190117710);
  REQUIRE(fee.size() == 2);
  CHECK(codes_of(*fee[0]) == std::vector<Code>{190117710, 190079470});  // unit (190117710, 190079470)
  CHECK(fee[0]->points.value == 2138);
  CHECK(fee[0]->count == 14);
  CHECK(fee[0]->day_mask == days(1, 14));
  CHECK(fee[0]->category == 90);
  CHECK(codes_of(*fee[1]) == std::vector<Code>{190117710, 190079670});
  CHECK(fee[1]->points.value == 1880);
  CHECK(fee[1]->count == 16);
  CHECK(fee[1]->day_mask == days(15, 30));
  CHECK(fee[1]->date == day("2024-06-15"));

  const auto meals = lines_of(priced, 197000110);  // 670円 × 3 meals a day, by きざみ in 食 units
  REQUIRE(meals.size() == 1);
  CHECK(meals[0]->category == 97);
  CHECK(meals[0]->yen.value == 2010);
  CHECK(meals[0]->count == 30);
  CHECK(*meals[0]->items[0].quantity == Decimal(3));
  CHECK(yen_total(priced, 97) == 60300);

  REQUIRE(priced.copay);
  CHECK(priced.copay->meals_yen.value == 60300);
  CHECK(priced.copay->meals_patient_yen.value == 44100);  // 490円 × 90 (meals.xml from 2024-06-01)
  CHECK(priced.copay->meals_insurer_yen.value == 16200);
  CHECK(priced.copay->care_cost.value == 600120);
  // No 区分 known: the full 3割 of the care, rounded to 10円 for the bill, plus the meals.
  CHECK(priced.copay->patient_yen.value == 180040 + 44100);

  SUBCASE("区分ウ: the month-end bill stops at 80,100 + (600,120 − 267,000) × 1% = 83,431") {
    spec.insurance = R"({"kind":"employee","income_bracket":"ウ"})";
    const PricedClaim capped = price_inpatient(spec, true);
    CHECK(capped.copay->patient_yen.value == 83431 + 44100);
    CHECK(capped.copay->insurer_claim_yen.value == 600120 - 83431 + 16200);
  }
}

TEST_CASE("E19 explanation: the day lines name their 入院期間 and the 入院期間加算 band (A100 注3)") {
  const PricedClaim priced = price_inpatient(general_ward("2024-06", "", false));
  const PricedLine& first = *lines_of(priced, 190117710)[0];
  const MasterSet& set = r06();
  REQUIRE(first.explain.size() >= 3);
  CHECK(explain_text(first.explain[0], set, first.date) == "190117710 急性期一般入院料１: 14 days, 入院期間 day 1–14 (day 1 = 入院年月日)");
  const std::string period = explain_text(first.explain[2], set, first.date);
  CHECK(period.find("+ 190079470") == 0);
  CHECK(period.find("450点 for 入院期間 day 1–14") != std::string::npos);
  CHECK(period.find("A100 注3") != std::string::npos);
}

TEST_CASE("copayment Ex 4 2026-04: under 70 区分ウ, 100,000点 inpatient + 90 meals: window 87,430 + 45,900 = 133,330") {
  // 入院料 60,012 + 稗粒腫摘除（１０箇所以上） 148 + 睫毛電気分解術 + 腹腔鏡下膀胱内手術 = 100,000点.
  InpatientSpec spec = general_ward("2026-04");
  spec.birth_date = "1976-05-01";
  spec.insurance = R"({"kind":"employee","income_bracket":"ウ"})";
  spec.visits = "[" + care_visit("2026-04-02", {"140053510", "150077910", "150365310"}) + "]";
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 100000);
  CHECK(lines_of(priced, 197000110)[0]->yen.value == 3 * 690);  // 入院時食事療養（Ⅰ） 690円 from 2025-04-01 (s update 2025-03-07)
  const CopayResult& c = *priced.copay;
  CHECK(c.care_cost.value == 1000000);
  CHECK(c.meals_yen.value == 62100);
  CHECK(c.meals_patient_yen.value == 45900);   // 510円 × 90
  CHECK(c.meals_insurer_yen.value == 16200);   // (690 − 510) × 90
  CHECK(c.patient_yen.value == 133330);
  CHECK(c.insurer_claim_yen.value == 912570 + 16200);
  REQUIRE(c.daily.size() == 1);
  CHECK(c.daily[0].limit == "高額療養費");
}

TEST_CASE("copayment Ex 5 2026-04: the same stay with 多数回該当: window 44,400 + 45,900 = 90,300, insurer 955,600 for care") {
  InpatientSpec spec = general_ward("2026-04");
  spec.birth_date = "1976-05-01";
  spec.insurance = R"({"kind":"employee","income_bracket":"ウ","many_times":true})";
  spec.visits = "[" + care_visit("2026-04-02", {"140053510", "150077910", "150365310"}) + "]";
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 100000);
  CHECK(priced.copay->patient_yen.value == 90300);
  CHECK(priced.copay->insurer_claim_yen.value == 955600 + 16200);
}

TEST_CASE("copayment Ex 6 2026-03: 70+ 現役並みⅢ, 99,260点 inpatient: 254,106 to the yen, insurer 738,494") {
  // 入院料 for 31 days = 29,932 + 30,080 + 1,688 = 61,700; 子宮腟部焼灼法 + 腹腔鏡下小腸切除術（複雑） = 37,560.
  InpatientSpec spec = general_ward("2026-03", "", false);
  spec.birth_date = "1954-01-10";
  spec.insurance = R"({"kind":"employee","income_bracket":"現役並みⅢ"})";
  spec.visits = "[" + care_visit("2026-03-03", {"140016210", "150363710"}) + "]";
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 99260);
  const auto fee = lines_of(priced, 190117710);
  REQUIRE(fee.size() == 3);
  CHECK(codes_of(*fee[2]) == std::vector<Code>{190117710});  // day 31: no 入院期間加算
  CHECK(fee[2]->day_mask == days(31, 31));
  CHECK(priced.copay->patient_yen.value == 254106);
  CHECK(priced.copay->insurer_claim_yen.value == 738494);
}

TEST_CASE("copayment Ex 14 2026-03: 70+ 一般 inpatient, 難病 54 cap 10,000, 41,300点: patient 10,000, 54 pays 47,600") {
  // 10 days of 入院料 = 21,380; 救命のための気管内挿管 + 複合組織移植術 = 19,920.
  InpatientSpec spec = general_ward("2026-03", "2026-03-10", false);
  spec.birth_date = "1954-01-10";
  spec.insurance = R"({"kind":"national","income_bracket":"一般"})";
  spec.public_expenses = R"([{"law":"54","monthly_cap_yen":10000}])";
  spec.visits = "[" + care_visit("2026-03-02", {"140009010", "150009110"}) + "]";
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 41300);
  CHECK(priced.copay->insurer_claim_yen.value == 355400);
  CHECK(priced.copay->patient_yen.value == 10000);
  CHECK(priced.copay->public_expenses[0].yen.value == 47600);
}

TEST_CASE("copayment Ex 15 2026-03: under 70 区分ア, 結核 10 group + insurance-only group") {
  // Group 1 (医保 only): 31 days of 入院料 61,700 + 気管支カテーテル薬液注入法 + 醸膿胸膜、胸膜胼胝切除術 = 95,000.
  InpatientSpec spec = general_ward("2026-03", "", false, "1");
  spec.insurance = R"({"kind":"employee","income_bracket":"ア"})";
  spec.public_expenses = R"([{"law":"10"}])";
  const std::string group1 = care_visit("2026-03-04", {"140005410", "150126710"}, "1");
  SUBCASE("(a) 85,000点 in group 2 (アデノイド切除術 + 肺動脈狭窄症手術): patient 262,180, 公費 43,430, insurer 1,494,390") {
    spec.visits = "[" + group1 + "," + care_visit("2026-03-05", {"150103310", "150142910"}, "2") + "]";
    const PricedClaim priced = price_inpatient(spec, true);
    CHECK(priced.total.value == 180000);
    CHECK(priced.copay->patient_yen.value == 262180);
    CHECK(priced.copay->public_expenses[0].yen.value == 43430);
    CHECK(priced.copay->insurer_claim_yen.value == 1494390);
  }
  SUBCASE("(b) 5,000点 in group 2 (上腕動脈表在化法): copay 15,000 < 21,000, not combined: patient 256,180, insurer 731,320") {
    spec.visits = "[" + group1 + "," + care_visit("2026-03-05", {"150306550"}, "2") + "]";
    const PricedClaim priced = price_inpatient(spec, true);
    CHECK(priced.total.value == 100000);
    CHECK(priced.copay->patient_yen.value == 256180);
    CHECK(priced.copay->public_expenses[0].yen.value == 12500);
    CHECK(priced.copay->insurer_claim_yen.value == 731320);
  }
}

TEST_CASE("copayment Ex 16 2026-03: under 70 区分エ, 更生医療 15 cap 5,000 (10,000点) + insurance-only 20,000点: patient 57,600") {
  // Group 1: 7 days of 入院料 = 14,966 + 血液型加算 54 + 鼻前庭嚢胞摘出術 4,980 = 20,000; group 2: 全層植皮術 10,000.
  InpatientSpec spec = general_ward("2026-03", "2026-03-07", false, "1");
  spec.insurance = R"({"kind":"employee","income_bracket":"エ"})";
  spec.public_expenses = R"([{"law":"15","monthly_cap_yen":5000}])";
  spec.visits = "[" + care_visit("2026-03-02", {"150225310", "150098710"}, "1") + "," +
                care_visit("2026-03-03", {"150333710"}, "2") + "]";
  const PricedClaim priced = price_inpatient(spec, true);
  CHECK(priced.total.value == 30000);
  CHECK(priced.copay->patient_yen.value == 57600);
  CHECK(priced.copay->public_expenses[0].yen.value == 25000);
  CHECK(priced.copay->insurer_claim_yen.value == 217400);
}
