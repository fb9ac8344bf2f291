// 難病 (54) and 小児慢性 (52) calculation examples for patients under 70 (平成27年1月, the start of the
// 難病法; file 難病計算例７０歳未満.pdf in the transcription): 事例1–24 難病 (入院・入院外, 既認定・新規認定,
// 多数回), 事例25–38 小児慢性 (a six-year-old, 2割). Found: all 38, as transcribed in hangilc/myclinic-ts
// (packages/rezept/futan/calc.nanbyou.under70.test.ts, amounts in yen; 事例20 also in calc.nanbyou.test.ts);
// the MHLW PDF itself was not found. The 54/52 group is limited at the patient's own 区分 (kouhi.xml
// real|ウ), the 21,000円 rule applies between it and the 医保単独 part (事例8, 11, 29, 31).
#include "copay_jirei.hpp"

using namespace santei;
using namespace santei::test::copay;

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例1: 本人入院 区分ア・難病 (54) 上限 20,000 医療費 230,000 → 患者 20,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 23000}}},
              JireiFigures{20000, std::nullopt, 161000, {{69000, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例2: 本人入院 区分ア・難病 (54) 上限 20,000 医療費 1,540,000 → 患者 20,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 154000}}},
              JireiFigures{20000, 259580, std::nullopt, {{259580, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例3: 本人入院 区分イ・難病 (54) 上限 20,000 医療費 600,000 → 患者 20,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "イ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 60000}}},
              JireiFigures{20000, 167820, std::nullopt, {{167820, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例4: 本人入院 区分イ・難病 (54) 上限 20,000 医療費 600,000 → 患者 20,000 (新規認定者)") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "イ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 60000}}},
              JireiFigures{20000, 167820, std::nullopt, {{167820, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例5: 本人入院 区分イ・難病 (54) 上限 20,000 医療費 650,000 + 医保単独 750,000 → 患者 175,820 (合算 イ on 1,400,000)") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "イ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 65000}, {'1', 75000}}},
              JireiFigures{175820, 324140, std::nullopt, {{168320, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例6: 本人入院 区分ウ・難病 (54) 上限 10,000 医療費 30,000 → 患者 6,000 (2割 6,000 が上限未満)") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 10000)}, {{'2', 3000}}},
              JireiFigures{6000, std::nullopt, 21000, {{9000, 6000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例7: 本人入院 区分ウ・難病 (54) 上限 10,000 医療費 370,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 10000)}, {{'2', 37000}}},
              JireiFigures{10000, 81130, std::nullopt, {{81130, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例8: 本人入院 区分ウ・難病 (54) 上限 10,000 医療費 60,000 + 医保単独 310,000 → 患者 90,530 (難病の組 18,000 < 21,000 は合算せず)") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 10000)}, {{'2', 6000}, {'1', 31000}}},
              JireiFigures{90530, 98530, std::nullopt, {{18000, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例9: 本人入院 区分ウ・難病 (54) 上限 10,000 医療費 300,000 + 医保単独 380,000 → 患者 84,230") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 10000)}, {{'2', 30000}, {'1', 38000}}},
              JireiFigures{84230, 154660, std::nullopt, {{80430, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例10: 本人入院 区分エ・難病 (54) 上限 5,000 医療費 220,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 22000}}},
              JireiFigures{5000, 57600, std::nullopt, {{57600, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例11: 本人入院 区分エ・難病 (54) 上限 5,000 医療費 230,000 + 医保単独 50,000 → 患者 20,000 (医保単独 15,000 < 21,000)") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 23000}, {'1', 5000}}},
              JireiFigures{20000, 72600, std::nullopt, {{57600, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例12: 本人入院 区分エ・難病 (54) 上限 5,000 医療費 250,000 + 医保単独 200,000 → 患者 57,600") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 25000}, {'1', 20000}}},
              JireiFigures{57600, 110200, std::nullopt, {{57600, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例13: 本人入院 区分オ・難病 (54) 上限 5,000 医療費 230,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 23000}}},
              JireiFigures{5000, 35400, std::nullopt, {{35400, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例14: 本人入院 区分オ・難病 (54) 上限 5,000 医療費 90,000 + 医保単独 170,000 → 患者 35,400") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 9000}, {'1', 17000}}},
              JireiFigures{35400, 57400, std::nullopt, {{27000, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例15: 本人入院 区分ア・難病 (54) 上限 30,000 多数回 医療費 1,100,000 → 患者 30,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("54", 30000)}, {{'2', 110000}}},
              JireiFigures{30000, 140100, std::nullopt, {{140100, 30000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例16: 本人入院 区分イ・難病 (54) 上限 20,000 多数回 医療費 700,000 → 患者 20,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "イ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 70000}}},
              JireiFigures{20000, 93000, std::nullopt, {{93000, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例17: 本人入院 区分ウ・難病 (54) 上限 20,000 多数回 医療費 700,000 → 患者 20,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 70000}}},
              JireiFigures{20000, 44400, std::nullopt, {{44400, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例18: 本人入院 区分エ・難病 (54) 上限 5,000 多数回 医療費 220,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 22000}}},
              JireiFigures{5000, 44400, std::nullopt, {{44400, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例19: 本人入院 区分オ・難病 (54) 上限 5,000 多数回 医療費 190,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 19000}}},
              JireiFigures{5000, 24600, std::nullopt, {{24600, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例20: 本人入院外 区分ア・難病 (54) 上限 30,000 医療費 1,300,000 → 患者 30,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ア", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 30000)}, {{'2', 130000}}},
              JireiFigures{30000, 257180, std::nullopt, {{257180, 30000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例21: 本人入院外 区分イ・難病 (54) 上限 30,000 医療費 650,000 → 患者 30,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "イ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 30000)}, {{'2', 65000}}},
              JireiFigures{30000, 168320, std::nullopt, {{168320, 30000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例22: 本人入院外 区分ウ・難病 (54) 上限 20,000 医療費 330,000 → 患者 20,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "ウ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 20000)}, {{'2', 33000}}},
              JireiFigures{20000, 80730, std::nullopt, {{80730, 20000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例23: 本人入院外 区分エ・難病 (54) 上限 10,000 医療費 300,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "エ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 10000)}, {{'2', 30000}}},
              JireiFigures{10000, 57600, std::nullopt, {{57600, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例24: 本人入院外 区分オ・難病 (54) 上限 5,000 医療費 160,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "1970-05-01", InsuranceKind::employee, "オ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 16000}}},
              JireiFigures{5000, 35400, std::nullopt, {{35400, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例25: 六歳入院 区分ア・小児慢性 (52) 上限 10,000 医療費 2,100,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 10000)}, {{'2', 210000}}},
              JireiFigures{10000, 265180, std::nullopt, {{265180, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例26: 六歳入院 区分イ・小児慢性 (52) 上限 10,000 医療費 900,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "イ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 10000)}, {{'2', 90000}}},
              JireiFigures{10000, 170820, std::nullopt, {{170820, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例27: 六歳入院 区分イ・小児慢性 (52) 上限 10,000 医療費 1,100,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "イ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 10000)}, {{'2', 110000}}},
              JireiFigures{10000, 172820, std::nullopt, {{172820, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例28: 六歳入院 区分ウ・小児慢性 (52) 上限 10,000 医療費 460,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 10000)}, {{'2', 46000}}},
              JireiFigures{10000, 82030, std::nullopt, {{82030, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例29: 六歳入院 区分ウ・小児慢性 (52) 上限 10,000 医療費 60,000 + 医保単独 440,000 → 患者 91,830 (小慢の組 12,000 < 21,000 は合算せず)") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 10000)}, {{'2', 6000}, {'1', 44000}}},
              JireiFigures{91830, 93830, std::nullopt, {{12000, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例30: 六歳入院 区分エ・小児慢性 (52) 上限 5,000 医療費 320,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 5000)}, {{'2', 32000}}},
              JireiFigures{5000, 57600, std::nullopt, {{57600, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例31: 六歳入院 区分エ・小児慢性 (52) 上限 5,000 医療費 300,000 + 医保単独 100,000 → 患者 25,000 (医保単独 20,000 < 21,000)") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 5000)}, {{'2', 30000}, {'1', 10000}}},
              JireiFigures{25000, 77600, std::nullopt, {{57600, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例32: 六歳入院 区分オ・小児慢性 (52) 上限 2,500 医療費 230,000 → 患者 2,500") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 2500)}, {{'2', 23000}}},
              JireiFigures{2500, 35400, std::nullopt, {{35400, 2500}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例33: 六歳入院 区分オ・小児慢性 (52) 上限 2,500 医療費 200,000 + 医保単独 190,000 → 患者 35,400") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("52", 2500)}, {{'2', 20000}, {'1', 19000}}},
              JireiFigures{35400, 68300, std::nullopt, {{35400, 2500}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例34: 六歳入院 区分ア・小児慢性 (52) 上限 10,000 多数回 医療費 900,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "ア", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("52", 10000)}, {{'2', 90000}}},
              JireiFigures{10000, 140100, std::nullopt, {{140100, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例35: 六歳入院 区分イ・小児慢性 (52) 上限 10,000 多数回 医療費 700,000 → 患者 10,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "イ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("52", 10000)}, {{'2', 70000}}},
              JireiFigures{10000, 93000, std::nullopt, {{93000, 10000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例36: 六歳入院 区分ウ・小児慢性 (52) 上限 5,000 多数回 医療費 300,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "ウ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("52", 5000)}, {{'2', 30000}}},
              JireiFigures{5000, 44400, std::nullopt, {{44400, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例37: 六歳入院 区分エ・小児慢性 (52) 上限 5,000 多数回 医療費 260,000 → 患者 5,000") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "エ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("52", 5000)}, {{'2', 26000}}},
              JireiFigures{5000, 44400, std::nullopt, {{44400, 5000}}});
}

TEST_CASE("難病・小児慢性 計算事例 (70歳未満) 事例38: 六歳入院 区分オ・小児慢性 (52) 上限 2,500 多数回 医療費 180,000 → 患者 2,500") {
  check_jirei(JireiCase{"2015-02", "2015-02-10", "2008-12-01", InsuranceKind::employee, "オ", Setting::inpatient, true, std::nullopt, std::nullopt, {kouhi("52", 2500)}, {{'2', 18000}}},
              JireiFigures{2500, 24600, std::nullopt, {{24600, 2500}}});
}
