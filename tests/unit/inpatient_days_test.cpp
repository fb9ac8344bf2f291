// 入院料 by day on the real r06 masters: the 入院期間 band of each day, the listed 入院基本料等加算
// on the days their 算定単位 (05) and the 04 入院基本料テーブル allow, 外泊, 病棟移動, the r04/r06 change.
#include <doctest/doctest.h>

#include "inpatient_support.hpp"
#include "santei/uke.hpp"

using namespace santei;
using namespace santei::test;

namespace {

// A 300-bed hospital with 急性期一般入院料１ (3525), 25対1急性期看護補助体制加算 5割以上 (3288),
// 総合入院体制加算１ (3268), 医療安全対策加算１ (3291), 医師事務作業補助体制加算１ (3274),
// データ提出加算１ (3558) and 入院時食事療養（Ⅰ） (642).
const std::string kHospital = R"({"kind":"hospital","beds":300,"standards":[3525,3288,3268,3291,3274,3558,642]})";

// The 20-day stay 2024-06-03 … 2024-06-22 with five additions.
InpatientSpec twenty_days(const std::string& more = "") {
  InpatientSpec spec;
  spec.facility = kHospital;
  spec.admission = R"({"admitted":"2024-06-03","discharged":"2024-06-22","fee":"190117710",)"
                   R"("additions":["190145710","190190410","190120510","190172410","190149210"])" + more + "}";
  return spec;
}

}  // namespace

TEST_CASE("r06 2024-06: a 20-day stay crosses the 14-day boundary: day 1 3,593, days 2–14 2,638, days 15–20 1,880 = 49,167") {
  const PricedClaim priced = price_inpatient(twenty_days());
  CHECK(priced.diagnostics.empty());
  const auto fee = lines_of(priced, 190117710);
  REQUIRE(fee.size() == 3);
  // Day 1 (入院初日): 1,688 + 450 + 看護補助 240 + 総合入院体制 260 + 医療安全対策 85 + 医師事務作業補助 725 + データ提出 145.
  CHECK(codes_of(*fee[0]) == std::vector<Code>{190117710, 190079470, 190145710, 190190410, 190120510, 190172410, 190149210});
  CHECK(fee[0]->points.value == 3593);
  CHECK(fee[0]->count == 1);
  CHECK(fee[0]->day_mask == days(3, 3));
  // Days 2–14: the 14-day additions (入院中 14 in the 05 算定回数テーブル) with the 14日以内 band.
  CHECK(codes_of(*fee[1]) == std::vector<Code>{190117710, 190079470, 190145710, 190190410});
  CHECK(fee[1]->points.value == 2638);
  CHECK(fee[1]->count == 13);
  CHECK(fee[1]->day_mask == days(4, 16));
  // Days 15–20: 15日以上30日以内 and nothing else.
  CHECK(codes_of(*fee[2]) == std::vector<Code>{190117710, 190079670});
  CHECK(fee[2]->points.value == 1880);
  CHECK(fee[2]->count == 6);
  CHECK(fee[2]->day_mask == days(17, 22));
  CHECK(priced.total.value == 3593 + 13 * 2638 + 6 * 1880);
  CHECK(priced.total.value == 49167);
  CHECK(priced.visit_days == 20);
  for (const PricedLine* line : fee) {
    CHECK(line->items[1].automatic);   // the 入院期間加算 is chosen by santei
    CHECK_FALSE(line->items[0].automatic);
  }
}

TEST_CASE("r06 2024-06: 外泊 on day 10 bills 15% of the 入院料 alone (1,688 × 15/100 = 253.2 → 253, 通知 通則6) and counts in the 入院期間") {
  InpatientSpec spec = twenty_days(R"(,"away_days":["2024-06-12"])");
  const PricedClaim priced = price_inpatient(spec);
  const auto fee = lines_of(priced, 190117710);
  REQUIRE(fee.size() == 4);
  const PricedLine* away = nullptr;
  for (const PricedLine* line : fee) {
    if (line->day_mask == days(12, 12)) away = line;
  }
  REQUIRE(away);
  CHECK(codes_of(*away) == std::vector<Code>{190117710, 190107290});
  CHECK(away->points.value == 253);
  CHECK(away->items[1].automatic);
  // Days 2–14 lose day 10; day 15 (6/17) is still the first day of the 15–30 band.
  CHECK(fee[1]->day_mask == (days(4, 16) & ~days(12, 12)));
  CHECK(fee[1]->count == 12);
  CHECK(priced.total.value == 3593 + 12 * 2638 + 253 + 6 * 1880);
  CHECK(priced.visit_days == 19);  // the 外泊 day is not a day of care [unverified]
}

TEST_CASE("r06 2024-06: a therapeutic 外泊 bills 30% (1,688 × 30/100 = 506.4 → 506) for 3 days in a row; the 4th is 15%") {
  InpatientSpec spec = twenty_days(R"(,"therapeutic_away_days":["2024-06-10","2024-06-11","2024-06-12","2024-06-13"])");
  const PricedClaim priced = price_inpatient(spec);
  std::int64_t thirty = 0, fifteen = 0;
  for (const PricedLine* line : lines_of(priced, 190117710)) {
    if (codes_of(*line) == std::vector<Code>{190117710, 190107390}) {
      thirty += line->count;
      CHECK(line->points.value == 506);
    }
    if (codes_of(*line) == std::vector<Code>{190117710, 190107290}) {
      fifteen += line->count;
      CHECK(line->points.value == 253);
    }
  }
  CHECK(thirty == 3);
  CHECK(fifteen == 1);
  const Diagnostic* d = find_diagnostic(priced, "外泊/30%");
  REQUIRE(d);
  CHECK(d->message.find("2024-06-13") != std::string::npos);
}

TEST_CASE("r06: an 入院基本料等加算 the 04 入院基本料テーブル does not list for the 入院料 is an error, not billed") {
  // 看護配置加算 (A213) is not in group 001 of 急性期一般入院料１.
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-05","fee":"190117710","additions":["190102070"]})";
  const PricedClaim priced = price_inpatient(spec);
  CHECK_FALSE(billed(priced, 190102070));
  const Diagnostic* d = find_diagnostic(priced, "入院基本料テーブル");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->message.find("group 001") != std::string::npos);
  CHECK(d->field == "admission.additions[0].code");
  CHECK(priced.total.value == 5 * 2138);
}

TEST_CASE("r06: an addition listed in the visits is checked against the day's 入院料 too (04 table)") {
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-05","fee":"190117710"})";
  spec.visits = "[" + visit("2024-06-02", order("90", {"190102070"})) + "]";
  const PricedClaim priced = price_inpatient(spec);
  CHECK_FALSE(billed(priced, 190102070));
  REQUIRE(find_diagnostic(priced, "入院基本料テーブル"));
  CHECK(find_diagnostic(priced, "入院基本料テーブル")->field == "visits[0].orders[0].items[0].code");
}

TEST_CASE("r06: an addition without its facility standard is not billed (施設基準, s cols 72–81)") {
  InpatientSpec spec;  // standards 3525 and 642 only: no 3288 for 25対1急性期看護補助体制加算
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-05","fee":"190117710","additions":["190145710"]})";
  const PricedClaim priced = price_inpatient(spec);
  CHECK_FALSE(billed(priced, 190145710));
  REQUIRE(find_diagnostic(priced, "施設基準"));
  CHECK(priced.total.value == 5 * 2138);
}

TEST_CASE("r06: the 入院料 needs its 施設基準 (急性期一般入院料１ 3525): without it no day is billed") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[]})";
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-05","fee":"190117710"})";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(priced.lines.empty());
  REQUIRE(find_diagnostic(priced, "施設基準"));
  CHECK(find_diagnostic(priced, "施設基準")->field == "admission.fees[0].code");
}

TEST_CASE("r06: 一般病棟特別入院基本料 takes the 特別入院基本料等 bands: 612 + 300 (14日以内), 612 + 155 (15–30日)") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[3402]})";
  spec.admission = R"({"admitted":"2024-06-01","fee":"190079010"})";
  const PricedClaim priced = price_inpatient(spec);
  const auto fee = lines_of(priced, 190079010);
  REQUIRE(fee.size() == 2);
  CHECK(codes_of(*fee[0]) == std::vector<Code>{190079010, 190079570});
  CHECK(fee[0]->points.value == 912);
  CHECK(codes_of(*fee[1]) == std::vector<Code>{190079010, 190079770});
  CHECK(fee[1]->points.value == 767);
  CHECK(priced.total.value == 14 * 912 + 16 * 767);
}

TEST_CASE("r06 2024-07: a stay from 2024-06-20 is on day 12 on July 1st: 3 days of 14日以内, 16 of 15–30日, 12 without (30日超)") {
  InpatientSpec spec;
  spec.month = "2024-07";
  spec.admission = R"({"admitted":"2024-06-20","fee":"190117710"})";
  const PricedClaim priced = price_inpatient(spec);
  const auto fee = lines_of(priced, 190117710);
  REQUIRE(fee.size() == 3);
  CHECK(fee[0]->day_mask == days(1, 3));     // 入院期間 12–14
  CHECK(fee[0]->points.value == 2138);
  CHECK(fee[1]->day_mask == days(4, 19));    // 15–30
  CHECK(fee[1]->points.value == 1880);
  CHECK(fee[2]->day_mask == days(20, 31));   // 31–42
  CHECK(fee[2]->points.value == 1688);
  CHECK(priced.total.value == 3 * 2138 + 16 * 1880 + 12 * 1688);
}

TEST_CASE("r04 2024-05 and r06 2024-06: the same stay bills 1,650 + 450 under r04 and 1,688 + 450 under r06") {
  InpatientSpec may;
  may.month = "2024-05";
  may.admission = R"({"admitted":"2024-05-25","fee":"190117710"})";
  const PricedClaim r04 = price_inpatient(may);
  CHECK(r04.revision == "r04");
  CHECK(lines_of(r04, 190117710)[0]->points.value == 2100);
  CHECK(r04.total.value == 7 * 2100);
  InpatientSpec june;
  june.admission = R"({"admitted":"2024-05-25","fee":"190117710"})";
  const PricedClaim r06 = price_inpatient(june);
  CHECK(r06.revision == "r06");
  CHECK(lines_of(r06, 190117710)[0]->points.value == 2138);  // 入院期間 8–14 on June 1–7
  CHECK(lines_of(r06, 190117710)[0]->day_mask == days(1, 7));
}

TEST_CASE("r06: a 入院料 listed in the visits of an admission with fees is not billed twice (入院料/重複)") {
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-03","fee":"190117710"})";
  spec.visits = "[" + visit("2024-06-02", order("90", {"190117710"})) + "]";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(priced.total.value == 3 * 2138);
  REQUIRE(find_diagnostic(priced, "入院料/重複"));
}

TEST_CASE("without admission.fees the visits' 入院料 are priced as listed (a claim read back from a UKE file)") {
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-01"})";
  spec.visits = "[" + visit("2024-06-01", order("90", {"190117710", "190079470"})) + "," +
                visit("2024-06-02", order("90", {"190117710", "190079470"})) + "]";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(priced.total.value == 2 * 2138);
  CHECK(priced.lines.size() == 2);
  CHECK(priced.lines[0].day_mask == 0);
}

TEST_CASE("E19 in the UKE: two units, (190117710, 190079470) 2,138 × 14 on days 1–14 and (190117710, 190079670) 1,880 × 16 on days 15–30") {
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-01","fee":"190117710"})";
  Claim claim = parse_claim(inpatient_json(spec));
  claim.patient.sex = Sex::female;
  PricingOptions options;
  options.copay = false;
  const PricedClaim priced = price(claim, real_library(), options);
  UkeFacility facility;
  facility.billing_month = *YearMonth::parse("2024-07");
  const UkeReceiptInput input{&claim, &priced, nullptr};
  const UkeFile file = read_uke(write_uke(facility, std::span(&input, 1)), "e19.uke");
  REQUIRE(file.receipts.size() == 1);
  const UkeReceipt& r = file.receipts[0];
  CHECK(r.findings.empty());
  REQUIRE(r.units.size() == 2);
  CHECK(r.units[0].category == 90);
  CHECK(r.units[0].points == Points{2138});
  CHECK(r.units[0].count == 14);
  CHECK(r.units[1].points == Points{1880});
  CHECK(r.units[1].count == 16);
  for (std::size_t d = 0; d < 31; ++d) {
    CHECK(r.units[0].days[d] == (d < 14 ? 1 : 0));
    CHECK(r.units[1].days[d] == (d >= 14 && d < 30 ? 1 : 0));
  }
  CHECK(r.insurer->total == Points{60012});
}

TEST_CASE("外泊 rounding, 四捨五入 at the first decimal (通知 第1章第2部 通則6(1)): 15% of 1,688 / 1,170 / 1,003 / 1,451 and 30% of 1,003") {
  struct Case {
    const char* fee;
    int standard;
    bool therapeutic;
    std::int64_t points;
  };
  const Case cases[] = {
      {"190117710", 3525, false, 253},  // 253.2 → 253
      {"190077510", 3199, false, 176},  // 175.5 → 176 (.5 goes up)
      {"190077610", 3200, false, 150},  // 150.45 → 150
      {"190200010", 3529, false, 218},  // 217.65 → 218
      {"190077610", 3200, true, 301},   // 300.9 → 301
  };
  for (const Case& c : cases) {
    CAPTURE(c.fee);
    InpatientSpec spec;
    spec.facility = R"({"kind":"hospital","beds":300,"standards":[)" + std::to_string(c.standard) + "]}";
    spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-03","fee":")" + std::string(c.fee) + R"(",")" +
                     (c.therapeutic ? "therapeutic_away_days" : "away_days") + R"(":["2024-06-02"]})";
    const PricedClaim priced = price_inpatient(spec);
    const PricedLine* away = nullptr;
    for (const PricedLine& line : priced.lines) {
      if (line.day_mask == days(2, 2)) away = &line;
    }
    REQUIRE(away);
    CHECK(away->items.size() == 2);
    CHECK(away->points.value == c.points);
  }
}

TEST_CASE("r06 2024-06: 乳幼児加算 (under 3) until the 3rd birthday on 2024-06-15, 幼児加算 (3 to 6) from it, day by day") {
  InpatientSpec spec;
  spec.birth_date = "2021-06-15";
  spec.admission = R"({"admitted":"2024-06-10","discharged":"2024-06-20","fee":"190117710","additions":["190100470","190100770"]})";
  const PricedClaim priced = price_inpatient(spec);
  const auto fee = lines_of(priced, 190117710);
  REQUIRE(fee.size() == 2);
  CHECK(codes_of(*fee[0]) == std::vector<Code>{190117710, 190079470, 190100470});
  CHECK(fee[0]->day_mask == days(10, 14));
  CHECK(fee[0]->points.value == 2471);
  CHECK(codes_of(*fee[1]) == std::vector<Code>{190117710, 190079470, 190100770});
  CHECK(fee[1]->day_mask == days(15, 20));
  CHECK(fee[1]->points.value == 2421);
  CHECK(priced.total.value == 5 * 2471 + 6 * 2421);
  std::size_t age_notes = 0;
  for (const Diagnostic& d : priced.diagnostics) {
    if (d.rule == "年齢") {
      CHECK(d.severity == Severity::info);
      ++age_notes;
    }
  }
  CHECK(age_notes == 2);
}

TEST_CASE("r06 2024-06: 有床診療所入院基本料１ by band (A108 1 イ–ハ): a stay from 2024-05-20 is on day 13 on June 1st: 932 × 2, 724 × 16, 615 × 12") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"clinic","beds":19,"standards":[3259]})";
  spec.admission = R"({"admitted":"2024-05-20","fee":"190169610"})";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(priced.diagnostics.empty());
  REQUIRE(lines_of(priced, 190169610).size() == 1);
  CHECK(lines_of(priced, 190169610)[0]->day_mask == days(1, 2));
  CHECK(lines_of(priced, 190169710)[0]->day_mask == days(3, 18));
  CHECK(lines_of(priced, 190169810)[0]->day_mask == days(19, 30));
  CHECK(priced.total.value == 2 * 932 + 16 * 724 + 12 * 615);
}

TEST_CASE("r06: a banded 入院料 without a schedule (緩和ケア病棟入院料１（３０日以内）, 上限回数 30) is billed as listed with a warning") {
  InpatientSpec spec;
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[3747]})";
  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-03","fee":"190028910"})";
  const PricedClaim priced = price_inpatient(spec);
  CHECK(priced.total.value == 3 * 5135);
  const Diagnostic* d = find_diagnostic(priced, "入院料/入院期間");
  REQUIRE(d);
  CHECK(d->severity == Severity::warning);
}
