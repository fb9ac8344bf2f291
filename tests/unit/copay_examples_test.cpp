// The 18 worked examples of ../shared/docs/copayment.md §6, with their exact yen.
#include <doctest/doctest.h>

#include "copay_support.hpp"

using namespace santei;
using namespace santei::test::copay;

TEST_CASE("Ex 1: 3割 outpatient 2026-03-10, 1,234点 → 3,702 rounds down to 3,700; insurer 8,638") {
  Claim c = outpatient("2026-03", "1986-01-01");
  const CopayResult r = compute_copay(c, priced({care("2026-03-10", 1234)}));
  CHECK(r.rate == *Decimal::parse("0.3"));
  CHECK(r.medical_cost.value == 12340);
  CHECK(r.patient_yen.value == 3700);
  CHECK(r.insurer_claim_yen.value == 8638);
  CHECK(r.patient_exact_yen.value == 3702);
  CHECK(r.insurer_yen.value == 8640);  // the contract's balance: 12,340 − 3,700
  REQUIRE(r.daily.size() == 1);
  CHECK(r.daily[0].points == 1234);
  CHECK(r.daily[0].patient_yen.value == 3700);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 2: 3割 2026-03, clinic 1,235点 → 3,705 rounds up to 3,710; pharmacy 567点 → 1,700 (same rule)") {
  const CopayResult clinic = compute_copay(outpatient("2026-03", "1986-01-01"), priced({care("2026-03-10", 1235)}));
  CHECK(clinic.patient_yen.value == 3710);
  CHECK(clinic.insurer_claim_yen.value == 8645);
  const CopayResult pharmacy = compute_copay(outpatient("2026-03", "1986-01-01"), priced({care("2026-03-10", 567)}));
  CHECK(pharmacy.patient_yen.value == 1700);
  CHECK(pharmacy.insurer_claim_yen.value == 3969);
  CHECK(adds_up(clinic));
  CHECK(adds_up(pharmacy));
}

TEST_CASE("Ex 3: 70–74 一般 2割 outpatient 2026-03: 9,040, then 8,960 to the 18,000 外来 limit, then 0") {
  Claim c = outpatient("2026-03", "1954-01-10", InsuranceKind::national, "一般");
  const CopayResult r =
      compute_copay(c, priced({care("2026-03-03", 4520), care("2026-03-12", 5130), care("2026-03-24", 800)}));
  CHECK(r.rate == *Decimal::parse("0.2"));
  REQUIRE(r.daily.size() == 3);
  CHECK(r.daily[0].patient_yen.value == 9040);
  CHECK(r.daily[1].patient_yen.value == 8960);
  CHECK(r.daily[1].limit == "高額療養費 (外来)");
  CHECK(r.daily[2].patient_yen.value == 0);
  CHECK(r.medical_cost.value == 104500);
  CHECK(r.patient_yen.value == 18000);
  CHECK(r.insurer_claim_yen.value == 86500);
  CHECK(r.insurer_yen.value == 86500);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 4: under 70 区分ウ inpatient 2026-04, 100,000点 and 90 meals: 87,430 + 45,900 = 133,330") {
  Claim c = inpatient("2026-04", "1976-05-01", InsuranceKind::employee, "ウ");
  const PricedClaim p = priced(join(daily_care(2026, 4, 1, 30, 100000), daily_meals(2026, 4, 1, 30, 690, 3)));
  const CopayResult r = compute_copay(c, p);
  CHECK(r.care_cost.value == 1000000);
  CHECK(r.meals_yen.value == 62100);
  CHECK(r.meals_patient_yen.value == 45900);
  CHECK(r.patient_yen.value == 133330);
  CHECK(r.insurer_claim_yen.value == 912570 + 16200);
  REQUIRE(r.daily.size() == 1);  // one bill: the month end
  CHECK(r.daily[0].date == day("2026-04-30"));
  CHECK(r.daily[0].meals_patient_yen.value == 45900);
  CHECK(r.daily[0].limit == "高額療養費");
  CHECK(adds_up(r));

  SUBCASE("区分 unknown: the window collects the full 3割, 300,000 + 45,900") {
    c.insurance.income_bracket.clear();
    const CopayResult unknown = compute_copay(c, p);
    CHECK(unknown.patient_yen.value == 345900);
    CHECK(unknown.insurer_claim_yen.value == 700000 + 16200);
  }
}

TEST_CASE("Ex 5: the same stay with 多数回該当 2026-04: 44,400 + 45,900 = 90,300, insurer 955,600 for care") {
  Claim c = inpatient("2026-04", "1976-05-01", InsuranceKind::employee, "ウ");
  c.insurance.many_times = true;
  const CopayResult r = compute_copay(c, priced(join(daily_care(2026, 4, 1, 30, 100000), daily_meals(2026, 4, 1, 30, 690, 3))));
  CHECK(r.patient_yen.value == 90300);
  CHECK(r.insurer_claim_yen.value == 955600 + 16200);
  CHECK(r.daily[0].limit == "高額療養費 (多数回)");
  CHECK(adds_up(r));
}

TEST_CASE("Ex 6: 70+ 現役並みⅢ inpatient 2026-03, 99,260点: limit 254,106 to the yen, insurer 738,494") {
  Claim c = inpatient("2026-03", "1954-01-10", InsuranceKind::employee, "現役並みⅢ");
  const CopayResult r = compute_copay(c, priced(daily_care(2026, 3, 1, 31, 99260)));
  CHECK(r.rate == *Decimal::parse("0.3"));
  CHECK(r.patient_yen.value == 254106);  // 1円 units where the limit binds (copayment.md §7.1 default)
  CHECK(r.insurer_claim_yen.value == 738494);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 7: 難病 54 under 70 区分ウ cap 5,000, 2026-03: hospital 8,000点 → 5,000; pharmacy 2,000点 → 0") {
  Claim hospital = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  hospital.public_expenses = {kouhi("54", 5000)};
  const CopayResult h = compute_copay(hospital, priced({care("2026-03-05", 8000)}));
  CHECK(h.patient_yen.value == 5000);
  CHECK(public_yen(h, 0) == 19000);
  CHECK(h.public_expenses[0].patient_yen.value == 5000);
  CHECK(h.insurer_claim_yen.value == 56000);
  CHECK(h.daily[0].limit == "公費 54 上限");
  CHECK(adds_up(h));

  Claim pharmacy = hospital;
  pharmacy.public_expenses[0].paid_this_month = Yen{5000};  // 管理票: cap reached at the hospital
  const CopayResult p = compute_copay(pharmacy, priced({care("2026-03-05", 2000)}));
  CHECK(p.patient_yen.value == 0);
  CHECK(public_yen(p, 0) == 6000);
  CHECK(p.insurer_claim_yen.value == 14000);
  CHECK(adds_up(p));
}

TEST_CASE("Ex 8: 難病 54 cap 10,000, 2026-03, 1,523点: window 3,050, receipt 公費 1,523 and KO 負担金額 3,046") {
  Claim c = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  c.public_expenses = {kouhi("54", 10000)};
  const CopayResult r = compute_copay(c, priced({care("2026-03-05", 1523)}));
  CHECK(r.patient_yen.value == 3050);
  CHECK(r.patient_exact_yen.value == 3046);
  CHECK(public_yen(r, 0) == 1523);
  CHECK(r.public_expenses[0].patient_yen.value == 3046);
  CHECK(r.insurer_claim_yen.value == 10661);
  CHECK(r.insurer_yen.value == 15230 - 3050 - 1523);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 9: 生活保護 12, 2026-03") {
  SUBCASE("(a) uninsured recipient, no 本人支払額, 1,500点: 12 pays 15,000, patient 0") {
    Claim c = outpatient("2026-03", "1970-01-01", InsuranceKind::none);
    c.public_expenses = {kouhi("12")};
    const CopayResult r = compute_copay(c, priced({care("2026-03-05", 1500)}));
    CHECK(r.rate == Decimal(1));
    CHECK(r.patient_yen.value == 0);
    CHECK(public_yen(r, 0) == 15000);
    CHECK(r.insurer_yen.value == 0);
    CHECK(r.insurer_claim_yen.value == 0);
    CHECK(adds_up(r));
  }
  SUBCASE("(b) 本人支払額 2,000: first visit 2,000 (12 pays 13,000), later visits 0") {
    Claim c = outpatient("2026-03", "1970-01-01", InsuranceKind::none);
    c.public_expenses = {kouhi("12", 2000)};
    const CopayResult r = compute_copay(c, priced({care("2026-03-05", 1500), care("2026-03-19", 700)}));
    REQUIRE(r.daily.size() == 2);
    CHECK(r.daily[0].patient_yen.value == 2000);
    CHECK(r.daily[0].public_expenses[0].value == 13000);
    CHECK(r.daily[1].patient_yen.value == 0);
    CHECK(r.daily[1].public_expenses[0].value == 7000);
    CHECK(adds_up(r));
  }
  SUBCASE("(c) 被用者保険 member under 70, 2,000点: insurer 14,000, 12 pays 6,000, patient 0") {
    Claim c = outpatient("2026-03", "1970-01-01", InsuranceKind::employee);
    c.public_expenses = {kouhi("12")};
    const CopayResult r = compute_copay(c, priced({care("2026-03-05", 2000)}));
    CHECK(r.patient_yen.value == 0);
    CHECK(public_yen(r, 0) == 6000);
    CHECK(r.insurer_claim_yen.value == 14000);
    CHECK(adds_up(r));
  }
  SUBCASE("(c) becoming 高額: the 12 group is limited at 区分オ 35,400 [from open-source code only]") {
    Claim c = inpatient("2026-03", "1970-01-01", InsuranceKind::employee);
    c.public_expenses = {kouhi("12")};
    const CopayResult r = compute_copay(c, priced(daily_care(2026, 3, 1, 20, 50000)));
    CHECK(r.insurer_claim_yen.value == 500000 - 35400);
    CHECK(public_yen(r, 0) == 35400);
    CHECK(r.patient_yen.value == 0);
  }
}

TEST_CASE("Ex 10: age 4 (2割), local subsidy 500円 per day for 2 days a month, 2026-03: 500, 500, 0") {
  Claim c = outpatient("2026-03", "2021-09-01", InsuranceKind::national);
  PublicExpense local = kouhi("88");
  local.per_day = Yen{500};
  local.max_charged_days = 2;
  c.public_expenses = {local};
  const CopayResult r = compute_copay(c, priced({care("2026-03-02", 850), care("2026-03-09", 600), care("2026-03-16", 400)}));
  CHECK(r.rate == *Decimal::parse("0.2"));
  REQUIRE(r.daily.size() == 3);
  CHECK(r.daily[0].patient_yen.value == 500);
  CHECK(r.daily[0].public_expenses[0].value == 1200);
  CHECK(r.daily[0].insurer_yen.value == 6800);
  CHECK(r.daily[1].patient_yen.value == 500);
  CHECK(r.daily[1].public_expenses[0].value == 700);
  CHECK(r.daily[1].insurer_yen.value == 4800);
  CHECK(r.daily[2].patient_yen.value == 0);
  CHECK(r.daily[2].public_expenses[0].value == 800);
  CHECK(r.daily[2].insurer_yen.value == 3200);
  CHECK(r.patient_yen.value == 1000);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 11: 75+ 後期 1割 2026-03, 1,237点 → 1,237 rounds to 1,240; insurer 11,133") {
  Claim c = outpatient("2026-03", "1945-06-10", InsuranceKind::elderly, "一般");
  const CopayResult r = compute_copay(c, priced({care("2026-03-05", 1237)}));
  CHECK(r.rate == *Decimal::parse("0.1"));
  CHECK(r.patient_yen.value == 1240);
  CHECK(r.insurer_claim_yen.value == 11133);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 12: 75+ 一般Ⅱ 2割 outpatient with and without the 配慮措置") {
  SUBCASE("(a) 2025-09 (measure in force): 6,000 then 2,000 (limit 6,000 + 2,000 on 50,000)") {
    Claim c = outpatient("2025-09", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ");
    const CopayResult r = compute_copay(c, priced({care("2025-09-02", 3000), care("2025-09-16", 2000)}));
    CHECK(r.rate == *Decimal::parse("0.2"));
    CHECK(r.daily[0].patient_yen.value == 6000);
    CHECK(r.daily[1].patient_yen.value == 2000);
    CHECK(r.daily[1].limit == "配慮措置");
    CHECK(r.patient_yen.value == 8000);
    CHECK(r.insurer_claim_yen.value == 42000);
    CHECK(adds_up(r));
  }
  SUBCASE("(b) single visits 2025-09 (official 事例3): 8,000点 → 11,000; 13,000点 → 16,000; 20,000点 → 18,000") {
    Claim c = outpatient("2025-09", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ");
    CHECK(compute_copay(c, priced({care("2025-09-02", 8000)})).patient_yen.value == 11000);
    CHECK(compute_copay(c, priced({care("2025-09-02", 13000)})).patient_yen.value == 16000);
    CHECK(compute_copay(c, priced({care("2025-09-02", 20000)})).patient_yen.value == 18000);
  }
  SUBCASE("(c) the same visits 2025-10 (measure ended 2025-09-30): 6,000 + 4,000") {
    Claim c = outpatient("2025-10", "1945-06-10", InsuranceKind::elderly, "一般Ⅱ");
    const CopayResult r = compute_copay(c, priced({care("2025-10-02", 3000), care("2025-10-16", 2000)}));
    CHECK(r.daily[0].patient_yen.value == 6000);
    CHECK(r.daily[1].patient_yen.value == 4000);
    CHECK(r.patient_yen.value == 10000);
    CHECK(compute_copay(c, priced({care("2025-10-02", 8000)})).patient_yen.value == 16000);
  }
}

TEST_CASE("Ex 13: 75歳到達月 2026-03 (born 1951-03-15): 国保 part capped at the halved 9,000; 後期 part 4,000") {
  Claim national = outpatient("2026-03", "1951-03-15", InsuranceKind::national, "一般");
  const CopayResult before = compute_copay(national, priced({care("2026-03-10", 5500)}));
  CHECK(before.rate == *Decimal::parse("0.2"));
  CHECK(before.patient_yen.value == 9000);
  Claim elderly = outpatient("2026-03", "1951-03-15", InsuranceKind::elderly, "一般");
  const CopayResult after = compute_copay(elderly, priced({care("2026-03-20", 4000)}));
  CHECK(after.rate == *Decimal::parse("0.1"));
  CHECK(after.patient_yen.value == 4000);
  CHECK(before.patient_yen + after.patient_yen == Yen{13000});
  // The 後期 limit is halved too: 10,000点 would be 10,000 at 1割, capped at 9,000.
  CHECK(compute_copay(elderly, priced({care("2026-03-20", 10000)})).patient_yen.value == 9000);
}

TEST_CASE("Ex 14: 70+ 一般 inpatient with 難病 cap 10,000 (official 事例21), 2026-03, 41,300点") {
  Claim c = inpatient("2026-03", "1954-01-10", InsuranceKind::national, "一般");
  c.public_expenses = {kouhi("54", 10000)};
  const CopayResult r = compute_copay(c, priced(daily_care(2026, 3, 1, 20, 41300)));
  CHECK(r.insurer_claim_yen.value == 355400);
  CHECK(r.patient_yen.value == 10000);
  CHECK(public_yen(r, 0) == 47600);
  CHECK(r.public_expenses[0].patient_yen.value == 10000);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 15: under 70 区分ア inpatient with 結核 10 (official 事例17 and 事例15), 2026-03") {
  SUBCASE("(a) 85,000点 in group 2 (医保+10) and 95,000点 in group 1: patient 262,180, 公費 43,430") {
    Claim c = inpatient("2026-03", "1976-05-01", InsuranceKind::employee, "ア");
    c.public_expenses = {kouhi("10")};
    const CopayResult r = compute_copay(c, priced(join(daily_care(2026, 3, 1, 20, 85000, '2'), daily_care(2026, 3, 1, 20, 95000, '1'))));
    CHECK(r.patient_yen.value == 262180);
    CHECK(public_yen(r, 0) == 43430);
    CHECK(r.public_expenses[0].patient_yen.value == 42500);
    CHECK(r.insurer_claim_yen.value == 1494390);
    CHECK(adds_up(r));
  }
  SUBCASE("(b) 5,000点 (10) + 95,000点: the 10 group's copay 15,000 < 21,000 is not combined: 256,180") {
    Claim c = inpatient("2026-03", "1976-05-01", InsuranceKind::employee, "ア");
    c.public_expenses = {kouhi("10")};
    const CopayResult r = compute_copay(c, priced(join(daily_care(2026, 3, 1, 20, 5000, '2'), daily_care(2026, 3, 1, 20, 95000, '1'))));
    CHECK(r.patient_yen.value == 256180);
    CHECK(public_yen(r, 0) == 12500);
    CHECK(r.insurer_claim_yen.value == 731320);
    CHECK(adds_up(r));
  }
}

TEST_CASE("Ex 16: under 70 区分エ, 更生医療 15 cap 5,000 + insurance-only (official 事例25), 2026-03: patient 57,600") {
  Claim c = inpatient("2026-03", "1976-05-01", InsuranceKind::employee, "エ");
  c.public_expenses = {kouhi("15", 5000)};
  const CopayResult r = compute_copay(c, priced(join(daily_care(2026, 3, 1, 10, 10000, '2'), daily_care(2026, 3, 1, 10, 20000, '1'))));
  CHECK(r.patient_yen.value == 57600);
  CHECK(public_yen(r, 0) == 25000);
  CHECK(r.insurer_claim_yen.value == 217400);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 17: age 8 (3割), 小慢 52 区分ウ cap 5,000 + local child subsidy paying the rest, 2026-03: patient 0") {
  Claim c = inpatient("2026-03", "2017-06-01", InsuranceKind::employee);
  PublicExpense shoman = kouhi("52", 5000);
  shoman.bracket = "ウ";
  PublicExpense local = kouhi("81");
  local.rate = Decimal(0);
  c.public_expenses = {shoman, local};
  const CopayResult r = compute_copay(c, priced(daily_care(2026, 3, 1, 10, 12000)));
  CHECK(r.insurer_claim_yen.value == 84000);
  CHECK(public_yen(r, 0) == 31000);
  CHECK(r.public_expenses[0].patient_yen.value == 5000);
  CHECK(public_yen(r, 1) == 5000);
  CHECK(r.patient_yen.value == 0);
  CHECK(adds_up(r));
}

TEST_CASE("Ex 18: under 70 区分ウ inpatient 100,000点: 92,940 in 2026-08 [partly verified table], 87,430 in 2026-07") {
  Claim aug = inpatient("2026-08", "1976-05-01", InsuranceKind::employee, "ウ");
  CHECK(compute_copay(aug, priced(daily_care(2026, 8, 1, 31, 100000))).patient_yen.value == 92940);
  Claim jul = inpatient("2026-07", "1976-05-01", InsuranceKind::employee, "ウ");
  CHECK(compute_copay(jul, priced(daily_care(2026, 7, 1, 31, 100000))).patient_yen.value == 87430);
}
