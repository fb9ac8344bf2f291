// The `copay` object of santei.result/1 (claim-format.md §2), written by write_copay_json.
#include <doctest/doctest.h>

#include "copay_support.hpp"
#include "output/copay_json.hpp"

using namespace santei;
using namespace santei::test::copay;

TEST_CASE("write_copay_json: the contract fields of Ex 1 (3割, 1,234点 on 2026-03-10)") {
  const CopayResult r = compute_copay(outpatient("2026-03", "1986-01-01"), priced({care("2026-03-10", 1234)}));
  output::JsonWriter out;
  output::write_copay_json(out, r);
  const std::string json = out.str();
  CHECK(json.starts_with(
      R"({"medical_cost_yen":12340,"care_cost_yen":12340,"rate":"0.3","patient_yen":3700,"insurer_yen":8640,)"
      R"("insurer_claim_yen":8638,"patient_exact_yen":3702,"public_expenses":[],"meals_yen":0,"meals_patient_yen":0,)"
      R"("daily":[{"date":"2026-03-10","points":1234,"patient_yen":3700,"insurer_yen":8640}],"explain":["負担割合 0.3 70歳未満)"));
  CHECK(json.ends_with("]}"));
}

TEST_CASE("write_copay_json: public_expenses in priority order, daily 公費 shares and the binding limit") {
  Claim c = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  c.public_expenses = {kouhi("54", 5000)};
  const CopayResult r = compute_copay(c, priced({care("2026-03-05", 8000)}));
  output::JsonWriter out;
  output::write_copay_json(out, r);
  const std::string json = out.str();
  CHECK(json.find(R"("public_expenses":[{"law":"54","yen":19000,"patient_yen":5000,"meal_yen":0,"cap_yen":5000,)"
                  R"("cap_reached_on":"2026-03-05","ledger":[{"date":"2026-03-05","cost_yen":80000,"patient_yen":5000,)"
                  R"("cumulative_yen":5000,"reached":true}]}])") != std::string::npos);
  CHECK(json.find(R"({"date":"2026-03-05","points":8000,"patient_yen":5000,"insurer_yen":56000,"public_expenses":[19000],)"
                  R"("limit":"公費 54 上限"})") != std::string::npos);
}

TEST_CASE("explain names each rule value used: rate, 公費 with its share, 高額療養費 區分 with the kougaku.xml value") {
  Claim c = inpatient("2026-03", "1976-05-01", InsuranceKind::employee, "ア");
  c.public_expenses = {kouhi("10")};
  const CopayResult r = compute_copay(c, priced(join(daily_care(2026, 3, 1, 2, 85000, '2'), daily_care(2026, 3, 1, 2, 95000, '1'))));
  REQUIRE(r.explain.size() >= 4);
  CHECK(r.explain[0] == "負担割合 0.3 70歳未満 (rates.xml under70 2003-04-01)");
  CHECK(r.explain[1] == "公費 10 結核患者の適正医療, 0.05 of the cost (kouhi.xml 10)");
  // The 10 group (医保 + 第1公費) is limited at the ウ level, the insurance-only group at the patient's ア.
  CHECK(r.explain[2] == "高額療養費 for 負担区分 group 0x03: 区分 ウ (kougaku.xml under70 2015-01-01)");
  CHECK(r.explain[3] == "高額療養費 for 負担区分 group 0x01: 区分 ア (kougaku.xml under70 2015-01-01)");
  CHECK(compute_copay(c, priced({care("2026-03-01", 100)}), CopayOptions{false}).explain.empty());
}
