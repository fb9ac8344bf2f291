// The inpatient rule data (masters/rules/inpatient_*.xml) checked against the real masters: every
// code exists where the rule says it applies, each 入院期間 band has the length the master's 上限回数
// states, the bundles name real 01 補助 groups, the 外泊 codes are the col 48 = 4 reductions, and the
// 名寄せ aliases name the 施設基準 of their 入院料. Plus claim-reading errors of the admission.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "error_of.hpp"
#include "inpatient_support.hpp"
#include "pricing/inpatient.hpp"
#include "pricing/inpatient_rules.hpp"
#include "santei/rules.hpp"

using namespace santei;
using namespace santei::test;
using namespace santei::pricing;

namespace {

Date checked_on(const FeeSchedule& s) { return std::max(s.period.from, day("2024-06-01")); }

ErrorInfo claim_error(const InpatientSpec& spec) {
  return test::error_of([&] { (void)price_inpatient(spec); });
}

}  // namespace

TEST_CASE("inpatient_fees.xml r06: every band code is an 入院料 or 入院期間加算 of its 告示 section, its length the master's 上限回数") {
  const MasterSet& set = r06();
  CHECK(fee_schedules().size() >= 20);
  for (const FeeSchedule& s : fee_schedules()) {
    CAPTURE(s.id);
    const Date on = checked_on(s);
    for (const PeriodBand& band : s.bands) {
      CAPTURE(band.code);
      const ProcedureRecord* r = set.procedure(band.code, on);
      REQUIRE(r);
      CHECK(fmt::format("A{:03}", r->section_number) == s.section.substr(0, 4));
      if (s.kind == ScheduleKind::base) CHECK(is_inpatient_fee(*r));
      if (s.kind == ScheduleKind::addition) CHECK(is_addition(*r));
      if (r->max_count > 0 && band.to_day > 0) CHECK(r->max_count == band.to_day - band.from_day + 1);
    }
    for (const Code fee : s.fees) {
      CAPTURE(fee);
      const ProcedureRecord* r = set.procedure(fee, on);
      REQUIRE(r);
      CHECK(is_inpatient_fee(*r));
      // An 入院期間加算 is a 注加算 of the 入院料 it is added to.
      CHECK(r->addition_group == set.procedure(s.bands.front().code, on)->addition_group);
    }
  }
}

TEST_CASE("inpatient_fees.xml r04 2024-05: the schedules dated from 2022-04-01 name codes of the r04 master") {
  const MasterSet& set = r04();
  const Date on = day("2024-05-31");
  std::size_t checked = 0;
  for (const FeeSchedule& s : fee_schedules()) {
    if (!s.period.contains(on)) continue;
    for (const PeriodBand& band : s.bands) {
      CAPTURE(band.code);
      CHECK(set.procedure(band.code, on));
      ++checked;
    }
  }
  CHECK(checked >= 20);
}

TEST_CASE("inpatient_fees.xml: the 外泊 codes are the reductions of s col 48 = 4: 85% / 70% of 入院基本料 and 特定入院料") {
  const AwayRule* rule = away_rule(day("2024-06-01"));
  REQUIRE(rule);
  const MasterSet& set = r06();
  const std::pair<Code, const char*> expected[] = {
      {rule->basic, "85"}, {rule->specific, "85"}, {rule->basic_therapeutic, "70"}, {rule->specific_therapeutic, "70"}};
  for (const auto& entry : expected) {
    const auto& [code, percent] = entry;
    CAPTURE(entry.first);  // not `code`: clang 14 cannot capture a structured binding
    const ProcedureRecord* r = set.procedure(code, day("2024-06-01"));
    REQUIRE(r);
    CHECK(r->inpatient_reduction == 4);
    CHECK(r->point_kind == 6);
    CHECK(r->points == *Decimal::parse(percent));
  }
  CHECK(set.procedure(rule->basic, day("2024-06-01"))->inpatient_column == 903);
  CHECK(set.procedure(rule->specific, day("2024-06-01"))->inpatient_column == 920);
}

TEST_CASE("inpatient_bundles.xml: each bundle names 01 補助 groups that real 特定入院料 carry with 包括単位 01 (1日につき)") {
  const MasterSet& set = r06();
  const Date on = day("2024-06-01");
  const std::pair<Code, const char*> fees[] = {{190024510, "A300001"}, {190174410, "A301001"}, {190838910, "A308031"}};
  for (const auto& entry : fees) {
    const auto& [code, group] = entry;
    CAPTURE(entry.first);  // not `code`: clang 14 cannot capture a structured binding
    const AuxiliaryRecord* aux = set.rules().auxiliary(code, on);
    REQUIRE(aux);
    CHECK(aux->bundle_units[0] == 1);
    CHECK(aux->bundle_groups[0] == group);
    const std::string groups[] = {aux->bundle_groups[0]};
    CHECK(bundle_rule(code, groups, on));
  }
  // 急性期一般入院料１ bundles nothing of the visits.
  CHECK_FALSE(bundle_rule(190117710, {}, on));
}

TEST_CASE("inpatient_bundles.xml A300 注7: a test and 点滴注射 are included, 検体検査判断料 (D026), 中心静脈注射用カテーテル挿入 (G005-2) and 手術 are not") {
  const MasterSet& set = r06();
  const Date on = day("2024-06-01");
  const std::string groups[] = {"A300001"};
  const BundleRule* rule = bundle_rule(190024510, groups, on);
  REQUIRE(rule);
  CHECK(rule->includes(*set.procedure(160000310, on)));    // 尿一般
  CHECK(rule->includes(*set.procedure(130003810, on)));    // 点滴注射
  CHECK(rule->includes(*set.procedure(130004410, on)));    // 中心静脈注射
  CHECK(rule->includes(*set.procedure(140005610, on)));    // 酸素吸入
  CHECK_FALSE(rule->includes(*set.procedure(160061910, on)));  // 生化学的検査（１）判断料
  CHECK_FALSE(rule->includes(*set.procedure(130004670, on)));  // 中心静脈注射用カテーテル挿入
  CHECK_FALSE(rule->includes(*set.procedure(150306550, on)));  // 上腕動脈表在化法
}

TEST_CASE("inpatient_meals.xml: the meal fees and their additions are 点数識別 1 yen codes of 診療識別 97 (s col 66 = 970)") {
  const MasterSet& set = r06();
  const Date on = day("2024-06-01");
  for (const Code code : {197000110u, 197003110u, 197000710u, 197003210u}) {
    CAPTURE(code);
    const MealFeeRule* rule = meal_fee_rule(code, on);
    REQUIRE(rule);
    for (const Code c : {code, rule->special, rule->dining}) {
      if (c == 0) continue;
      const ProcedureRecord* r = set.procedure(c, on);
      REQUIRE(r);
      CHECK(r->point_kind == 1);
      CHECK(r->inpatient_column == 970);
    }
  }
  CHECK(meal_fee_rule(197000110, on)->special == 197000470);
  CHECK(meal_fee_rule(197003110, on)->special == 0);  // 流動食のみ: no 特別食加算
  CHECK_FALSE(meal_fee_rule(197000810, on));          // a 標準負担額 code is not a meal fee
}

TEST_CASE("inpatient_standards.xml: 8020 一般病棟入院基本料 stands for the 施設基準 of 急性期一般入院料１–６ and 地域一般入院料１–３") {
  const MasterSet& set = r06();
  const Date on = day("2024-06-01");
  for (const Code code : {190117710u, 190199710u, 190199810u, 190199910u, 190200010u, 190077410u, 190200210u, 190077510u, 190077610u}) {
    CAPTURE(code);
    Facility facility;
    facility.standards = {set.procedure(code, on)->facility_standards[0]};
    CHECK(meets_standard_alias(8020, facility, on));
  }
  Facility none;
  none.standards = {3402};
  CHECK_FALSE(meets_standard_alias(8020, none, on));
  CHECK(meets_standard_alias(8018, none, on));
  CHECK_FALSE(meets_standard_alias(9999, none, on));
}

TEST_CASE("admission reading: fee and fees together, fees out of order, a meal time that is not one, a 特別食 not served") {
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-01","fee":"190117710","fees":[{"from":"2024-06-01","code":"190117710"}]})";
  CHECK_THROWS_WITH(parse_claim(inpatient_json(spec)), doctest::Contains("either fee or fees"));
  spec.admission = R"({"admitted":"2024-06-01","fees":[{"from":"2024-06-05","code":"190117710"},{"from":"2024-06-01","code":"190117710"}]})";
  CHECK_THROWS_WITH(parse_claim(inpatient_json(spec)), doctest::Contains("in order of from"));
  spec.admission = R"({"admitted":"2024-06-01","fee":"190117710","meals":{"code":"197000110","days":[{"from":"2024-06-01","served":["supper"]}]}})";
  CHECK_THROWS_WITH(parse_claim(inpatient_json(spec)), doctest::Contains("'supper' is not one of breakfast, lunch, dinner"));
  spec.admission = R"({"admitted":"2024-06-01","fee":"190117710","meals":{"code":"197000110","days":[{"from":"2024-06-01","served":["lunch"],"special":["dinner"]}]}})";
  CHECK_THROWS_WITH(parse_claim(inpatient_json(spec)), doctest::Contains("特別食 must be one of the served meals"));
  spec.admission = R"({"admitted":"2024-06-01","fee":"190117710","burden":"A"})";
  CHECK_THROWS_WITH(parse_claim(inpatient_json(spec)), doctest::Contains("負担区分"));
  // Without a fee an inpatient claim still needs a visit.
  spec.admission = R"({"admitted":"2024-06-01"})";
  CHECK_THROWS_WITH(parse_claim(inpatient_json(spec)), doctest::Contains("at least one visit"));
}

TEST_CASE("admission pricing errors name the field: not an 入院料, no fee for a day, a 外泊 day not in the stay, an unknown code") {
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-01","fee":"160000310"})";
  ErrorInfo e = claim_error(spec);
  CHECK(e.field == "admission.fees[0].code");
  CHECK(e.message.find("not an 入院基本料") != std::string::npos);

  spec.admission = R"({"admitted":"2024-06-01","fees":[{"from":"2024-06-03","code":"190117710"}]})";
  e = claim_error(spec);
  CHECK(e.field == "admission.fees[0].from");
  CHECK(e.message.find("no 入院料 for 2024-06-01") != std::string::npos);

  spec.admission = R"({"admitted":"2024-06-01","discharged":"2024-06-10","fee":"190117710","away_days":["2024-06-12"]})";
  e = claim_error(spec);
  CHECK(e.field == "admission.away_days[0]");

  spec.admission = R"({"admitted":"2024-06-01","fee":"190999999"})";
  e = claim_error(spec);
  CHECK(e.status == Status::unknown_code);
  CHECK(e.field == "admission.fees[0].code");

  spec.admission = R"({"admitted":"2024-07-01","fee":"190117710"})";
  e = claim_error(spec);
  CHECK(e.field == "admission.admitted");
}

TEST_CASE("result JSON: a daily line lists its days of the month, the copay its meal split") {
  InpatientSpec spec;
  spec.admission = R"({"admitted":"2024-06-28","fee":"190117710","meals":{"code":"197000110","days":[)" +
                   meal_days("2024-06-28", "2024-06-30", kThreeMeals) + "]}}";
  const std::string json = result_json(price_inpatient(spec, true), real_library());
  CHECK(json.find(R"("codes":["190117710","190079470"],)") != std::string::npos);
  CHECK(json.find(R"("days":[28,29,30])") != std::string::npos);
  CHECK(json.find(R"("meals_insurer_yen":1620)") != std::string::npos);  // (670 − 490) × 9
}
