// 高額療養費の自己負担限度額の見直しに係る計算事例 (MHLW, 平成27年1月): 70歳未満, 事例1–31 (本人入院・
// 入院外, 多数回, マル長, 結核 10, 更生医療 15). Found: all 31, as transcribed in hangilc/myclinic-ts
// (packages/rezept/futan/calc.kougaku.under70.test.ts; the older futan-calc.kougaku.test.ts agrees on
// every figure both state); the MHLW PDF itself was not found. Priced in 2015-01, the month the 事例
// were written for; one receipt, its lines on one date (inpatient: one bill at the month end).
#include "copay_jirei.hpp"

using namespace santei;
using namespace santei::test::copay;

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例1: 本人入院 区分ア 8,800点 → 3割 26,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {}, {{'1', 8800}}},
              JireiFigures{26400, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例2: 本人入院 区分ア 94,576点 → 252,600 + 1% = 253,638") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {}, {{'1', 94576}}},
              JireiFigures{253638, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例3: 本人入院 区分イ 72,641点 → 169,084") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "イ", Setting::inpatient, false, std::nullopt, std::nullopt, {}, {{'1', 72641}}},
              JireiFigures{169084, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例4: 本人入院 区分ウ 36,452点 → 81,075") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {}, {{'1', 36452}}},
              JireiFigures{81075, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例5: 本人入院 区分エ 21,635点 → 57,600") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {}, {{'1', 21635}}},
              JireiFigures{57600, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例6: 本人入院 区分オ 18,795点 → 35,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {}, {{'1', 18795}}},
              JireiFigures{35400, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例7: 本人入院 区分ア 多数回該当 → 140,100") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, true, std::nullopt, std::nullopt, {}, {{'1', 94576}}},
              JireiFigures{140100, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例8: 本人入院 区分イ 多数回該当 → 93,000") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "イ", Setting::inpatient, true, std::nullopt, std::nullopt, {}, {{'1', 72641}}},
              JireiFigures{93000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例9: 本人入院 区分ウ 多数回該当 → 44,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, true, std::nullopt, std::nullopt, {}, {{'1', 36452}}},
              JireiFigures{44400, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例10: 本人入院 区分エ 多数回該当 → 44,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, true, std::nullopt, std::nullopt, {}, {{'1', 21635}}},
              JireiFigures{44400, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例11: 本人入院 区分オ 多数回該当 → 24,600") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, true, std::nullopt, std::nullopt, {}, {{'1', 18795}}},
              JireiFigures{24600, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例12: 本人入院 区分ウ マル長 17,500点 → 10,000") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, 10000, std::nullopt, {}, {{'1', 17500}}},
              JireiFigures{10000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例13: 本人入院 区分ア・結核 (10) 6,000点 + 医保単独 9,000点: 結核分 18,000 < 21,000 は合算せず → 3,000 + 27,000 = 30,000") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 6000}, {'1', 9000}}},
              JireiFigures{30000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例14: 本人入院 区分ア・結核 (10) 85,000点 + 医保単独 5,000点 → 患者 57,500") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 85000}, {'1', 5000}}},
              JireiFigures{57500, 100930, std::nullopt, {{85930, 42500}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例15: 本人入院 区分ア・結核 (10) 5,000点 + 医保単独 95,000点 → 患者 256,180") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 5000}, {'1', 95000}}},
              JireiFigures{256180, 268680, std::nullopt, {{15000, 2500}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例16: 本人入院 区分ア・結核 (10) 10,000点 + 医保単独 110,000点 → 患者 256,180") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 10000}, {'1', 110000}}},
              JireiFigures{256180, 281180, std::nullopt, {{30000, 5000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例17: 本人入院 区分ア・結核 (10) 85,000点 + 医保単独 95,000点 → 患者 262,180") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ア", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 85000}, {'1', 95000}}},
              JireiFigures{262180, 305610, std::nullopt, {{85930, 42500}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例18: 本人入院外 区分イ・結核 (10) 85,000点 + 医保単独 5,000点 → 患者 57,500") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "イ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 85000}, {'1', 5000}}},
              JireiFigures{57500, 100930, std::nullopt, {{85930, 42500}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例19: 本人入院外 区分イ・結核 (10) 5,000点 + 医保単独 95,000点 → 患者 173,820") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "イ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 5000}, {'1', 95000}}},
              JireiFigures{173820, 186320, std::nullopt, {{15000, 2500}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例20: 本人入院外 区分イ・結核 (10) 10,000点 + 医保単独 110,000点 → 患者 173,820") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "イ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 10000}, {'1', 110000}}},
              JireiFigures{173820, 198820, std::nullopt, {{30000, 5000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例21: 本人入院外 区分イ・結核 (10) 85,000点 + 医保単独 95,000点 → 患者 179,820") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "イ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 85000}, {'1', 95000}}},
              JireiFigures{179820, 223250, std::nullopt, {{85930, 42500}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例22: 本人入院 区分ウ・更生医療 (15) 上限 30,000 20,000点 + 医保単独 40,000点 → 患者 83,430") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 30000)}, {{'2', 20000}, {'1', 40000}}},
              JireiFigures{83430, 123430, std::nullopt, {{60000, 20000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例23: 本人入院 区分ウ・更生医療 (15) 上限 30,000 30,000点 + 医保単独 30,000点 → 患者 83,430") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "ウ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 30000)}, {{'2', 30000}, {'1', 30000}}},
              JireiFigures{83430, 133860, std::nullopt, {{80430, 30000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例24: 本人入院 区分エ・更生医療 (15) 上限 5,000 30,000点 → 患者 5,000") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 5000)}, {{'2', 30000}}},
              JireiFigures{5000, 80430, std::nullopt, {{80430, 5000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例25: 本人入院 区分エ・更生医療 (15) 上限 5,000 10,000点 + 医保単独 20,000点 → 患者 57,600") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 5000)}, {{'2', 10000}, {'1', 20000}}},
              JireiFigures{57600, 82600, std::nullopt, {{30000, 5000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例26: 本人入院 区分エ・更生医療 (15) 上限 5,000 30,000点 + 医保単独 30,000点 → 患者 57,600") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "エ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 5000)}, {{'2', 30000}, {'1', 30000}}},
              JireiFigures{57600, 133030, std::nullopt, {{80430, 5000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例27: 本人入院 区分オ・更生医療 (15) 上限 0 10,000点 + 医保単独 20,000点 → 患者 35,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 0)}, {{'2', 10000}, {'1', 20000}}},
              JireiFigures{35400, 65400, std::nullopt, {{30000, 0}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例28: 本人入院 区分オ・更生医療 (15) 上限 0 30,000点 + 医保単独 10,000点 → 患者 30,000") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 0)}, {{'2', 30000}, {'1', 10000}}},
              JireiFigures{30000, 110430, std::nullopt, {{80430, 0}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例29: 本人入院 区分オ・更生医療 (15) 上限 0 30,000点 + 医保単独 30,000点 → 患者 35,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 0)}, {{'2', 30000}, {'1', 30000}}},
              JireiFigures{35400, 115830, std::nullopt, {{80430, 0}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例30: 本人入院 区分オ・更生医療 (15) 上限 5,000 10,000点 + 医保単独 20,000点 → 患者 35,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 5000)}, {{'2', 10000}, {'1', 20000}}},
              JireiFigures{35400, 60400, std::nullopt, {{30000, 5000}}});
}

TEST_CASE("高額療養費 計算事例 平成27年1月 (70歳未満) 事例31: 本人入院 区分オ・更生医療 (15) 上限 5,000 30,000点 + 医保単独 30,000点 → 患者 35,400") {
  check_jirei(JireiCase{"2015-01", "2015-01-15", "1970-05-01", InsuranceKind::employee, "オ", Setting::inpatient, false, std::nullopt, std::nullopt, {kouhi("15", 5000)}, {{'2', 30000}, {'1', 30000}}},
              JireiFigures{35400, 110830, std::nullopt, {{80430, 5000}}});
}
