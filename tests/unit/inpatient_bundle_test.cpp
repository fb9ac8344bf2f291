// 特定入院料 (診療識別 92) on the real r06 masters: the 入院期間 band of the 入院料 itself, its day
// limit, and what it includes (包括, masters/rules/inpatient_bundles.xml): care included on its
// days is not billed separately and says so in a Diagnostic; the same care on a 一般病棟 day is billed.
#include <doctest/doctest.h>

#include "inpatient_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

std::vector<const Diagnostic*> diagnostics(const PricedClaim& priced, const std::string& rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : priced.diagnostics) {
    if (d.rule == rule) out.push_back(&d);
  }
  return out;
}

// Tests (尿一般 26, 末梢血液一般 21, AST 17, ALT 17) and a drip (点滴注射 102 with 生理食塩液 1.3L 279円 → 28点).
std::string tests_and_drip(const std::string& date, bool judgement) {
  std::string tests = judgement ? order("60", {"160000310", "160008010", "160022510", "160022610", "160061910"})
                                : order("60", {"160000310", "160008010", "160022510", "160022610"});
  return visit(date, tests + "," + order("33", {"130003810", "620000237:1"}));
}

// 救命救急入院料１ from 2024-06-01, 急性期一般入院料１ from 2024-06-05 (病棟移動), discharged 2024-06-10.
InpatientSpec emergency_then_general() {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[777,3525,3025,3288,642]})";
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-10",)"
                   R"("fees":[{"from":"2024-06-01","code":"190024510"},{"from":"2024-06-05","code":"190117710"}],)"
                   R"("additions":["190147210","190145710"]})";
  spec.visits = "[" + tests_and_drip("2024-06-02", true) + "," + tests_and_drip("2024-06-06", false) + "]";
  return spec;
}

}  // namespace

TEST_CASE("r06 2024-06: 救命救急入院料１ days 1–3 10,268, day 4 9,292 (A300 1 イ・ロ), then 一般病棟 from the 5th day on its 14日以内 band") {
  const PricedClaim priced = price_inpatient(emergency_then_general());
  const auto first = lines_of(priced, 190024510);
  REQUIRE(first.size() == 2);
  // Day 1 carries 感染対策向上加算１ (入院初日; group 039 lists it).
  CHECK(codes_of(*first[0]) == std::vector<Code>{190024510, 190147210});
  CHECK(first[0]->points.value == 10268 + 710);
  CHECK(first[0]->category == 92);
  CHECK(first[1]->points.value == 10268);
  CHECK(first[1]->day_mask == days(2, 3));
  const auto fourth = lines_of(priced, 190128610);
  REQUIRE(fourth.size() == 1);
  CHECK(fourth[0]->day_mask == days(4, 4));
  CHECK(fourth[0]->points.value == 9292);
  CHECK(fourth[0]->category == 92);
  // 一般病棟 days 5–10 are 入院期間 5–10: 14日以内 450 and 25対1急性期看護補助体制加算 240 (its 14 days).
  const auto general = lines_of(priced, 190117710);
  REQUIRE(general.size() == 1);
  CHECK(codes_of(*general[0]) == std::vector<Code>{190117710, 190079470, 190145710});
  CHECK(general[0]->points.value == 2378);
  CHECK(general[0]->day_mask == days(5, 10));
  CHECK(general[0]->category == 90);
  CHECK(priced.categories[92].value == 10978 + 2 * 10268 + 9292);
  // 看護補助体制加算 is not in group 039 of 救命救急入院料: the ICU days do not carry it (information:
  // the 一般病棟 days do).
  const auto refused = diagnostics(priced, "入院基本料テーブル");
  REQUIRE(refused.size() == 1);
  CHECK(refused[0]->severity == Severity::info);
  CHECK(refused[0]->codes == std::vector<Code>{190145710, 190024510});
}

TEST_CASE("r06 2024-06: tests and 点滴注射 on a 救命救急 day are included (A300 注7 ハ・ニ) with a Diagnostic each; 検体検査判断料 and the drug are billed") {
  const PricedClaim priced = price_inpatient(emergency_then_general());
  const auto bundled = diagnostics(priced, "包括/特定入院料");
  REQUIRE(bundled.size() == 5);  // 尿一般, 末梢血液一般, AST, ALT, 点滴注射 on 2024-06-02
  std::vector<Code> codes;
  for (const Diagnostic* d : bundled) {
    CHECK(d->severity == Severity::error);
    CHECK(*d->date == day("2024-06-02"));
    CHECK(d->codes[1] == 190024510);
    CHECK(d->message.find("A300 注7") != std::string::npos);
    codes.push_back(d->codes[0]);
  }
  CHECK(codes == std::vector<Code>{160000310, 160008010, 160022510, 160022610, 130003810});
  CHECK(bundled[0]->field == "visits[0].orders[0].items[0].code");
  // On 2024-06-02: only 生化学的検査（１）判断料 144 (D026 is excluded from the bundle) and the drug 28.
  std::int64_t icu_day = 0, general_day = 0;
  for (const PricedLine& line : priced.lines) {
    if (line.day_mask != 0) continue;
    if (line.date == day("2024-06-02")) icu_day += line.total().value;
    if (line.date == day("2024-06-06")) general_day += line.total().value;
  }
  CHECK(icu_day == 144 + 28);
  CHECK(general_day == 26 + 21 + 17 + 17 + 102 + 28);  // the same care on a 一般病棟 day is billed
  CHECK(priced.total.value == 10978 + 2 * 10268 + 9292 + 6 * 2378 + 172 + 211);
}

TEST_CASE("r06: 救命救急入院料 past its 14 days (A300 注1) is not billed, with a Diagnostic naming the days") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[777]})";
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-16","fee":"190024510"})";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(priced.total.value == 3 * 10268 + 4 * 9292 + 7 * 7934);
  const auto over = diagnostics(priced, "入院料/算定日数");
  REQUIRE(over.size() == 1);
  CHECK(over[0]->message.find("2024-06-15, 2024-06-16") != std::string::npos);
  CHECK(over[0]->message.find("14 days") != std::string::npos);
}

TEST_CASE("r06: the claim may name any band of a banded 特定入院料: 190074510 (８日以上) bills 3日以内 on day 1") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[777]})";
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-02","fee":"190074510"})";
  const PricedClaim priced = price_inpatient(spec);
  REQUIRE(lines_of(priced, 190024510).size() == 1);
  CHECK(priced.total.value == 2 * 10268);
}

TEST_CASE("r06: 特定集中治療室管理料１ bundles the same care (A301 注3): 酸素吸入 included, its oxygen billed") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[3300]})";
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-08","fee":"190174410"})";
  spec.visits = "[" + visit("2024-06-03", order("40", {"140005610", "739220000:600", "770020070"})) + "]";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(priced.total.value == 7 * 14406 + 12828 + 33);  // E18's oxygen: 0.42 × 600 × 1.3 = 327.6 → 328円 → 33点
  CHECK_FALSE(billed(priced, 140005610));
  REQUIRE(diagnostics(priced, "包括/特定入院料").size() == 1);
}

TEST_CASE("r06: 地域包括ケア病棟入院料１ includes tests, and a drug without a listed 除外薬剤 gets a warning; 手術 stays billable") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[3567]})";
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-03","fee":"190838910"})";
  spec.visits = "[" + visit("2024-06-02", order("60", {"160000310"}) + "," + order("21", {"620000237:1"}, R"("days":1,)") + "," +
                            order("50", {"150306550"})) + "]";
  const PricedClaim priced = price_inpatient(spec);
  CHECK_FALSE(billed(priced, 160000310));
  CHECK(billed(priced, 620000237));
  CHECK(billed(priced, 150306550));
  const auto found = diagnostics(priced, "包括/特定入院料");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->severity == Severity::error);
  CHECK(found[1]->severity == Severity::warning);
  CHECK(found[1]->message.find("除外薬剤") != std::string::npos);
  CHECK(lines_of(priced, 190838910)[0]->points.value == 2838);
  CHECK(lines_of(priced, 190838910)[0]->category == 92);
}
