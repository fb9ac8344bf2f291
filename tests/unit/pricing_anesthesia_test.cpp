// 麻酔 (診療識別 54, 第2章第11部) on the real r06 masters: the 麻酔管理時間加算 きざみ of L008 and
// L002, the 併施加算 of L008 注4・注5, and the time additions of 通則3. Figures from the 告示
// (令和6年告示第57号, ../shared/law/r06/kokuji-ika.txt, 第11部) and the r06 s master rows:
//   150233410 L008 5 ロ 閉鎖循環式全身麻酔5 6,000点, きざみ 下限 120 分, 30 分, 600点 (注2ホ)
//   150247570 L008 注4ロ 硬膜外麻酔併施加算（腰部）400点, きざみ 120 分, 30 分, 200点 (注5)
//   150232710 L002 2 硬膜外麻酔（腰部）800点, きざみ 120 分, 30 分, 400点 (注)
//   150232210 L001-2 1 静脈麻酔（短時間のもの）120点
// 通則3: 入院中の患者以外 休日 100分の80, 時間外 100分の40, 深夜 100分の80; 入院中の患者 休日・深夜
// 100分の80 — codes 150231890 / 150231790 / 150231990. 所定点数 = 麻酔料 and its 注加算 without
// 酸素・窒素 and the 通則 additions (通知 第11部 通則6).
#include <doctest/doctest.h>

#include "pricing_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

PricedClaim anesthesia(std::initializer_list<std::string> items, const std::string& time = "regular",
                       const std::string& setting = "outpatient") {
  ClaimSpec spec = one_visit("2024-06-09", order("54", items), time);
  spec.setting = setting;
  if (setting == "inpatient") spec.extra = R"("admission":{"admitted":"2024-06-01"},)";
  if (setting == "inpatient") spec.facility = R"({"kind":"hospital","beds":200})";
  return price_spec(spec);
}

}  // namespace

TEST_CASE("L008 5 ロ 閉鎖循環式全身麻酔5: 6,000 up to 2 hours; 麻酔管理時間加算 600 per 30 minutes or part beyond (注2ホ)") {
  CHECK(anesthesia({"150233410:90"}).total.value == 6000);
  CHECK(anesthesia({"150233410:120"}).total.value == 6000);
  CHECK(anesthesia({"150233410:121"}).total.value == 6600);   // 1 minute over: one 30-minute part
  CHECK(anesthesia({"150233410:180"}).total.value == 7200);   // 60 over: 2 × 600
  CHECK(anesthesia({"150233410:185"}).total.value == 7800);   // 65 over: 3 × 600
}

TEST_CASE("L008 with 硬膜外麻酔併施加算（腰部）: 185 minutes = 6,000 + 3 × 600 + 400 + 3 × 200 = 8,800 (注2ホ, 注4ロ, 注5)") {
  CHECK(anesthesia({"150233410:185", "150247570:185"}).total.value == 8800);
}

TEST_CASE("L002 2 硬膜外麻酔（腰部）: 800, 150 minutes 800 + 400 = 1,200 (注 麻酔管理時間加算)") {
  CHECK(anesthesia({"150232710:60"}).total.value == 800);
  CHECK(anesthesia({"150232710:150"}).total.value == 1200);
}

TEST_CASE("麻酔 通則3 outpatient: 時間外 40/100, 休日・深夜 80/100 of the 所定点数 with its 注加算") {
  // L001-2 1: 120 + 120 × 40/100 (48) = 168; 休日 120 + 96 = 216
  const PricedClaim after_hours = anesthesia({"150232210"}, "after_hours");
  CHECK(after_hours.total.value == 168);
  CHECK(has_code(after_hours, 150231790));
  CHECK(anesthesia({"150232210"}, "holiday").total.value == 216);
  // L008 185 minutes with 併施加算: 8,800 × 40/100 = 3,520 → 12,320; 深夜 8,800 × 80/100 = 7,040 → 15,840
  CHECK(anesthesia({"150233410:185", "150247570:185"}, "after_hours").total.value == 12320);
  CHECK(anesthesia({"150233410:185", "150247570:185"}, "late_night").total.value == 15840);
}

TEST_CASE("麻酔 通則3 inpatient: 休日・深夜 80/100, no 時間外 addition") {
  // L008 5 ロ 180 minutes: 7,200 + 7,200 × 80/100 (5,760) = 12,960
  const PricedClaim holiday = anesthesia({"150233410:180"}, "holiday", "inpatient");
  CHECK(holiday.total.value == 12960);
  CHECK(has_code(holiday, 150231890));
  CHECK(anesthesia({"150233410:180"}, "after_hours", "inpatient").total.value == 7200);
}

TEST_CASE("麻酔 通則2 幼児加算 (1歳以上3歳未満, 100分の20) as listed: L008 5 ロ 6,000 + 1,200 = 7,200; refused for an adult (s cols 41–42)") {
  // Listed, it stands: the automatic 通則2 addition (age_additions.xml) is not added a second time.
  ClaimSpec spec = one_visit("2024-06-12", order("54", {"150233410:90", "150265390"}));
  spec.birth_date = "2022-09-01";
  CHECK(price_spec(spec).total.value == 7200);
  spec.birth_date = "1980-01-01";
  const PricedClaim adult = price_spec(spec);
  CHECK(adult.total.value == 6000);
  CHECK(has_diagnostic(adult, "年齢"));
}

// 麻酔 通則2 automatic (masters/rules/age_additions.xml): 新生児加算 100分の200 (150231590, 生後28日未満), 乳児加算
// 100分の50 (150231690, 1歳未満), 幼児加算 100分の20 (150265390, 1歳以上3歳未満) on the 所定点数 of a 麻酔・神経ブロック
// whose 通則年齢 (s col 40) is 1; 未熟児加算 (150286690, 出生時体重 2,500g 未満, 通知 通則8) only as listed.
// 通知 第11部 通則6・7: 所定点数 without the 通則 additions; 費用 = 所定点数 + each 通則 addition.
namespace {

PricedClaim child_anesthesia(const std::string& birth, std::initializer_list<std::string> items,
                             const std::string& time = "regular") {
  ClaimSpec spec = one_visit("2024-06-09", order("54", items), time);
  spec.birth_date = birth;
  return price_spec(spec);
}

}  // namespace

TEST_CASE("麻酔 通則2 automatic: L008 5 ロ 6,000 — 新生児 + 12,000 (200/100) = 18,000, 乳児 + 3,000 (50/100) = 9,000, 1歳以上3歳未満 + 1,200 (20/100) = 7,200, at 3 none: 6,000") {
  const PricedClaim newborn = child_anesthesia("2024-05-30", {"150233410:90"});  // 生後10日
  CHECK(newborn.total.value == 18000);
  CHECK(has_code(newborn, 150231590));
  const PricedClaim infant = child_anesthesia("2023-12-01", {"150233410:90"});  // 6か月
  CHECK(infant.total.value == 9000);
  CHECK(has_code(infant, 150231690));
  const PricedClaim toddler = child_anesthesia("2022-09-01", {"150233410:90"});  // 1歳9か月
  CHECK(toddler.total.value == 7200);
  CHECK(has_code(toddler, 150265390));
  CHECK(child_anesthesia("2021-05-01", {"150233410:90"}).total.value == 6000);  // 3 years 1 month
}

TEST_CASE("麻酔 通則2 未熟児加算 listed for a 30-day-old: 6,000 + 12,000 = 18,000, no 乳児加算 added beside it") {
  const PricedClaim priced = child_anesthesia("2024-05-10", {"150233410:90", "150286690"});
  CHECK(priced.total.value == 18000);
  CHECK_FALSE(has_code(priced, 150231690));
}

TEST_CASE("麻酔 通則2 with 通則3, outpatient 時間外: 2-year-old, L008 185 min + 硬膜外麻酔併施加算 = 所定点数 8,800; + 8,800 × 20/100 (1,760) + 8,800 × 40/100 (3,520) = 14,080") {
  const PricedClaim priced = child_anesthesia("2022-09-01", {"150233410:185", "150247570:185"}, "after_hours");
  CHECK(priced.total.value == 14080);
  CHECK(has_code(priced, 150265390));
  CHECK(has_code(priced, 150231790));
}

TEST_CASE("麻酔 通則2 幼児加算 of L001-2 1 静脈麻酔（短時間）: 120 + 120 × 20/100 (24) = 144 for a 2-year-old") {
  CHECK(child_anesthesia("2022-09-01", {"150232210"}).total.value == 144);
}

TEST_CASE("麻酔 通則2 乳児加算 of 迷もう麻酔: 31 + 31 × 50/100 (15.5) = 46.5 → 47 (rounding unknown: the 告示/通知 of 第11部 do not say; santei rounds the unit 四捨五入)") {
  CHECK(child_anesthesia("2023-12-01", {"150232110"}).total.value == 47);
}
