// 入院時食事療養 (診療識別 97) on the real r06 masters: yen by きざみ in 食 units (670円 a meal from
// 2024-06-01, 640円 before, 690円 from 2025-04-01), 特別食加算 76円 a meal, 食堂加算 50円 a day, and the
// patient's 標準負担額 from copay's meals.xml with the insurer paying the rest.
#include <doctest/doctest.h>

#include <algorithm>

#include "inpatient_support.hpp"
#include "santei/uke.hpp"
#include "uke_support.hpp"

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

// An SI record of one 算定単位 as the writer puts it (44 fields): 診療識別, 負担区分 1 (医保 alone),
// code, 数量, 点数 (金額 for 97), 回数, no comments, the count on each listed day.
std::string si_record(Code code, const char* quantity, std::int64_t amount, int count, unsigned first, unsigned last) {
  std::string out = fmt::format("SI,97,1,{},{},{},{},,,,,,", code, quantity, amount, count);
  for (unsigned d = 1; d <= 31; ++d) out += (d >= first && d <= last) ? ",1" : ",";
  return out;
}

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

TEST_CASE("UKE 食事療養 (診療識別 97) written and read back: 金額 in the 点数 field, HO 8–9 meals and yen") {
  // 2024-06-03…07: lunch and dinner on the 3rd, three meals the 4th–6th (dinner a 特別食), breakfast
  // on the 7th, a 食堂 — 食事療養（Ⅰ） 670円 a meal (r06 s master 197000110, きざみ 数量 = the day's
  // meals), 特別食加算 76円 a meal (197000470), 食堂加算 50円 a day (197000570).
  const std::string meals = R"({"code":"197000110","dining_room":true,"days":[)" +
                            meal_days("2024-06-03", "2024-06-03", kLunchDinner) + "," +
                            meal_days("2024-06-04", "2024-06-06", kThreeMeals, R"("dinner")") + "," +
                            meal_days("2024-06-07", "2024-06-07", R"("breakfast")") + "]}";
  Claim claim = parse_claim(inpatient_json(with_meals(meals)));
  claim.patient.sex = Sex::female;
  const PricedClaim priced = price(claim, real_library(), PricingOptions{});
  const UkeReceiptInput input{&claim, &priced, nullptr};
  UkeFacility facility;
  facility.billing_month = YearMonth{2024, 7};
  const std::string bytes = write_uke(facility, std::span(&input, 1));

  // As the SSK sample writes 197000110 ×2 (1280 = 640×2 in 2020): 数量 = meals, 点数 = 金額.
  const std::vector<std::string> lines = utf8_lines(bytes);
  const auto has = [&](const std::string& record) {
    INFO(record);
    CHECK(std::count(lines.begin(), lines.end(), record) == 1);
  };
  has(si_record(197000110, "2", 670 * 2, 1, 3, 3));
  has(si_record(197000110, "3", 670 * 3, 3, 4, 6));
  has(si_record(197000110, "1", 670, 1, 7, 7));
  has(si_record(197000470, "1", 76, 3, 4, 6));
  has(si_record(197000570, "", 50, 5, 3, 7));

  const UkeFile file = read_uke(bytes, "meals.uke");
  for (const ErrorInfo& e : file.errors) FAIL_CHECK(e.to_string());
  REQUIRE(file.receipts.size() == 1);
  const UkeReceipt& r = file.receipts[0];
  for (const UkeFinding& f : r.findings) FAIL_CHECK(f.message);
  REQUIRE(r.insurer);
  // HO 8 回数 = the meals of the meal fee: 2 + 3×3 + 1 = 12 (not the 3 特別食, which are additions);
  // HO 9 合計金額 = 670×12 + 76×3 + 50×5 = 8,040 + 228 + 250 = 8,518円.
  CHECK(r.insurer->meals == 12);
  CHECK(r.insurer->meals_yen == Yen{8518});
  // HO 6 合計点数 is the 入院料's points alone (5 days × 2,138点, as the first case above): the
  // yen of the 97 units is not counted into it, neither by the writer nor by the reader.
  CHECK(r.insurer->total == Points{5 * 2138});
  CHECK(r.unit_total(0) == Points{5 * 2138});
  // The 97 units read back with their 金額, 回数 and days.
  std::int64_t yen = 0;
  int units = 0;
  for (const UkeUnit& u : r.units) {
    if (u.category != 97) continue;
    ++units;
    REQUIRE(u.points);
    yen += u.points->value * u.count;
  }
  CHECK(units == 5);
  CHECK(yen == 8518);
  const auto three = std::find_if(r.units.begin(), r.units.end(), [](const UkeUnit& u) {
    return u.items.front().code == 197000110 && u.count == 3;
  });
  REQUIRE(three != r.units.end());
  CHECK(*three->points == Points{2010});
  CHECK(*three->items.front().quantity == Decimal(3));
  CHECK((three->days[3] == 1 && three->days[4] == 1 && three->days[5] == 1));
  // Priced again as claimed, every 97 unit agrees with santei's yen (the record's 金額 per time),
  // and the receipt's Σ of stated 点数×回数 leaves the yen out.
  const UkePriceReport report = price_uke(file, real_library());
  REQUIRE(report.receipts.size() == 1);
  CHECK(report.receipts[0].units_total == Points{5 * 2138});
  int compared = 0;
  for (const UkeUnitComparison& c : report.receipts[0].units) {
    if (c.category != 97) continue;
    ++compared;
    CAPTURE(c.codes.front());
    CHECK(c.agrees);
    CHECK(c.priced_points == c.stated_points);
    CHECK(c.priced_total == c.stated_total);
  }
  CHECK(compared == 5);
}
