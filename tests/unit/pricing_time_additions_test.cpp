// 時間外・休日・深夜加算 of 処置 and 手術 (masters/rules/time_additions.xml), priced on the real r06
// masters from visits[].time. The figures are the 告示's (令和6年告示第57号, ../shared/law/r06/kokuji-ika.txt):
//   第2章第9部 処置 通則5: イ 所定点数 1,000点以上 at a 届出 facility — 休日加算1 160/100, 時間外加算1
//     80/100 (入院中の患者以外), 深夜加算1 160/100; ロ 150点以上, 入院中の患者以外 (イを除く) —
//     休日加算2 80/100, 時間外加算2 40/100, 深夜加算2 80/100.
//   第2章第10部 手術 通則12: イ 届出 facility — 160/100, 80/100 (入院中の患者以外), 160/100;
//     ロ イ以外 — 80/100, 40/100 (入院中の患者以外), 80/100.
// 所定点数 for these additions = the 手術料/処置料 and its 注加算, without the 通則 additions
// (通知 第10部 通則9・14, 第9部 通則10). The 届出 are the 施設基準 of the addition codes' s col 72:
// 処置 加算1 3362 (休日) / 3363 (時間外) / 3364 (深夜), 手術 加算1 3397 / 3398 / 3399.
#include <doctest/doctest.h>

#include "pricing_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

constexpr Code kBurn1875 = 140036610;   // J001 5 熱傷処置 6,000cm2以上 1,875点
constexpr Code kBurn630 = 140036510;    // J001 4 熱傷処置 3,000cm2以上6,000cm2未満 630点
constexpr Code kBurn337 = 140032210;    // J001 3 熱傷処置 500cm2以上3,000cm2未満 337点
const std::string kWound1400 = "150001250";  // K000 1 創傷処理 筋肉、臓器に達するもの 長径5cm未満 1,400点

const std::string kTreatmentStandards = R"({"kind":"hospital","beds":200,"standards":[3362,3363,3364]})";
const std::string kSurgeryStandards = R"({"kind":"hospital","beds":200,"standards":[3397,3398,3399]})";

PricedClaim treatment(Code code, const std::string& time, const std::string& facility = "",
                      const std::string& setting = "outpatient") {
  ClaimSpec spec = one_visit("2024-06-09", order("40", {std::to_string(code)}), time);
  if (!facility.empty()) spec.facility = facility;
  spec.setting = setting;
  if (setting == "inpatient") spec.extra = R"("admission":{"admitted":"2024-06-01"},)";
  return price_spec(spec);
}

PricedClaim surgery(std::initializer_list<std::string> codes, const std::string& time, const std::string& facility = "",
                    const std::string& setting = "outpatient") {
  ClaimSpec spec = one_visit("2024-06-09", order("50", codes), time);
  if (!facility.empty()) spec.facility = facility;
  spec.setting = setting;
  if (setting == "inpatient") spec.extra = R"("admission":{"admitted":"2024-06-01"},)";
  return price_spec(spec);
}

}  // namespace

TEST_CASE("処置 ≥ 1,000点 at a 届出 hospital, outpatient: 時間外加算1 80/100, 休日加算1 and 深夜加算1 160/100 (J 通則5イ)") {
  // 1,875 + 1,875 × 80/100 (1,500) = 3,375
  const PricedClaim after_hours = treatment(kBurn1875, "after_hours", kTreatmentStandards);
  CHECK(after_hours.total.value == 3375);
  CHECK(has_code(after_hours, 140055390));
  // 1,875 + 1,875 × 160/100 (3,000) = 4,875
  const PricedClaim holiday = treatment(kBurn1875, "holiday", kTreatmentStandards);
  CHECK(holiday.total.value == 4875);
  CHECK(has_code(holiday, 140055290));
  const PricedClaim late_night = treatment(kBurn1875, "late_night", kTreatmentStandards);
  CHECK(late_night.total.value == 4875);
  CHECK(has_code(late_night, 140055490));
  CHECK(treatment(kBurn1875, "regular", kTreatmentStandards).total.value == 1875);
}

TEST_CASE("処置 ≥ 1,000点 without the 届出: ロ's 加算2 (時間外 40/100, 休日・深夜 80/100) for an outpatient, nothing for an inpatient") {
  // 1,875 + 1,875 × 40/100 (750) = 2,625
  const PricedClaim after_hours = treatment(kBurn1875, "after_hours");
  CHECK(after_hours.total.value == 2625);
  CHECK(has_code(after_hours, 140000190));
  CHECK_FALSE(has_code(after_hours, 140055390));  // 施設基準 3363 not notified
  // 1,875 + 1,875 × 80/100 (1,500) = 3,375
  CHECK(treatment(kBurn1875, "holiday").total.value == 3375);
  CHECK(treatment(kBurn1875, "late_night").total.value == 3375);
  // ロ is for 入院中の患者以外の患者 only; イ needs the 届出: an inpatient's 休日 処置 here has none.
  CHECK(treatment(kBurn1875, "holiday", R"({"kind":"hospital","beds":200})", "inpatient").total.value == 1875);
}

TEST_CASE("処置 ≥ 1,000点 for an inpatient at a 届出 hospital: 休日加算1 and 深夜加算1 160/100, no 時間外加算1 (入院中の患者以外に限る)") {
  // 1,875 + 3,000 = 4,875
  CHECK(treatment(kBurn1875, "holiday", kTreatmentStandards, "inpatient").total.value == 4875);
  CHECK(treatment(kBurn1875, "late_night", kTreatmentStandards, "inpatient").total.value == 4875);
  const PricedClaim after_hours = treatment(kBurn1875, "after_hours", kTreatmentStandards, "inpatient");
  CHECK(after_hours.total.value == 1875);
  CHECK_FALSE(has_code(after_hours, 140055390));
}

TEST_CASE("処置 of 150–999点 at a 届出 hospital gets ロ's 加算2, not イ's (イ needs 所定点数 ≥ 1,000)") {
  // 630 + 630 × 40/100 (252) = 882; 休日 630 + 504 = 1,134
  const PricedClaim after_hours = treatment(kBurn630, "after_hours", kTreatmentStandards);
  CHECK(after_hours.total.value == 882);
  CHECK(has_code(after_hours, 140000190));
  CHECK(treatment(kBurn630, "holiday", kTreatmentStandards).total.value == 1134);
}

TEST_CASE("処置 時間外加算2 of 337点: 337 × 40/100 = 134.8, 471.8 → 472 (rounding unknown in the 告示/通知 for 処置: santei rounds the unit 四捨五入 as 通知 D 通則4 does for 検査)") {
  CHECK(treatment(kBurn337, "after_hours").total.value == 472);
}

TEST_CASE("処置 and 手術 at a 夜間・早朝等加算 visit: no time addition (通知 第9部 通則4ア・5, 第10部 通則14)") {
  CHECK(treatment(kBurn1875, "night_early", kTreatmentStandards).total.value == 1875);
  CHECK(surgery({kWound1400}, "night_early").total.value == 1400);
}

TEST_CASE("手術 at a clinic without the 届出 (K 通則12ロ): 時間外加算2 40/100, 休日加算2 and 深夜加算2 80/100") {
    // 1,400 + 1,400 × 40/100 (560) = 1,960
  const PricedClaim after_hours = surgery({kWound1400}, "after_hours");
  CHECK(after_hours.total.value == 1960);
  CHECK(has_code(after_hours, 150000490));
  // 1,400 + 1,400 × 80/100 (1,120) = 2,520
  const PricedClaim holiday = surgery({kWound1400}, "holiday");
  CHECK(holiday.total.value == 2520);
  CHECK(has_code(holiday, 150000590));
  CHECK(surgery({kWound1400}, "late_night").total.value == 2520);
  // For an inpatient: 休日・深夜 (80/100) but no 時間外 (入院中の患者以外の患者に対して行われる場合に限る).
  CHECK(surgery({kWound1400}, "late_night", R"({"kind":"hospital","beds":200})", "inpatient").total.value == 2520);
  CHECK(surgery({kWound1400}, "after_hours", R"({"kind":"hospital","beds":200})", "inpatient").total.value == 1400);
}

TEST_CASE("手術 at a 届出 hospital (K 通則12イ): 時間外加算1 80/100, 深夜加算1 160/100") {
    // 1,400 + 1,400 × 80/100 (1,120) = 2,520
  const PricedClaim after_hours = surgery({kWound1400}, "after_hours", kSurgeryStandards);
  CHECK(after_hours.total.value == 2520);
  CHECK(has_code(after_hours, 150371390));
  // 1,400 + 1,400 × 160/100 (2,240) = 3,640
  const PricedClaim late_night = surgery({kWound1400}, "late_night", kSurgeryStandards);
  CHECK(late_night.total.value == 3640);
  CHECK(has_code(late_night, 150371490));
  CHECK(surgery({kWound1400}, "holiday", kSurgeryStandards, "inpatient").total.value == 3640);
}

TEST_CASE("手術 時間外加算 on the 所定点数 with its 注加算: 創傷処理 1,400 + 真皮縫合加算 460 = 1,860; × 40/100 = 744 → 2,604 (通知 第10部 通則9・14)") {
  CHECK(surgery({kWound1400, "150001470"}, "regular").total.value == 1860);
  CHECK(surgery({kWound1400, "150001470"}, "after_hours").total.value == 2604);
}

TEST_CASE("処置 1,000点 threshold on the 所定点数 with its 注加算 (通知 第9部 通則10): 人工呼吸 5時間超 950 + 覚醒試験加算 100 = 1,050, inpatient 休日 at a 届出 hospital → 休日加算1 1,050 × 160/100 = 1,680 → 2,730") {
  // J045 3 人工呼吸 5時間を超えた場合 (1日につき) 14日目まで 950点, 注3 覚醒試験加算 100点.
  ClaimSpec spec = one_visit("2024-06-09", order("40", {"140023510", "140063310"}), "holiday");
  spec.facility = kTreatmentStandards;
  spec.setting = "inpatient";
  spec.extra = R"("admission":{"admitted":"2024-06-01"},)";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 2730);
  CHECK(has_code(priced, 140055290));
}
