// The 注 of the 特定入院料 add-ons (令和8年厚生労働省告示第96号 別表 ４–６), priced by hand from the
// 告示's text: each 注 the claim states for a unit, counted as the 告示 says (a day by band, the
// first day, once, the discharge), added to the 所定点数 beside the fee's own bands.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dpc/stay.hpp"
#include "error_of.hpp"
#include "santei/claim.hpp"
#include "support.hpp"

using santei::PricedDpc;
using santei::test::error_of;

namespace {

// A June 2026 stay (r08) of 010010xx9901xx from the 1st to `discharged` at a その他の病院 (別表 ６), with
// one unit; the patient born on `birth`.
PricedDpc june(const std::string& unit, const std::string& birth = "2021-05-01", const std::string& discharged = "2026-06-12") {
  const santei::Claim claim = santei::parse_claim(
      R"({"format":"santei.claim/1","id":"icu","month":"2026-06","setting":"inpatient","facility":{"kind":"hospital","beds":400},)"
      R"("patient":{"birth_date":")" + birth + R"(","sex":"female"},"insurance":{"kind":"employee"},)"
      R"("admission":{"admitted":"2026-06-01","discharged":")" + discharged + R"(","dpc":{"code":"010010xx9901xx","coefficient":"1.0000",)"
      R"("hospital":"その他の病院","units":[)" + unit + "]}},\"visits\":[]}");
  std::vector<santei::Diagnostic> diagnostics;
  return santei::dpc::price_month(claim, *santei::test::real_dpc_tables(), std::nullopt, diagnostics);
}

std::int64_t note_points(const PricedDpc& dpc, const std::string& note) {
  std::int64_t sum = 0;
  for (const PricedDpc::Addon& a : dpc.addons) {
    if (a.note == note) sum += a.points;
  }
  return sum;
}

}  // namespace

// 別表 ６ 特定集中治療室管理料１ (7日以内 13,007点, 8–14日 11,398点) for June 1–9, a child of 5:
// 注１ 小児加算 7 × 2,000 + 2 × 1,500; 注２ 早期離床・リハビリテーション加算 9 × 500 (14 days at most); 注３
// 早期栄養介入管理加算 250点 days 1–2 and 400点 from the 3rd, when 経腸栄養 began (7 days at most: 3–7);
// 注４ 重症患者対応体制強化加算 3 × 750 + 4 × 500 + 2 × 300; 注６ 広範囲熱傷管理加算 days 8–9 from the 入院日 × 200.
TEST_CASE("dpc 注 (告示96 別表 ６): an ICU child's 注 — 小児加算 17,000, 早期離床 4,500, 早期栄養 500 + 2,000, 重症患者対応 4,850, 熱傷 400") {
  const PricedDpc dpc = june(R"({"fee":"特定集中治療室管理料１","from":"2026-06-01","to":"2026-06-09","additions":[)"
                             R"("小児加算","早期離床・リハビリテーション加算",{"name":"早期栄養介入管理加算","from":"2026-06-01","to":"2026-06-02"},)"
                             R"({"name":"早期栄養介入管理加算（経腸栄養）","from":"2026-06-03"},"重症患者対応体制強化加算","広範囲熱傷管理加算"]})");
  CHECK(note_points(dpc, "") == 7 * 13007 + 2 * 11398);
  CHECK(note_points(dpc, "小児加算") == 7 * 2000 + 2 * 1500);
  CHECK(note_points(dpc, "早期離床・リハビリテーション加算") == 9 * 500);
  CHECK(note_points(dpc, "早期栄養介入管理加算") == 2 * 250);
  CHECK(note_points(dpc, "早期栄養介入管理加算（経腸栄養）") == 5 * 400);
  CHECK(note_points(dpc, "重症患者対応体制強化加算") == 3 * 750 + 4 * 500 + 2 * 300);
  CHECK(note_points(dpc, "広範囲熱傷管理加算") == 2 * 200);
  CHECK(dpc.addon_points == 113845 + 17000 + 4500 + 500 + 2000 + 4850 + 400);
  REQUIRE(dpc.addons.size() == 7);
  CHECK(dpc.addons[1].explain ==
        "特定集中治療室管理料１ 小児加算 (特定集中治療室管理料 注１, 告示96 別表 6): 9 days (入室 1–9) → 17000点, added to the 所定点数");
  CHECK(dpc.addons[6].explain == "特定集中治療室管理料１ 広範囲熱傷管理加算 (特定集中治療室管理料 注６ (入院日から起算), 告示96 別表 6): "
                                 "2 days (入院日から 8–9) → 400点, added to the 所定点数");
}

// 別表 ６ 救命救急入院料１ June 1–5: 注２イ 救急体制充実加算１ 5 × 1,500; 注４イ 急性薬毒物中毒加算１ and 注５
// 小児加算 on the first day (入院初日に限り) 5,000 each; 注１イ 7,000 on the day of the 指定医's first 診療; 注８
// 2,500 at the discharge (the 12th, after the unit).
TEST_CASE("dpc 注 (告示96 別表 ６): 救命救急入院料１ — a 注 by day, on the first day, once and at the discharge") {
  const PricedDpc dpc = june(R"({"fee":"救命救急入院料１","from":"2026-06-01","to":"2026-06-05","additions":[)"
                             R"("救急体制充実加算１","急性薬毒物中毒加算１","小児加算",{"name":"精神疾患診断治療初回加算イ","date":"2026-06-02"},"注８"]})");
  CHECK(note_points(dpc, "救急体制充実加算１") == 5 * 1500);
  CHECK(note_points(dpc, "急性薬毒物中毒加算１") == 5000);
  CHECK(note_points(dpc, "小児加算") == 5000);
  CHECK(note_points(dpc, "精神疾患診断治療初回加算イ") == 7000);
  CHECK(note_points(dpc, "注８") == 2500);
  // 別表 ６ 救命救急入院料１: 3日以内 10,406点, 4–7日 9,267点.
  CHECK(dpc.addon_points == 3 * 10406 + 2 * 9267 + 7500 + 5000 + 5000 + 7000 + 2500);
}

// 別表 ６ 小児入院医療管理料１ (14日以内 3,243点, 15–30日 3,501点) June 5–20, 16 days; 注７ 看護補助加算
// counts 14 days from the 入院日 (June 1): June 5–14, 10 × 151; 注２ 人工呼吸器使用加算 every day, 16 × 600.
TEST_CASE("dpc 注 (告示96 別表 ６): 小児入院医療管理料１ 看護補助加算 — 14 days from the 入院日, not the unit: 10 × 151") {
  const PricedDpc dpc =
      june(R"({"fee":"小児入院医療管理料１","from":"2026-06-05","additions":["看護補助加算","人工呼吸器使用加算"]})", "2021-05-01", "2026-06-20");
  CHECK(note_points(dpc, "") == 14 * 3243 + 2 * 3501);
  CHECK(note_points(dpc, "看護補助加算") == 10 * 151);
  CHECK(note_points(dpc, "人工呼吸器使用加算") == 16 * 600);
}

TEST_CASE("dpc 注: what the 告示 does not allow is an error naming the addition") {
  const auto error = [](const std::string& unit, const std::string& birth = "2021-05-01") {
    return error_of([&] { (void)june(unit, birth); });
  };
  santei::ErrorInfo e = error(R"({"fee":"特定集中治療室管理料１","from":"2026-06-01","additions":["特定集中治療室遠隔支援加算"]})");
  CHECK(e.field == "admission.dpc.units[0].additions[0].name");  // 注５ is of 管理料２ and ３ only
  CHECK(e.message.starts_with("'特定集中治療室遠隔支援加算' is not a 注 of 特定集中治療室管理料１ in 告示96 別表 6 (dpc/addons.xml); its 注: 小児加算, "));
  e = error(R"({"fee":"特定集中治療室管理料１","from":"2026-06-01","additions":["小児加算"]})", "1960-04-01");
  CHECK(e.message == "小児加算 is for a patient under 15 (特定集中治療室管理料 注１): the patient is 66 on 2026-06-01");
  e = error(R"({"fee":"特定集中治療室管理料１","from":"2026-06-01","additions":["早期栄養介入管理加算","早期栄養介入管理加算（経腸栄養）"]})");
  CHECK(e.field == "admission.dpc.units[0].additions[1].name");
  CHECK(e.message == "早期栄養介入管理加算（経腸栄養） and another of 早期栄養介入管理加算 on one day: they are alternatives "
                     "(特定集中治療室管理料 注３ (経腸栄養の開始日以降))");
  e = error(R"({"fee":"小児入院医療管理料１","from":"2026-06-05","additions":["看護補助加算","看護補助体制充実加算"]})");
  CHECK(e.field == "admission.dpc.units[0].additions[1].name");
  e = error(R"({"fee":"救命救急入院料１","from":"2026-06-01","additions":["精神疾患診断治療初回加算イ"]})");
  CHECK(e.field == "admission.dpc.units[0].additions[0].date");
  e = error(R"({"fee":"救命救急入院料１","from":"2026-06-01","to":"2026-06-03","additions":[{"name":"精神疾患診断治療初回加算イ","date":"2026-06-04"}]})");
  CHECK(e.message == "2026-06-04 is not a day of the unit billed 包括 this month");
  e = error_of([] {
    (void)santei::parse_claim(R"({"format":"santei.claim/1","id":"x","month":"2026-06","setting":"inpatient","facility":{"kind":"hospital"},)"
                              R"("patient":{"birth_date":"2021-05-01","sex":"female"},"insurance":{"kind":"employee"},)"
                              R"("admission":{"admitted":"2026-06-01","dpc":{"code":"010010xx9901xx","coefficient":"1","hospital":"その他の病院",)"
                              R"("units":[{"fee":"救命救急入院料１","from":"2026-06-01","additions":[{"name":"小児加算","day":"2026-06-01"}]}]}},"visits":[]})");
  });
  CHECK(e.field == "admission.dpc.units[0].additions[0].day");  // a key santei does not define
}
