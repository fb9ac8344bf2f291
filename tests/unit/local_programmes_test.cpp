// 地方単独 programmes as data (santei/local_programmes.hpp): one test per shipped row against the
// rule its source states, the matching rules, a user's file, and the share that needs parameters.
#include <doctest/doctest.h>

#include "copay_support.hpp"
#include "santei/local_programmes.hpp"

using namespace santei;
using namespace santei::test::copay;

namespace {

PublicExpense local(const char* law, const char* number, const char* income = "") {
  PublicExpense e;
  e.law = law;
  e.payer_number = number;
  e.income = income;
  return e;
}

// The claim's 公費 completed from `programmes` (nullptr: shipped), then the copayment.
CopayResult priced_with(Claim c, PublicExpense e, std::vector<PricedLine> lines,
                        const LocalProgrammes* programmes = nullptr) {
  c.public_expenses = {std::move(e)};
  const LocalFill fill = fill_local_programmes(c, programmes);
  // Logged at once: an INFO would end with the loop body (and clang refuses a lambda capturing a binding).
  for (const auto& unmatched : fill.unmatched) MESSAGE(unmatched.second);
  if (fill.filled) c.public_expenses = *fill.filled;
  return compute_copay(c, priced(std::move(lines)));
}

// The row the shipped table picks for a 公費 of claim `c`, or nullptr (with the reason in `why`).
const LocalProgramme* row_for(Claim c, PublicExpense e, std::string& why) {
  c.public_expenses = {std::move(e)};
  return LocalProgrammes::shipped()->find(c, 0, why);
}

std::string row_id(Claim c, PublicExpense e) {
  std::string why;
  const LocalProgramme* row = row_for(std::move(c), std::move(e), why);
  return row ? row->id : "none: " + why;
}

}  // namespace

TEST_CASE("local programmes: マル障 課税 from 2019-08 — 1割, outpatient cap 18,000, inpatient 57,600 (fukushi.metro.tokyo marusyo)") {
  const Claim out = outpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  // Two visits of 10,000点: 1割 of 200,000円 is 20,000, capped at 18,000 on the second day.
  const CopayResult r = priced_with(out, local("80", "80136120", "taxed"), {care("2026-03-05", 10000), care("2026-03-12", 10000)});
  CHECK(r.daily[0].patient_yen.value == 10000);
  CHECK(r.daily[1].patient_yen.value == 8000);
  CHECK(r.patient_yen.value == 18000);
  // Inpatient: 1割 of 1,000,000円 is 100,000, above the 57,600 cap.
  const Claim in = inpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  CHECK(priced_with(in, local("80", "80136120", "taxed"), daily_care(2026, 3, 1, 10, 100000)).patient_yen.value == 57600);
  // Before 2019-08 the caps were lower and are not shipped: the share needs parameters.
  CHECK(row_id(outpatient("2019-07", k40), local("80", "80136120", "taxed")).starts_with("none: needs parameters for 法別 80"));
}

TEST_CASE("local programmes: マル障 非課税 — no patient charge; without an income the share needs it") {
  const Claim c = outpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  CHECK(priced_with(c, local("80", "80136120", "exempt"), {care("2026-03-05", 10000)}).patient_yen.value == 0);
  std::string why;
  CHECK(row_for(c, local("80", "80136120"), why) == nullptr);
  CHECK(why.find("give public_expenses[0].income (taxed or exempt)") != std::string::npos);
}

TEST_CASE("local programmes: マル親 81136 — 1割, outpatient cap 14,000, inpatient 57,600 from 2018-08 (city.minato hitorioya)") {
  const Claim out = outpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  CHECK(priced_with(out, local("81", "81136015"), {care("2026-03-05", 10000), care("2026-03-12", 10000)}).patient_yen.value == 14000);
  const Claim in = inpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  CHECK(priced_with(in, local("81", "81136015"), daily_care(2026, 3, 1, 10, 100000)).patient_yen.value == 57600);
}

TEST_CASE("local programmes: マル親 81137 — no patient charge (yakkyokujimu 81137… 負担なし)") {
  const Claim c = outpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  CHECK(row_id(c, local("81", "81137014")) == "tokyo-maruoya-exempt");
  CHECK(priced_with(c, local("81", "81137014"), {care("2026-03-05", 1000)}).patient_yen.value == 0);
}

TEST_CASE("local programmes: マル乳 88132 / 88138 — no patient charge for a 3-year-old") {
  const Claim c = outpatient("2026-03", "2022-06-01", InsuranceKind::employee, "ウ");
  CHECK(row_id(c, local("88", "88132013")) == "tokyo-marunyu");
  CHECK(row_id(c, local("88", "88138016")) == "tokyo-marunyu");
  CHECK(priced_with(c, local("88", "88132013"), {care("2026-03-05", 1000)}).patient_yen.value == 0);
}

TEST_CASE("local programmes: マル子 88131 / 88134 — 200円 a visit outpatient (less when the share is less), inpatient 0") {
  const Claim out = outpatient("2026-03", "2015-06-01", InsuranceKind::employee, "ウ");
  CHECK(row_id(out, local("88", "88134011")) == "tokyo-maruko-charge");
  // 3割 of 3,000円 is 900 → 200; 3割 of 500円 is 150 → 150.
  const CopayResult r = priced_with(out, local("88", "88131013"), {care("2026-03-02", 300), care("2026-03-09", 50)});
  CHECK(r.daily[0].patient_yen.value == 200);
  CHECK(r.daily[1].patient_yen.value == 150);
  const Claim in = inpatient("2026-03", "2015-06-01", InsuranceKind::employee, "ウ");
  CHECK(priced_with(in, local("88", "88131013"), daily_care(2026, 3, 1, 3, 3000)).patient_yen.value == 0);
  // The 200円 was sourced from 2009-10: earlier months need parameters.
  CHECK(row_id(outpatient("2009-09", "2000-06-01"), local("88", "88131013")).starts_with("none: "));
}

TEST_CASE("local programmes: マル子 88133 — no patient charge, from 2007-10") {
  const Claim c = outpatient("2026-03", "2015-06-01", InsuranceKind::employee, "ウ");
  CHECK(priced_with(c, local("88", "88133012"), {care("2026-03-02", 300)}).patient_yen.value == 0);
  CHECK(row_id(outpatient("2007-09", "2000-06-01"), local("88", "88133012")).starts_with("none: "));
}

TEST_CASE("local programmes: マル青 89131 / 89134 — 200円 a visit outpatient from 2023-04, inpatient 0") {
  const Claim out = outpatient("2026-03", "2009-06-01", InsuranceKind::employee, "ウ");
  const CopayResult r = priced_with(out, local("89", "89134012"), {care("2026-03-02", 300), care("2026-03-09", 300)});
  CHECK(r.patient_yen.value == 400);
  const Claim in = inpatient("2026-03", "2009-06-01", InsuranceKind::employee, "ウ");
  CHECK(priced_with(in, local("89", "89131015"), daily_care(2026, 3, 1, 3, 3000)).patient_yen.value == 0);
  CHECK(row_id(outpatient("2023-03", "2007-06-01"), local("89", "89131015")).starts_with("none: "));
}

TEST_CASE("local programmes: マル青 89135 / 89137 — no patient charge") {
  const Claim c = outpatient("2026-03", "2009-06-01", InsuranceKind::employee, "ウ");
  CHECK(row_id(c, local("89", "89137014")) == "tokyo-maruao-free");
  CHECK(priced_with(c, local("89", "89135013"), {care("2026-03-02", 300)}).patient_yen.value == 0);
}

TEST_CASE("local programmes: Osaka templates take the municipality's 法別番号 from a user's file (base=)") {
  const auto user = LocalProgrammes::parse(R"(<local_programmes>
  <programme id="city-severe" base="osaka-severe-disability" law="83" numbers="8327"/>
  <programme id="city-single" base="osaka-single-parent" law="84" numbers="8427"/>
  <programme id="city-infant" base="osaka-infant" law="85" numbers="8527"/>
</local_programmes>)", "user.xml");
  const Claim adult = outpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  std::vector<PricedLine> seven;
  for (const char* d : {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10"}) {
    seven.push_back(care(d, 1000));
  }
  // 重度障がい者: 500円 a day, no day limit, 3,000円 a month.
  CHECK(priced_with(adult, local("83", "83270013"), seven, user.get()).patient_yen.value == 3000);
  CHECK(priced_with(adult, local("83", "83270013"), {seven[0], seven[1]}, user.get()).patient_yen.value == 1000);
  // ひとり親: 500円 a day for at most 2 days a month.
  CHECK(priced_with(adult, local("84", "84270012"), {seven[0], seven[1], seven[2]}, user.get()).patient_yen.value == 1000);
  // 乳幼児: outpatient to age 2 (500円 × 2 days), not a 4-year-old; inpatient to 6.
  const Claim baby = outpatient("2026-03", "2024-06-01", InsuranceKind::employee, "ウ");
  CHECK(priced_with(baby, local("85", "85270011"), {seven[0], seven[1], seven[2]}, user.get()).patient_yen.value == 1000);
  std::string why;
  Claim four = outpatient("2026-03", "2021-06-01", InsuranceKind::employee, "ウ");
  four.public_expenses = {local("85", "85270011")};
  CHECK(user->find(four, 0, why) == nullptr);
  CHECK(why.find("covers ages 0–2, the patient is 4") != std::string::npos);
  // A template alone (no 法別番号) never fits a claim.
  CHECK(row_id(adult, local("83", "83270013")).starts_with("none: "));
}

TEST_CASE("local programmes: Chiba 子ども医療費 template — 300円 a visit, 300円 an inpatient day (県制度 from 2008-12)") {
  const auto user = LocalProgrammes::parse(R"(<local_programmes>
  <programme id="town-child" base="chiba-child" law="83" numbers="8312"/>
</local_programmes>)", "user.xml");
  const Claim child = outpatient("2021-10", "2015-06-01", InsuranceKind::national, "ウ");
  const CopayResult r = priced_with(child, local("83", "83123067", "taxed"), {care("2021-10-04", 300), care("2021-10-11", 50)}, user.get());
  CHECK(r.daily[0].patient_yen.value == 300);
  CHECK(r.daily[1].patient_yen.value == 100);  // 2割 (未就学, born 2015-06) of 500円 is less than 300
  // 300円 an inpatient day: the copayment charges a per-day amount once per bill, so the row is not
  // applied inpatient and the share says so rather than charge 300円 for the month.
  Claim in = inpatient("2021-10", "2015-06-01", InsuranceKind::national, "ウ");
  in.public_expenses = {local("83", "83123067", "taxed")};
  const LocalFill fill = fill_local_programmes(in, user.get());
  CHECK_FALSE(fill.filled);
  REQUIRE(fill.unmatched.size() == 1);
  CHECK(fill.unmatched[0].second.find("charges per inpatient day") != std::string::npos);
  CHECK(row_id(child, local("83", "83123067")).starts_with("none: "));  // no 法別番号 in the template
}

TEST_CASE("地単公費 never blocks: a local 公費 no row fits pays nothing here, says what it needs, and the rest is exact") {
  Claim c = outpatient("2026-03", k40, InsuranceKind::employee, "ウ");
  PublicExpense chiba = local("83", "83123067");  // a Chiba programme santei has no row for
  const CopayResult r = priced_with(c, chiba, {care("2026-03-05", 1000)});
  CHECK(r.patient_yen.value == 3000);  // the share before the programme: 3割 of 10,000円
  CHECK(r.insurer_yen.value == 7000);
  REQUIRE(r.public_expenses.size() == 1);
  CHECK(r.public_expenses[0].yen.value == 0);
  CHECK(r.public_expenses[0].needs.starts_with("needs parameters for 法別 83 (公費負担者番号 83123067)"));
  // Stated parameters are used as given, never looked up.
  chiba.per_visit = Yen{300};
  CHECK(priced_with(c, chiba, {care("2026-03-05", 1000)}).patient_yen.value == 300);
}

TEST_CASE("local programmes file: errors name the file, line and attribute; unknown attributes are refused") {
  const auto error_of = [](const std::string& xml) {
    try {
      (void)LocalProgrammes::parse(xml, "mine.xml");
    } catch (const Exception& e) {
      return e.info();
    }
    return ErrorInfo{};
  };
  ErrorInfo e = error_of("<local_programmes>\n  <programme id=\"a\" prefecture=\"13\" law=\"88\" name=\"x\" from=\"2020-01-01\"\n"
                         "   meals=\"patient\" source=\"s\" colour=\"red\"><outpatient rate=\"0\"/></programme>\n</local_programmes>");
  CHECK(e.status == Status::rule_error);
  CHECK(e.file == "mine.xml");
  CHECK(e.line == 2);
  CHECK(e.field == "a.colour");
  e = error_of("<local_programmes>\n<programme id=\"a\" prefecture=\"13\" law=\"88\" name=\"x\" from=\"2020-01-01\" meals=\"patient\" "
               "source=\"s\">\n  <outpatient rate=\"0\" per_visit=\"200\"/>\n</programme></local_programmes>");
  CHECK(e.line == 3);
  CHECK(e.message.find("exactly one of rate, per_visit, per_day") != std::string::npos);
  e = error_of("<local_programmes><programme id=\"b\" base=\"nowhere\" law=\"81\"/></local_programmes>");
  CHECK(e.field == "b.base");
  e = error_of("<local_programmes><programme id=\"c\" prefecture=\"13\" law=\"88\" numbers=\"89131\" name=\"x\" "
               "from=\"2020-01-01\" meals=\"patient\" source=\"s\"><outpatient rate=\"0\"/></programme></local_programmes>");
  CHECK(e.message.find("does not start with the 法別番号 '88'") != std::string::npos);
}
