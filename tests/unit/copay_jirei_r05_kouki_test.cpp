// 後期高齢者医療制度の負担割合見直しに係る計算事例集 (MHLW, 令和5年4月): 一般Ⅱ (2割) outpatients,
// 事例1–23 (配慮措置, 75歳到達月, マル長, 難病 54, 更生医療 15, 結核 10, 肝炎 38, 新型コロナ 28).
// Found: 22 of 23, as transcribed in hangilc/myclinic-ts (packages/rezept/futan/calc.hairyosochi.test.ts,
// whose bills are in yen, and the older futan-calc.kougaku.hairyo.test.ts in points). Not found: 事例13
// (neither transcription has it; the MHLW PDF was not found). The 事例 settle copayment.md §1.3: the
// 配慮措置 is for the 医保単独 part of a receipt without マル長 only (事例10, 14, 21), on that part's own
// cost, with the plain 18,000 外来 limit over the whole receipt (事例16–20).
#include "copay_jirei.hpp"

using namespace santei;
using namespace santei::test::copay;

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例1: 外来 2,000点 → 2割 4,000 (30,000円未満は配慮措置より低い)") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {}, {{'1', 2000}}},
              JireiFigures{4000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例2: 外来 20,000点 → 外来上限 18,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {}, {{'1', 20000}}},
              JireiFigures{18000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例3: 外来 配慮措置 8,000点 → 6,000 + 5,000 = 11,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {}, {{'1', 8000}}},
              JireiFigures{11000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例4: 外来 配慮措置 13,000点 → 16,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {}, {{'1', 13000}}},
              JireiFigures{16000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例5: 外来 75歳到達月 10,000点 → 9,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-25", "1948-04-20", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {}, {{'1', 10000}}},
              JireiFigures{9000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例6: 外来 配慮措置 75歳到達月 4,000点 → 4,000 + 3,000 = 7,000 (+3,000 は半額にしない)") {
  check_jirei(JireiCase{"2023-04", "2023-04-25", "1948-04-20", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {}, {{'1', 4000}}},
              JireiFigures{7000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例7: 外来 配慮措置 75歳到達月 5,000点 → 8,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-25", "1948-04-20", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {}, {{'1', 5000}}},
              JireiFigures{8000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例8: 外来 マル長 15,000点 → 10,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, 10000, std::nullopt, {}, {{'1', 15000}}},
              JireiFigures{10000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例9: 外来 マル長 75歳到達月 7,000点 → 5,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-25", "1948-04-20", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, 10000, std::nullopt, {}, {{'1', 7000}}},
              JireiFigures{5000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例10: 外来・難病 10,000点 → 保険者は 18,000 を残す (配慮措置なし)、難病 13,000、患者 5,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 10000}}},
              JireiFigures{5000, 18000, std::nullopt, {{18000, 5000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例11: 外来・難病 8,000点 → 16,000 のうち患者 5,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 8000}}},
              JireiFigures{5000, 16000, std::nullopt, {{16000, 5000}}});
}

// The newer transcription bills 50,000円 (5,000点), the older 8,000点; both give the stated figures.
TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例12: 外来・難病 75歳到達月 5,000点 → 9,000 のうち患者 5,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-25", "1948-04-20", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 5000}}},
              JireiFigures{5000, 9000, std::nullopt, {{9000, 5000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例14: 外来 マル長・更生医療 6,000点 → マル長 10,000 のうち更生医療 1割 6,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, 10000, std::nullopt, {kouhi("15", 30000)}, {{'2', 6000}}},
              JireiFigures{6000, 10000, std::nullopt, {{10000, 6000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例15: 外来・難病 3,000点 + 医保単独 1,000点 → 7,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 3000}, {'1', 1000}}},
              JireiFigures{7000, 8000, std::nullopt, {{6000, 5000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例16: 外来・難病 配慮措置 4,000点 + 医保単独 5,000点 → 5,000 + 配慮措置 8,000 = 13,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 4000}, {'1', 5000}}},
              JireiFigures{13000, 16000, std::nullopt, {{8000, 5000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例17: 外来・難病 配慮措置 3,500点 + 医保単独 10,500点 → 外来上限 18,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000)}, {{'2', 3500}, {'1', 10500}}},
              JireiFigures{18000, 20000, std::nullopt, {{7000, 5000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例18: 外来・結核 配慮措置 6,000点 + 医保単独 8,000点 → 3,000 + 11,000 = 14,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("10")}, {{'2', 6000}, {'1', 8000}}},
              JireiFigures{14000, 23000, std::nullopt, {{12000, 3000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例19: 外来・難病・肝炎 配慮措置 4,000点 + 3,500点 + 医保単独 4,500点 → 13,500") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000), kouhi("38", 1000)}, {{'2', 4000}, {'3', 3500}, {'1', 4500}}},
              JireiFigures{13500, 22500, std::nullopt, {{8000, 5000}, {7000, 1000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例20: 外来・難病・肝炎 配慮措置 3,200点 + 2,000点 + 医保単独 9,600点 → 18,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("54", 5000), kouhi("38", 1000)}, {{'2', 3200}, {'3', 2000}, {'1', 9600}}},
              JireiFigures{18000, 22400, std::nullopt, {{6400, 5000}, {4000, 1000}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例21: 外来 マル長 4,000点 → 2割 8,000 (マル長があれば配慮措置なし)") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, 10000, std::nullopt, {}, {{'1', 4000}}},
              JireiFigures{8000, std::nullopt, std::nullopt, {}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例22: 外来・新型コロナ感染症 (28) 8,500点 + 医保単独 2,500点 → 5,000") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("28")}, {{'2', 8500}, {'1', 2500}}},
              JireiFigures{5000, std::nullopt, 88000, {{17000, 0}}});
}

TEST_CASE("後期高齢者 2割 計算事例集 令和5年4月 事例23: 外来・新型コロナ感染症 (28) 配慮措置 8,000点 + 医保単独 5,500点 → 8,500") {
  check_jirei(JireiCase{"2023-04", "2023-04-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ", Setting::outpatient, false, std::nullopt, std::nullopt, {kouhi("28")}, {{'2', 8000}, {'1', 5500}}},
              JireiFigures{8500, 24500, std::nullopt, {{16000, 0}}});
}
