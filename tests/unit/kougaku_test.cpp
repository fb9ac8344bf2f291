// The insurer's side of 高額療養費 (santei/kougaku.hpp): household months from municipal worked
// examples of 世帯合算 and from copayment.md §3, step by step.
#include <fstream>

#include <doctest/doctest.h>

#include <optional>

#include "big_input.hpp"
#include "error_of.hpp"
#include "santei/kougaku.hpp"
#include "support.hpp"

using namespace santei;
using santei::test::day;

namespace {

KougakuReceipt receipt(const char* institution, Setting setting, std::int64_t cost, std::int64_t patient, const char* prescriber = "") {
  KougakuReceipt r;
  r.id = institution;
  r.institution = institution;
  r.prescriber = prescriber;
  r.setting = setting;
  r.cost = Yen{cost};
  r.patient_yen = Yen{patient};
  return r;
}
constexpr Setting out = Setting::outpatient, in = Setting::inpatient;

KougakuMember member(const char* id, const char* birth, std::vector<KougakuReceipt> receipts) {
  KougakuMember m;
  m.id = id;
  m.birth_date = day(birth);
  m.receipts = std::move(receipts);
  return m;
}

KougakuHousehold household(const char* month, InsuranceKind insurer, const char* bracket, const char* elderly, std::vector<KougakuMember> members) {
  KougakuHousehold h;
  h.month = *YearMonth::parse(month);
  h.insurer = insurer;
  h.bracket = bracket;
  h.elderly_bracket = elderly;
  h.members = std::move(members);
  return h;
}

const KougakuStep* find(const KougakuResult& r, const char* name, const char* member = "") {
  for (const KougakuStep& s : r.steps) {
    if (s.name == name && s.member == member) return &s;
  }
  return nullptr;
}

// The step `name` (of `member`); the test stops if there is none.
const KougakuStep& step_of(const KougakuResult& r, const char* name, const char* member = "") {
  const KougakuStep* s = find(r, name, member);
  REQUIRE_MESSAGE(s != nullptr, name);
  return *s;
}

}  // namespace

TEST_CASE("世帯合算 under 70, 区分ウ 2024-06 (ganclass.jp example): receipts of 21,000円 or more, 1% on their summed cost") {
  // 夫: A病院 外来 21,000 (70,000), B病院 外来 9,000 (30,000: under 21,000, left out), B病院 入院 450,000
  // (1,500,000; the window had no 区分); 妻: A病院 外来 30,000 (100,000).
  const KougakuResult r = compute_kougaku(household("2024-06", InsuranceKind::employee, "ウ", "", {
      member("夫", "1972-01-10", {receipt("A病院", out, 70000, 21000), receipt("B病院", out, 30000, 9000), receipt("B病院", in, 1500000, 450000)}),
      member("妻", "1981-01-10", {receipt("A病院", out, 100000, 30000)})}));
  REQUIRE(r.steps.size() == 1);
  const KougakuStep& s = r.steps[0];
  CHECK(s.name == "世帯合算");
  CHECK(s.counted.value == 21000 + 450000 + 30000);
  CHECK(s.cost.value == 70000 + 1500000 + 100000);
  CHECK(s.limit.value == 80100 + 14030);  // 80,100 + (1,670,000 − 267,000) × 1%
  CHECK(r.benefit.value == 501000 - 94130);
  CHECK(r.patient_total.value == 510000);
  CHECK(r.counts_for_many_times);
}

TEST_CASE("70歳以上 一般 (国保): 外来 (個人) first, then 世帯 — worked examples of 2018-08, 2024-06 and 2026-08") {
  // One row a worked example: the members, each member's 外来 (個人) benefit, the 世帯 step's
  // counted patient share and benefit, the month's benefit. 一般 limits (copayment.md §3.3, §3.2):
  // 外来 18,000 / 世帯 57,600 from 2018-08, 22,000 / 61,500 from 2026-08 [partly verified].
  struct Row {
    const char* name;
    const char* month;
    std::vector<KougakuMember> members;
    std::vector<std::pair<const char*, std::int64_t>> outpatient_benefits;  // member, 外来 (個人) benefit
    std::int64_t outpatient_limit;
    std::int64_t household_counted;
    std::int64_t household_limit;
    std::int64_t household_benefit;
    std::int64_t benefit;
    std::optional<bool> counts_for_many_times;
  };
  KougakuReceipt limited = receipt("C病院", in, 800000, 57600);
  limited.household_limited = true;  // the window applied the 57,600 世帯 limit
  const std::vector<Row> rows = {
      // 大和市: 夫 外来 10,000 + 10,000 → 2,000 back; 世帯 18,000 + 57,600 → 18,000 back; 20,000 in all.
      {"2024-06 (大和市 example)", "2024-06",
       {member("夫", "1952-03-01", {receipt("A病院", out, 50000, 10000), receipt("B病院", out, 50000, 10000)}),
        member("妻", "1953-03-01", {limited})},
       {{"夫", 2000}}, 18000, 18000 + 57600, 57600, 18000, 20000, true},
      // 計算例 パターン1: A 4,000 + 18,000 → 4,000 back; B 2,000 + 6,000 = 8,000 → none; 世帯 18,000 +
      // 8,000 = 26,000 under 57,600. 外来特例 alone does not count toward 多数回.
      {"2018-08 (municipal 計算例 パターン1)", "2018-08",
       {member("A", "1947-05-01", {receipt("W病院", out, 20000, 4000), receipt("X病院", out, 100000, 18000)}),
        member("B", "1946-05-01", {receipt("Y病院", out, 10000, 2000), receipt("Z病院", out, 30000, 6000)})},
       {{"A", 4000}, {"B", 0}}, 18000, 18000 + 8000, 57600, 0, 4000, false},
      // From 2026-08: A 外来 30,000 → 8,000 back (22,000 limit); 世帯 22,000 + 61,500 → 22,000 back.
      {"2026-08 (new limits)", "2026-08",
       {member("A", "1953-06-01", {receipt("A医院", out, 150000, 30000)}),
        member("B", "1954-06-01", {receipt("B病院", in, 500000, 61500)})},
       {{"A", 8000}}, 22000, 22000 + 61500, 61500, 22000, 8000 + 22000, std::nullopt},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      const KougakuResult r = compute_kougaku(household(row.month, InsuranceKind::national, "", "一般", row.members));
      for (const auto& expected : row.outpatient_benefits) {
        CAPTURE(expected.first);  // not a structured binding: clang cannot capture one in CAPTURE's lambda
        const KougakuStep& outpatient = step_of(r, "70歳以上 外来 (個人)", expected.first);
        CHECK(outpatient.limit.value == row.outpatient_limit);
        CHECK(outpatient.benefit.value == expected.second);
      }
      const KougakuStep& household_step = step_of(r, "70歳以上 世帯");
      CHECK(household_step.counted.value == row.household_counted);
      CHECK(household_step.limit.value == row.household_limit);
      CHECK(household_step.benefit.value == row.household_benefit);
      CHECK(r.benefit.value == row.benefit);
      if (row.counts_for_many_times) CHECK(r.counts_for_many_times == *row.counts_for_many_times);
    }
  }
}

TEST_CASE("70歳未満 and 70歳以上 in one household, ウ and 一般 2024-06 (大和市 example): 70+ 外来, 70+ 世帯, then all with the 21,000 rule") {
  // 世帯主 50 入院 600,000 (2,000,000); 子 25 入院 300,000 (1,000,000) and 外来 18,000 (60,000, under 21,000);
  // 父 73 入院 50,000 (250,000); 母 71 外来 30,000 (150,000). Counted: 980,000 (the example's total).
  const KougakuResult r = compute_kougaku(household("2024-06", InsuranceKind::national, "ウ", "一般", {
      member("世帯主", "1974-01-15", {receipt("A病院", in, 2000000, 600000)}),
      member("子", "1999-01-15", {receipt("B病院", in, 1000000, 300000), receipt("C病院", out, 60000, 18000)}),
      member("父", "1951-01-15", {receipt("D病院", in, 250000, 50000)}),
      member("母", "1953-01-15", {receipt("E病院", out, 150000, 30000)})}));
  CHECK(step_of(r, "70歳以上 外来 (個人)", "母").benefit.value == 12000);
  const KougakuStep& elderly = step_of(r, "70歳以上 世帯");
  CHECK(elderly.counted.value == 50000 + 18000);
  CHECK(elderly.benefit.value == 10400);
  const KougakuStep& all = step_of(r, "世帯合算 (70歳未満と70歳以上)");
  CHECK(all.counted.value == 600000 + 300000 + 57600);
  CHECK(all.cost.value == 2000000 + 1000000 + 250000 + 150000);
  CHECK(all.limit.value == 80100 + 31330);
  CHECK(all.benefit.value == 957600 - 111430);
  CHECK(r.benefit.value == 12000 + 10400 + 846170);
  CHECK(r.patient_total.value == 600000 + 300000 + 18000 + 50000 + 30000);
}

TEST_CASE("21,000円 rule: a unit is member × institution × 入院/外来, and a pharmacy counts with the prescribing institution") {
  // 外来 at Aクリニック 15,000 and its prescriptions at B薬局 9,000: one unit of 24,000 (counted);
  // 外来 at C医院 20,990 alone: not counted.
  const KougakuResult r = compute_kougaku(household("2026-03", InsuranceKind::employee, "エ", "", {
      member("本人", "1980-04-01", {receipt("Aクリニック", out, 50000, 15000), receipt("B薬局", out, 30000, 9000, "Aクリニック"),
                                    receipt("C医院", out, 69970, 20990), receipt("D病院", in, 200000, 60000)})}));
  const KougakuStep& s = r.steps.at(0);
  CHECK(s.counted.value == 24000 + 60000);
  CHECK(s.cost.value == 80000 + 200000);
  CHECK(s.limit.value == 57600);
  CHECK(r.benefit.value == 84000 - 57600);
}

TEST_CASE("多数回該当 from the history: 高額療養費 in 3 months of the 12 ending with this one → 44,400; a month 12 back is outside") {
  KougakuHousehold h = household("2026-03", InsuranceKind::national, "ウ", "", {
      member("本人", "1980-04-01", {receipt("A病院", in, 1000000, 300000)})});
  h.benefit_months = {*YearMonth::parse("2025-03"), *YearMonth::parse("2025-06"), *YearMonth::parse("2025-09")};
  CHECK_FALSE(compute_kougaku(h).many_times);  // 2025-03 is outside 2025-04..2026-03
  CHECK(compute_kougaku(h).benefit.value == 300000 - 87430);
  h.benefit_months.push_back(*YearMonth::parse("2026-02"));
  const KougakuResult r = compute_kougaku(h);
  CHECK(r.many_times);
  CHECK(r.benefit.value == 300000 - 44400);
}

TEST_CASE("75歳到達月 (国保, born 1951-03-15, 75 on 2026-03-15): the member's own limits halved first, 9,000 外来 and 28,800 in all") {
  KougakuHousehold h = household("2026-03", InsuranceKind::national, "", "一般", {
      member("本人", "1951-03-15", {receipt("A医院", out, 50000, 10000), receipt("B医院", out, 25000, 5000), receipt("C病院", in, 200000, 28800)}),
      member("配偶者", "1953-06-01", {receipt("C病院", in, 400000, 57600)})});
  const KougakuResult r = compute_kougaku(h);
  const KougakuStep& own_outpatient = step_of(r, "75歳到達月 外来 (個人)", "本人");
  CHECK(own_outpatient.limit.value == 9000);
  CHECK(own_outpatient.benefit.value == 6000);
  const KougakuStep& own = step_of(r, "75歳到達月 (個人)", "本人");
  CHECK(own.counted.value == 9000 + 28800);
  CHECK(own.limit.value == 28800);
  CHECK(own.benefit.value == 9000);
  // The 70+ 世帯 step: 28,800 + 57,600 against 57,600.
  CHECK(step_of(r, "70歳以上 世帯").counted.value == 28800 + 57600);
  CHECK(step_of(r, "70歳以上 世帯").benefit.value == 28800);
  CHECK(r.benefit.value == 6000 + 9000 + 28800);
}

TEST_CASE("70歳以上 外来 年間上限, settled in July: 144,000 for the year 2025-08..2026-07, 216,000 for 2026-08..2027-07 [partly verified]") {
  KougakuHousehold h = household("2026-07", InsuranceKind::national, "", "一般", {
      member("本人", "1953-06-01", {receipt("A医院", out, 90000, 18000)})});
  h.members[0].outpatient_year_paid = Yen{140000};
  const KougakuResult r = compute_kougaku(h);
  const KougakuStep& year = step_of(r, "70歳以上 外来 年間上限 (個人)", "本人");
  CHECK(year.counted.value == 158000);
  CHECK(year.limit.value == 144000);
  CHECK(year.benefit.value == 14000);
  CHECK(find(r, "年間上限 (世帯)") == nullptr);  // none before the year from 2026-08
  // Not in June: the year is settled after July.
  h.month = *YearMonth::parse("2026-06");
  CHECK(find(compute_kougaku(h), "70歳以上 外来 年間上限 (個人)", "本人") == nullptr);
  // The year 2026-08..2027-07: 216,000 (外来 22,000 a month).
  h.month = *YearMonth::parse("2027-07");
  h.members[0].receipts[0] = receipt("A医院", out, 110000, 22000);
  h.members[0].outpatient_year_paid = Yen{200000};
  const KougakuResult next = compute_kougaku(h);
  CHECK(step_of(next, "70歳以上 外来 年間上限 (個人)", "本人").limit.value == 216000);
  CHECK(step_of(next, "70歳以上 外来 年間上限 (個人)", "本人").benefit.value == 6000);
}

TEST_CASE("年間上限 (世帯) from the year 2026-08 [partly verified]: ウ 530,000, エ 410,000 at 年収約200万円以下, settled in July 2027") {
  KougakuHousehold h = household("2027-07", InsuranceKind::employee, "ウ", "", {
      member("本人", "1980-04-01", {receipt("A病院", in, 1000000, 92940)})});
  h.year_paid = Yen{500000};
  const KougakuResult r = compute_kougaku(h);
  const KougakuStep& year = step_of(r, "年間上限 (世帯)");
  CHECK(year.counted.value == 592940);  // the month's 92,940 after its own (nil) benefit
  CHECK(year.limit.value == 530000);
  CHECK(year.benefit.value == 62940);
  h.bracket = "エ";
  h.members[0].receipts[0] = receipt("A病院", in, 1000000, 61500);
  h.year_paid = Yen{360000};
  h.year_low_income = true;
  const KougakuResult low = compute_kougaku(h);
  CHECK(step_of(low, "年間上限 (世帯)").limit.value == 410000);
  CHECK(step_of(low, "年間上限 (世帯)").benefit.value == 360000 + 61500 - 410000);
}

TEST_CASE("kougaku input errors name the field: a member of 75 under 国保, a missing 区分, a patient share above the cost") {
  const auto field_of = [](const KougakuHousehold& h) { return test::error_of([&] { (void)compute_kougaku(h); }).field; };
  CHECK(field_of(household("2026-03", InsuranceKind::national, "ウ", "一般", {member("祖父", "1950-01-10", {})})) == "members[0].birth_date");
  CHECK(field_of(household("2026-03", InsuranceKind::national, "", "", {member("本人", "1980-01-10", {receipt("A", in, 1000000, 300000)})})) == "bracket");
  CHECK(field_of(household("2026-03", InsuranceKind::national, "", "", {member("本人", "1953-01-10", {receipt("A", in, 1000000, 300000)})})) == "elderly_bracket");
  CHECK(field_of(household("2026-03", InsuranceKind::national, "ウ", "", {member("本人", "1980-01-10", {receipt("A", in, 1000, 3000)})})) == "members[0].receipts[0]");
}

TEST_CASE("santei.kougaku/1: receipts from santei.result/1 objects, their figures, and unknown keys refused by name") {
  const std::string json = R"({"format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ",
    "members": [{"id": "本人", "birth_date": "1980-04-01", "receipts": [
      {"institution": "A病院", "setting": "inpatient", "result": {"format": "santei.result/1", "id": "r1", "total_points": 100000,
        "copay": {"care_cost_yen": 1000000, "patient_exact_yen": 133330, "meals_patient_yen": 45900,
                  "daily": [{"date": "2024-06-30", "limit": "高額療養費"}]}}},
      {"institution": "B医院", "setting": "outpatient", "cost_yen": 100000, "patient_yen": 30000}]}]})";
  const KougakuHousehold h = parse_kougaku_household(json, KougakuSource{});
  REQUIRE(h.members.size() == 1);
  REQUIRE(h.members[0].receipts.size() == 2);
  CHECK(h.members[0].receipts[0].id == "r1");
  CHECK(h.members[0].receipts[0].patient_yen.value == 87430);
  CHECK(h.members[0].receipts[0].household_limited);
  const KougakuResult r = compute_kougaku(h);
  CHECK(r.benefit.value == 87430 + 30000 - (80100 + 8330));  // ウ on 1,100,000
  const auto bad = test::error_of([&] { (void)parse_kougaku_household(R"({"format": "santei.kougaku/1", "month": "2024-06",
    "insurer": "employee", "members": [], "houshold": 1})", KougakuSource{}); });
  CHECK(bad.field == "houshold");
  CHECK(bad.file == "<kougaku>");
  const auto two = test::error_of([&] { (void)parse_kougaku_household(R"({"format": "santei.kougaku/1", "month": "2024-06",
    "insurer": "employee", "members": [{"id": "a", "birth_date": "1980-01-01", "receipts": [{"setting": "outpatient"}]}]})", KougakuSource{}); });
  CHECK(two.field == "members[0].receipts[0]");
  const auto uke = test::error_of([&] { (void)parse_kougaku_household(R"({"format": "santei.kougaku/1", "month": "2024-06",
    "insurer": "employee", "members": [{"id": "a", "birth_date": "1980-01-01", "receipts": [{"uke_file": "x.UKE", "uke_receipt": 1}]}]})", KougakuSource{}); });
  CHECK(uke.field == "members[0].receipts[0].uke_file");
}

TEST_CASE("世帯合算 on both sides of 2026-08 for every 70歳未満 区分 [2026-08 partly verified]: two 入院 of 600,000 (3割 180,000) and an 外来 under 21,000") {
  // copayment.md §3.1 (to 2026-07) and §3.2 (from 2026-08) on the summed 1,200,000 of the counted units.
  struct Row {
    const char* bracket;
    const char* month;
    std::int64_t limit;
  };
  const Row rows[] = {
      {"ア", "2026-07", 252600 + 3580}, {"ア", "2026-08", 270300 + 2990},  // (1,200,000 − 842,000 | 901,000) × 1%
      {"イ", "2026-07", 167400 + 6420}, {"イ", "2026-08", 179100 + 6030},  // − 558,000 | 597,000
      {"ウ", "2026-07", 80100 + 9330},  {"ウ", "2026-08", 85800 + 9140},   // − 267,000 | 286,000
      {"エ", "2026-07", 57600},         {"エ", "2026-08", 61500},
      {"オ", "2026-07", 35400},         {"オ", "2026-08", 36900},
  };
  for (const Row& row : rows) {
    INFO(row.bracket << " " << row.month);
    const KougakuResult r = compute_kougaku(household(row.month, InsuranceKind::employee, row.bracket, "", {
        member("本人", "1975-04-01", {receipt("A病院", in, 600000, 180000), receipt("C医院", out, 60000, 18000)}),
        member("配偶者", "1977-04-01", {receipt("B病院", in, 600000, 180000)})}));
    const KougakuStep& s = step_of(r, "世帯合算");
    CHECK(s.counted.value == 360000);
    CHECK(s.cost.value == 1200000);
    CHECK(s.limit.value == row.limit);
    CHECK(r.benefit.value == 360000 - row.limit);
  }
}

TEST_CASE("70歳以上 household step on both sides of 2026-08 for every 区分 [2026-08 partly verified]: 外来 (個人) first, then 世帯") {
  // A: 外来 150,000; B: 入院 (the window had no 区分). 一般/低所得 2割, 現役並み 3割 on a larger stay.
  // copayment.md §3.3 (2018-08 to 2026-07) and §3.2 (from 2026-08).
  struct Row {
    const char* bracket;
    const char* month;
    std::int64_t outpatient_limit;  // 0: no 外来 (個人) step
    std::int64_t household_limit;
  };
  const Row general[] = {
      {"一般", "2026-07", 18000, 57600},   {"一般", "2026-08", 22000, 61500},
      {"低所得Ⅱ", "2026-07", 8000, 24600}, {"低所得Ⅱ", "2026-08", 11000, 25700},
      {"低所得Ⅰ", "2026-07", 8000, 15000}, {"低所得Ⅰ", "2026-08", 8000, 15700},
  };
  for (const Row& row : general) {
    INFO(row.bracket << " " << row.month);
    const KougakuResult r = compute_kougaku(household(row.month, InsuranceKind::national, "", row.bracket, {
        member("A", "1953-06-01", {receipt("A医院", out, 150000, 30000)}),
        member("B", "1954-06-01", {receipt("B病院", in, 500000, 100000)})}));
    CHECK(step_of(r, "70歳以上 外来 (個人)", "A").limit.value == row.outpatient_limit);
    CHECK(step_of(r, "70歳以上 外来 (個人)", "A").benefit.value == 30000 - row.outpatient_limit);
    const KougakuStep& h = step_of(r, "70歳以上 世帯");
    CHECK(h.counted.value == row.outpatient_limit + 100000);
    CHECK(h.limit.value == row.household_limit);
    CHECK(r.benefit.value == 130000 - row.household_limit);
  }
  const Row high[] = {
      {"現役並みⅢ", "2026-07", 0, 252600 + 13080}, {"現役並みⅢ", "2026-08", 0, 270300 + 12490},  // (2,150,000 − 842,000 | 901,000) × 1%
      {"現役並みⅡ", "2026-07", 0, 167400 + 15920}, {"現役並みⅡ", "2026-08", 0, 179100 + 15530},  // − 558,000 | 597,000
      {"現役並みⅠ", "2026-07", 0, 80100 + 18830},  {"現役並みⅠ", "2026-08", 0, 85800 + 18640},   // − 267,000 | 286,000
  };
  for (const Row& row : high) {
    INFO(row.bracket << " " << row.month);
    const KougakuResult r = compute_kougaku(household(row.month, InsuranceKind::national, "", row.bracket, {
        member("A", "1953-06-01", {receipt("A医院", out, 150000, 45000)}),
        member("B", "1954-06-01", {receipt("B病院", in, 2000000, 600000)})}));
    CHECK(find(r, "70歳以上 外来 (個人)", "A") == nullptr);  // 現役並み: no 外来 (個人) limit since 2018-08
    const KougakuStep& h = step_of(r, "70歳以上 世帯");
    CHECK(h.counted.value == 645000);
    CHECK(h.cost.value == 2150000);
    CHECK(h.limit.value == row.household_limit);
    CHECK(r.benefit.value == 645000 - row.household_limit);
  }
}

TEST_CASE("santei.kougaku/1 receipts from a results file by id (copayment.md Ex 4 and Ex 1 as santei.result/1 lines): an 外来 of 3,702 is left out") {
  // Ex 4: 区分ウ 入院 100,000点 + 90 meals, 133,330 of which 45,900 meals → 87,430 for care on 1,000,000.
  // Ex 1: 3割 外来 1,234点 → 3,702 (1円 units) on 12,340: under 21,000, not counted.
  // Two members each with an Ex 4 stay: 174,860 on 2,000,000, limit 80,100 + 17,330 = 97,430.
  const test::ScratchDirectory dir("santei-kougaku-results");
  {
    std::ofstream out(dir.path() / "results.jsonl", std::ios::binary);
    out << R"({"format": "santei.result/1", "id": "ex4", "total_points": 100000, "copay": {"care_cost_yen": 1000000, "patient_exact_yen": 133330, "meals_patient_yen": 45900, "daily": [{"date": "2024-06-30", "limit": "高額療養費"}]}})" << "\n\n"
        << R"({"format": "santei.result/1", "id": "ex1", "total_points": 1234, "copay": {"care_cost_yen": 12340, "patient_exact_yen": 3702, "meals_patient_yen": 0, "daily": []}})" << "\n"
        << R"({"format": "santei.result/1", "id": "bad", "error": {"status": "claim_error", "message": "visits: missing required field"}})" << "\n";
  }
  const std::string json = R"({"format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ", "members": [
      {"id": "本人", "birth_date": "1980-04-01", "receipts": [
        {"institution": "A病院", "setting": "inpatient", "results_file": "results.jsonl", "result_id": "ex4"},
        {"institution": "B医院", "setting": "outpatient", "results_file": "results.jsonl", "result_id": "ex1"}]},
      {"id": "配偶者", "birth_date": "1982-04-01", "receipts": [
        {"institution": "C病院", "setting": "inpatient", "results_file": "results.jsonl", "result_id": "ex4"}]}]})";
  const KougakuSource from_dir{"<kougaku>", dir.path().string(), nullptr};
  const KougakuHousehold h = parse_kougaku_household(json, from_dir);
  REQUIRE(h.members.size() == 2);
  REQUIRE(h.members[0].receipts.size() == 2);
  CHECK(h.members[0].receipts[0].id == "ex4");
  CHECK(h.members[0].receipts[0].cost.value == 1000000);
  CHECK(h.members[0].receipts[0].patient_yen.value == 87430);
  CHECK(h.members[0].receipts[0].household_limited);
  CHECK(h.members[0].receipts[1].patient_yen.value == 3702);
  CHECK_FALSE(h.members[0].receipts[1].household_limited);
  const KougakuResult r = compute_kougaku(h);
  const KougakuStep& s = step_of(r, "世帯合算");
  CHECK(s.counted.value == 174860);
  CHECK(s.cost.value == 2000000);
  CHECK(s.limit.value == 97430);
  CHECK(r.benefit.value == 174860 - 97430);
  CHECK(r.patient_total.value == 174860 + 3702);
  // An id the file does not have, and a line that is an error, are refused naming the receipt.
  const auto missing = test::error_of([&] { (void)parse_kougaku_household(R"({"format": "santei.kougaku/1", "month": "2024-06",
    "insurer": "employee", "bracket": "ウ", "members": [{"id": "a", "birth_date": "1980-01-01", "receipts": [
      {"setting": "outpatient", "institution": "A", "results_file": "results.jsonl", "result_id": "ex9"}]}]})", from_dir); });
  CHECK(missing.field == "members[0].receipts[0].result_id");
  const auto error_line = test::error_of([&] { (void)parse_kougaku_household(R"({"format": "santei.kougaku/1", "month": "2024-06",
    "insurer": "employee", "bracket": "ウ", "members": [{"id": "a", "birth_date": "1980-01-01", "receipts": [
      {"setting": "outpatient", "institution": "A", "results_file": "results.jsonl", "result_id": "bad"}]}]})", from_dir); });
  CHECK(error_line.message.find("not priced") != std::string::npos);
}

TEST_CASE("kougaku_answer: what santei kougaku prints, errors named by the source; a reader that opens no files (santei serve) refuses results_file and uke_file") {
  const std::string household = R"({"format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ",
    "members": [{"id": "夫", "birth_date": "1972-01-10", "receipts": [
      {"institution": "A病院", "setting": "outpatient", "cost_yen": 70000, "patient_yen": 21000},
      {"institution": "B病院", "setting": "inpatient", "cost_yen": 1500000, "patient_yen": 450000}]}]})";
  const std::string answer = kougaku_answer(household, KougakuSource{});
  CHECK(answer == kougaku_json(compute_kougaku(parse_kougaku_household(household, KougakuSource{}))));
  CHECK(answer.find(R"("benefit_yen":377870)") != std::string::npos);  // 471,000 − (80,100 + 1,303,000 × 1%)
  const KougakuSource body{"<body>", "", nullptr, false};
  for (const char* key : {"results_file", "uke_file"}) {
    const std::string refers = std::string(R"({"format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ",
      "members": [{"id": "a", "birth_date": "1980-01-01", "receipts": [{"setting": "outpatient", ")") + key +
        R"(": "/etc/passwd", "result_id": "x", "uke_receipt": 1}]}]})";
    const auto refused = test::error_of([&] { (void)kougaku_answer(refers, body); });
    CHECK(refused.status == Status::invalid_argument);
    CHECK(refused.file == "<body>");
    CHECK(refused.field == std::string("members[0].receipts[0].") + key);
  }
  // An error of the household met while computing (no 区分 for a member under 70) names the source too.
  const auto no_bracket = test::error_of([&] { (void)kougaku_answer(R"({"format": "santei.kougaku/1", "month": "2024-06",
    "insurer": "employee", "members": [{"id": "a", "birth_date": "1980-01-01", "receipts": [
      {"setting": "inpatient", "cost_yen": 1000000, "patient_yen": 300000}]}]})", body); });
  CHECK(no_bracket.file == "<body>");
  CHECK(no_bracket.field == "bracket");
}
