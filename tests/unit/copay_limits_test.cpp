// 高額療養費 at the window (kougaku.xml, care_measure.xml), on both sides of every change date:
// 2017-08, 2018-08, 2022-10-01, 2025-09-30 and 2026-08; the 75歳到達月, マル長, day-by-day limits.
#include <doctest/doctest.h>

#include "copay/limits.hpp"
#include "copay_support.hpp"

using namespace santei;
using namespace santei::test::copay;

namespace {

std::int64_t one_visit(const char* month, const char* date, const char* birth, InsuranceKind kind, const char* bracket,
                       std::int64_t points) {
  return compute_copay(outpatient(month, birth, kind, bracket), priced({care(date, points)})).patient_yen.value;
}

std::int64_t one_stay(const char* month, const char* birth, InsuranceKind kind, const char* bracket, std::int64_t points) {
  Claim c = inpatient(month, birth, kind, bracket);
  const Date first = c.month.first_day();
  return compute_copay(c, priced(daily_care(first.year(), first.month(), 1, 10, points))).patient_yen.value;
}

constexpr const char* k72 = "1954-01-10";  // 70–74 from 2024-02 through 2029-01
constexpr const char* k70s = "1945-01-10"; // 70–74 from 2015-02 through 2020-01
constexpr const char* k80 = "1945-06-10";  // 後期

}  // namespace

TEST_CASE("70歳未満 limits 2015-01 to 2026-07: ア イ ウ エ オ with the 1% parts and 多数回") {
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "ア", 100000) == 252600 + 1580);
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "イ", 100000) == 167400 + 4420);
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "ウ", 100000) == 87430);
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "エ", 100000) == 57600);
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "オ", 100000) == 35400);
  CHECK(one_stay("2015-01", "1980-01-01", InsuranceKind::employee, "ウ", 100000) == 87430);
  // Below the threshold the 1% part is 0, never negative: ウ on 267,000 is 80,100 exactly, and 3割 of less is less.
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "ウ", 26700) == 80100);
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "ウ", 20000) == 60000);
}

TEST_CASE("70歳未満 limits from 2026-08 [partly verified]: ア 270,300+1% over 901,000 … オ 36,900; 2026-07 on the other side") {
  CHECK(one_stay("2026-08", k40, InsuranceKind::employee, "ア", 100000) == 270300 + 990);
  CHECK(one_stay("2026-08", k40, InsuranceKind::employee, "イ", 100000) == 179100 + 4030);
  CHECK(one_stay("2026-08", k40, InsuranceKind::employee, "ウ", 100000) == 92940);
  CHECK(one_stay("2026-08", k40, InsuranceKind::employee, "エ", 100000) == 61500);
  CHECK(one_stay("2026-08", k40, InsuranceKind::employee, "オ", 100000) == 36900);
  CHECK(one_stay("2026-07", k40, InsuranceKind::employee, "オ", 100000) == 35400);
}

TEST_CASE("70歳以上 outpatient from 2026-08 [partly verified]: 一般 22,000, 低所得Ⅱ 11,000, 低所得Ⅰ 8,000, 現役並み on the new ア/イ/ウ rows; 2026-07 on the other side") {
  // 一般 2割, 12,000点: 24,000 → the 外来 limit.
  CHECK(one_visit("2026-07", "2026-07-31", k72, InsuranceKind::national, "一般", 12000) == 18000);
  CHECK(one_visit("2026-08", "2026-08-01", k72, InsuranceKind::national, "一般", 12000) == 22000);
  CHECK(one_visit("2026-07", "2026-07-31", k72, InsuranceKind::national, "低所得Ⅱ", 10000) == 8000);
  CHECK(one_visit("2026-08", "2026-08-01", k72, InsuranceKind::national, "低所得Ⅱ", 10000) == 11000);
  CHECK(one_visit("2026-07", "2026-07-31", k72, InsuranceKind::national, "低所得Ⅰ", 10000) == 8000);
  CHECK(one_visit("2026-08", "2026-08-01", k72, InsuranceKind::national, "低所得Ⅰ", 10000) == 8000);
  // 現役並み 3割, 100,000点 (1,000,000円): no 外来 limit of their own, the 世帯 formula.
  CHECK(one_visit("2026-07", "2026-07-31", k72, InsuranceKind::employee, "現役並みⅠ", 100000) == 80100 + 7330);
  CHECK(one_visit("2026-08", "2026-08-01", k72, InsuranceKind::employee, "現役並みⅠ", 100000) == 85800 + 7140);
  CHECK(one_visit("2026-07", "2026-07-31", k72, InsuranceKind::employee, "現役並みⅡ", 100000) == 167400 + 4420);
  CHECK(one_visit("2026-08", "2026-08-01", k72, InsuranceKind::employee, "現役並みⅡ", 100000) == 179100 + 4030);
  CHECK(one_visit("2026-07", "2026-07-31", k72, InsuranceKind::employee, "現役並みⅢ", 100000) == 252600 + 1580);
  CHECK(one_visit("2026-08", "2026-08-01", k72, InsuranceKind::employee, "現役並みⅢ", 100000) == 270300 + 990);
  // 後期: 一般Ⅰ (1割) and 一般Ⅱ (2割, no 配慮措置 any more) share the 一般 row.
  CHECK(one_visit("2026-07", "2026-07-31", k80, InsuranceKind::elderly, "一般Ⅰ", 25000) == 18000);
  CHECK(one_visit("2026-08", "2026-08-01", k80, InsuranceKind::elderly, "一般Ⅰ", 25000) == 22000);
  CHECK(one_visit("2026-08", "2026-08-01", k80, InsuranceKind::elderly, "一般Ⅱ", 12000) == 22000);
  CHECK(one_visit("2026-08", "2026-08-01", k80, InsuranceKind::elderly, "低所得Ⅱ", 12000) == 11000);
}

TEST_CASE("70歳以上 inpatient from 2026-08 [partly verified]: 一般 61,500, 低所得Ⅱ 25,700, 低所得Ⅰ 15,700, 多数回; 2026-07 on the other side") {
  // 50,000点 over ten days: 2割 100,000.
  CHECK(one_stay("2026-07", k72, InsuranceKind::national, "一般", 50000) == 57600);
  CHECK(one_stay("2026-08", k72, InsuranceKind::national, "一般", 50000) == 61500);
  CHECK(one_stay("2026-07", k72, InsuranceKind::national, "低所得Ⅱ", 50000) == 24600);
  CHECK(one_stay("2026-08", k72, InsuranceKind::national, "低所得Ⅱ", 50000) == 25700);
  CHECK(one_stay("2026-07", k72, InsuranceKind::national, "低所得Ⅰ", 50000) == 15000);
  CHECK(one_stay("2026-08", k72, InsuranceKind::national, "低所得Ⅰ", 50000) == 15700);
  CHECK(one_stay("2026-07", k72, InsuranceKind::employee, "現役並みⅠ", 100000) == 87430);
  CHECK(one_stay("2026-08", k72, InsuranceKind::employee, "現役並みⅠ", 100000) == 92940);
  CHECK(one_stay("2026-07", k72, InsuranceKind::employee, "現役並みⅡ", 100000) == 171820);
  CHECK(one_stay("2026-08", k72, InsuranceKind::employee, "現役並みⅡ", 100000) == 183130);
  CHECK(one_stay("2026-07", k72, InsuranceKind::employee, "現役並みⅢ", 100000) == 254180);
  CHECK(one_stay("2026-08", k72, InsuranceKind::employee, "現役並みⅢ", 100000) == 271290);
  CHECK(one_stay("2026-08", k80, InsuranceKind::elderly, "一般Ⅱ", 50000) == 61500);
  // 多数回: unchanged 44,400 for 一般; 低所得Ⅱ has one from 2026-08 (24,600), none before.
  const auto many = [](const char* month, const char* bracket) {
    Claim c = inpatient(month, k72, InsuranceKind::national, bracket);
    c.insurance.many_times = true;
    const Date first = c.month.first_day();
    return compute_copay(c, priced(daily_care(first.year(), first.month(), 1, 10, 50000))).patient_yen.value;
  };
  CHECK(many("2026-07", "一般") == 44400);
  CHECK(many("2026-08", "一般") == 44400);
  CHECK(many("2026-07", "低所得Ⅱ") == 24600);
  CHECK(many("2026-08", "低所得Ⅱ") == 24600);
  CHECK(many("2026-08", "低所得Ⅰ") == 15700);
}

TEST_CASE("75歳到達月 from 2026-08: the new 外来 22,000 and 世帯 61,500 halve to 11,000 and 30,750") {
  const char* birth = "1951-08-20";  // 75 on 2026-08-20
  CHECK(one_visit("2026-08", "2026-08-25", birth, InsuranceKind::elderly, "一般Ⅰ", 15000) == 11000);
  Claim stay = inpatient("2026-08", birth, InsuranceKind::elderly, "一般Ⅰ");
  CHECK(compute_copay(stay, priced(daily_care(2026, 8, 20, 31, 50000))).patient_yen.value == 30750);
}

TEST_CASE("70+ 外来 limit of 一般: 12,000 until 2017-07, 14,000 from 2017-08, 18,000 from 2018-08") {
  CHECK(one_visit("2017-07", "2017-07-03", k70s, InsuranceKind::national, "一般", 10000) == 12000);
  CHECK(one_visit("2017-08", "2017-08-01", k70s, InsuranceKind::national, "一般", 10000) == 14000);
  CHECK(one_visit("2018-07", "2018-07-31", k70s, InsuranceKind::national, "一般", 10000) == 14000);
  CHECK(one_visit("2018-08", "2018-08-01", k70s, InsuranceKind::national, "一般", 10000) == 18000);
  // Inpatient (世帯) 一般: 44,400 until 2017-07, 57,600 from 2017-08.
  CHECK(one_stay("2017-07", k70s, InsuranceKind::national, "一般", 50000) == 44400);
  CHECK(one_stay("2017-08", k70s, InsuranceKind::national, "一般", 50000) == 57600);
}

TEST_CASE("70+ 現役並み: 外来 57,600 until 2018-07; from 2018-08 Ⅰ–Ⅲ with no separate 外来 limit") {
  CHECK(one_visit("2018-07", "2018-07-31", k70s, InsuranceKind::employee, "現役並みⅡ", 30000) == 57600);
  CHECK(one_visit("2018-08", "2018-08-01", k70s, InsuranceKind::employee, "現役並みⅠ", 30000) == 80100 + 330);
  CHECK(one_visit("2018-08", "2018-08-01", k70s, InsuranceKind::employee, "現役並みⅡ", 30000) == 90000);
  CHECK(one_visit("2018-08", "2018-08-01", k70s, InsuranceKind::employee, "現役並みⅢ", 100000) == 254180);
  // 現役並み without Ⅰ–Ⅲ is no 区分 after the split.
  CHECK_THROWS_AS(one_visit("2018-08", "2018-08-01", k70s, InsuranceKind::employee, "現役並み", 100), Exception);
  // 低所得: 8,000 外来, 24,600 / 15,000 入院.
  CHECK(one_visit("2026-03", "2026-03-02", k72, InsuranceKind::national, "低所得Ⅱ", 10000) == 8000);
  CHECK(one_stay("2026-03", k72, InsuranceKind::national, "低所得Ⅱ", 50000) == 24600);
  CHECK(one_stay("2026-03", k72, InsuranceKind::national, "低所得Ⅰ", 50000) == 15000);
}

TEST_CASE("配慮措置 for 一般Ⅱ outpatients: from 2022-10-01 to 2025-09-30 only; never for inpatients") {
  // 8,000点: 2割 16,000 → 6,000 + 5,000 = 11,000 while in force.
  CHECK(one_visit("2022-10", "2022-10-01", k80, InsuranceKind::elderly, "一般Ⅱ", 8000) == 11000);
  CHECK(one_visit("2025-09", "2025-09-30", k80, InsuranceKind::elderly, "一般Ⅱ", 8000) == 11000);
  CHECK(one_visit("2025-10", "2025-10-01", k80, InsuranceKind::elderly, "一般Ⅱ", 8000) == 16000);
  // Below 30,000円 the plain 2割 is lower than the formula.
  CHECK(one_visit("2025-09", "2025-09-30", k80, InsuranceKind::elderly, "一般Ⅱ", 2000) == 4000);
  // Inpatient: the 世帯 limit 57,600 only.
  CHECK(one_stay("2025-09", k80, InsuranceKind::elderly, "一般Ⅱ", 20000) == 40000);
}

TEST_CASE("配慮措置 on the 医保単独 part of a receipt without マル長 only (計算事例集 令和5年4月 事例21, 事例17), 2025-09") {
  // マル長 10,000: 4,000点 → 2割 8,000 (the 配慮措置 would give 7,000).
  Claim m = outpatient("2025-09", k80, InsuranceKind::elderly, "一般Ⅱ");
  m.insurance.special_disease_cap = Yen{10000};
  CHECK(compute_copay(m, priced({care("2025-09-10", 4000)})).patient_yen.value == 8000);
  // The 医保単独 part keeps it, on its own cost, under the combined 18,000 (事例17).
  Claim both = outpatient("2025-09", k80, InsuranceKind::elderly, "一般Ⅱ");
  both.public_expenses = {kouhi("54", 5000)};
  const CopayResult b = compute_copay(both, priced({care("2025-09-10", 3500, '2'), care("2025-09-10", 10500, '1')}));
  CHECK(b.patient_yen.value == 18000);
  CHECK(b.insurer_claim_yen.value == 140000 - 20000);
}

TEST_CASE("配慮措置 in the 75歳到達月: the ceiling halves to 9,000, the +3,000 part does not (計算事例)") {
  // Born 1950-09-15: 75 on 2025-09-15; 後期 一般Ⅱ visits from the birthday.
  const char* birth = "1950-09-15";
  CHECK(one_visit("2025-09", "2025-09-20", birth, InsuranceKind::elderly, "一般Ⅱ", 4000) == 7000);
  CHECK(one_visit("2025-09", "2025-09-20", birth, InsuranceKind::elderly, "一般Ⅱ", 5000) == 8000);
  CHECK(one_visit("2025-09", "2025-09-20", birth, InsuranceKind::elderly, "一般Ⅱ", 10000) == 9000);
}

TEST_CASE("75歳到達月 halves thresholds and 多数回 too: 現役並みⅡ 33,600点 → 84,270 (計算事例 2018-08)") {
  const char* birth = "1943-08-20";  // 75 on 2018-08-20
  Claim stay = inpatient("2018-08", birth, InsuranceKind::elderly, "現役並みⅡ");
  CHECK(compute_copay(stay, priced(daily_care(2018, 8, 20, 31, 33600))).patient_yen.value == 84270);
  Claim c = inpatient("2018-08", birth, InsuranceKind::elderly, "現役並みⅠ");
  c.insurance.many_times = true;
  CHECK(compute_copay(c, priced(daily_care(2018, 8, 20, 31, 50000))).patient_yen.value == 22200);
  c.insurance.income_bracket = "一般";
  CHECK(compute_copay(c, priced(daily_care(2018, 8, 20, 31, 50000))).patient_yen.value == 22200);
  Claim out = outpatient("2018-08", birth, InsuranceKind::elderly, "現役並みⅢ");
  out.insurance.many_times = true;
  CHECK(compute_copay(out, priced({care("2018-08-21", 100000)})).patient_yen.value == 70050);
}

TEST_CASE("特定疾病 (マル長) caps the unit at 10,000; halved in the 75歳到達月; 15,000 is not a マル長 limit") {
  Claim c = outpatient("2026-03", k40);
  c.insurance.special_disease_cap = Yen{10000};
  const CopayResult r = compute_copay(c, priced({care("2026-03-02", 20000), care("2026-03-09", 20000)}));
  CHECK(r.daily[0].patient_yen.value == 10000);
  CHECK(r.daily[0].limit == "特定疾病 (マル長)");
  CHECK(r.daily[1].patient_yen.value == 0);
  Claim born = outpatient("2026-03", "1951-03-15", InsuranceKind::elderly, "一般");
  born.insurance.special_disease_cap = Yen{10000};
  CHECK(compute_copay(born, priced({care("2026-03-20", 20000)})).patient_yen.value == 5000);
  c.insurance.special_disease_cap = Yen{15000};
  CHECK_THROWS_AS(compute_copay(c, priced({care("2026-03-02", 100)})), Exception);
}

TEST_CASE("day by day: rounding up on earlier visits never lets the month pass the limit (1円 rule when it binds)") {
  // 70+ 一般 外来 18,000: 2割 of 45,230 is 9,046 → 9,050 collected; the next visit collects 8,950, not 8,960.
  Claim c = outpatient("2026-03", k72, InsuranceKind::national, "一般");
  const CopayResult r = compute_copay(c, priced({care("2026-03-02", 4523), care("2026-03-09", 5000), care("2026-03-16", 100)}));
  CHECK(r.daily[0].patient_yen.value == 9050);
  CHECK(r.daily[1].patient_yen.value == 8950);
  CHECK(r.daily[2].patient_yen.value == 0);
  CHECK(r.patient_yen.value == 18000);
  CHECK(r.insurer_claim_yen.value == 96230 - 18000);
  CHECK(adds_up(r));
}

TEST_CASE("inpatient bills: a mid-month discharge bill and a month-end bill together never pass the month's limit") {
  Claim c = inpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  c.admission->discharged = day("2026-03-10");
  c.admission->bill_dates = {day("2026-03-05")};
  // Readmitted from 03-20: lines 03-01..03-10 and 03-20..03-31.
  const CopayResult r = compute_copay(c, priced(join(daily_care(2026, 3, 1, 10, 30000), daily_care(2026, 3, 20, 31, 20000))));
  REQUIRE(r.daily.size() == 3);
  CHECK(r.daily[0].date == day("2026-03-05"));
  CHECK(r.daily[1].date == day("2026-03-10"));
  CHECK(r.daily[2].date == day("2026-03-31"));
  // 03-01..05: 15,000点 → 45,000 (under the limit, round10). 03-06..10: to 300,000 cost, limit 80,430.
  CHECK(r.daily[0].patient_yen.value == 45000);
  CHECK(r.daily[1].patient_yen.value == 80430 - 45000);
  // Month: 500,000 → 80,100 + 2,330 = 82,430.
  CHECK(r.daily[2].patient_yen.value == 82430 - 80430);
  CHECK(r.patient_yen.value == 82430);
  CHECK(adds_up(r));
}

TEST_CASE("household_limit and care_limit: the formulas of kougaku.xml and care_measure.xml") {
  const auto& table = copay::rules().limits_under70.at(day("2026-03-01")).value;
  CHECK(copay::household_limit(*table.find("ウ"), Yen{1000000}, false, 1) == Yen{87430});
  CHECK(copay::household_limit(*table.find("ウ"), Yen{1000000}, true, 1) == Yen{44400});
  CHECK(copay::household_limit(*table.find("ア"), Yen{992600}, false, 1) == Yen{254106});
  CHECK(copay::household_limit(*table.find("ウ"), Yen{1000000}, false, 2) == Yen{40050 + 8665});
  const auto& care = copay::rules().care_measure.find(day("2025-09-01"))->value;
  CHECK(copay::care_limit(care, Yen{80000}, 1) == Yen{11000});
  CHECK(copay::care_limit(care, Yen{20000}, 1) == Yen{6000});
  CHECK(copay::care_limit(care, Yen{200000}, 1) == Yen{18000});
  CHECK(copay::care_limit(care, Yen{200000}, 2) == Yen{9000});
}
