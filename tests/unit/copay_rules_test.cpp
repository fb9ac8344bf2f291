// Loading masters/rules/*.xml: the shipped rules pass the coverage check and the topic checks fail
// loudly on a wrong figure (the malformed files of tests/bad/rules are bad_rules_test.cpp's).
#include <doctest/doctest.h>

#include "copay/rule_reader.hpp"
#include "copay/rule_set.hpp"
#include "error_of.hpp"
#include "support.hpp"

using namespace santei;
using namespace santei::copay;

namespace {

ErrorInfo load_error(const RuleTexts& texts) {
  return test::error_of([&] { (void)load_rules(texts); });
}

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string s(text);
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("the shipped rules load: exactly one value in force on every date 2015-01-01..2027-12-31 per rule") {
  const RuleSet& set = rules();
  CHECK(set.limits_under70.values.size() == 2);
  CHECK(set.limits_70plus.values.size() == 4);
  CHECK(set.care_measure.values.size() == 3);
  CHECK(set.meal_charges.values.size() == 5);
  // Every rule answers on both ends of the checked range (or says why it cannot).
  for (const Date d : {checked_from(), checked_to()}) {
    CHECK(set.rate_under70.at(d).value == *Decimal::parse("0.3"));
    CHECK(set.limits_under70.at(d).value.find("ウ"));
    CHECK(set.programmes.at(d).value.find("54"));
  }
  CHECK(set.limits_70plus.at(checked_from()).value.find("現役並み"));
  CHECK(set.limits_70plus.at(checked_to()).value.find("一般")->outpatient == Yen{22000});  // from 2026-08
  CHECK_THROWS_AS(set.meal_charges.at(checked_to()), Exception);  // unknown from 2026-06
  CHECK(set.care_measure.find(checked_from()) == nullptr);         // none before 2022-10-01
  CHECK(set.care_measure.find(checked_to()) == nullptr);           // none after 2025-09-30
}

TEST_CASE("every value in force names the law that sets it (copayment.md's sources), and an unsettled rule says so") {
  const RuleSet& set = rules();
  int known = 0;
  const auto check = [&known](const auto& timeline, std::string_view law) {
    for (const auto& v : timeline.values) {
      if (v.info.state != ValueState::known) continue;
      CAPTURE(timeline.rule);
      CAPTURE(v.info.source);
      CHECK(v.info.source.find(law) != std::string::npos);
      ++known;
    }
  };
  check(set.rate_preschool, "健康保険法 第74条第1項第2号, 国民健康保険法 第42条第1項第2号");
  check(set.rate_under70, "健康保険法 第74条第1項第1号, 国民健康保険法 第42条第1項第1号");
  check(set.rate_70to74, "健康保険法 第74条第1項第3号 and 国民健康保険法 第42条第1項第3号");
  check(set.rate_75plus, "高齢者の医療の確保に関する法律 第67条第1項");
  check(set.rate_70to74_special, "高齢者医療制度の負担軽減措置 (予算措置)");
  check(set.limits_under70, "健康保険法施行令 第42条");
  check(set.limits_70plus, "健康保険法施行令 第42条");
  check(set.birthday_month_divisor, "健康保険法施行令 第41条第7項・第42条");
  check(set.special_disease_caps, "健康保険法施行令 第42条第9項");
  check(set.combine_threshold, "健康保険法施行令 第41条第1項");
  check(set.public_group_many_times_inpatient_only, "[unverified] copayment.md §7.3");
  check(set.care_measure, "高齢者の医療の確保に関する法律施行令 附則");
  check(set.meal_charges, "平成8年厚生省告示第203号");
  check(set.meals_per_day, "入院時食事療養費に係る食事療養の費用の額の算定に関する基準");
  check(set.programmes, "copayment.md §4.1");
  CHECK(known == 22);  // every value in force of the five files, none left out
}

TEST_CASE("kouhi.xml: the 公費 priority order of copayment.md §4.2 and the 地方単独 ranges") {
  const ProgrammeTable& t = rules().programmes.at(Date::from_ymd(2026, 3, 1)).value;
  CHECK(t.rank("13") == 0);
  CHECK(t.rank("21") < t.rank("15"));
  CHECK(t.rank("52") < t.rank("54"));
  CHECK(t.rank("54") < t.rank("51"));
  CHECK(t.rank("25") + 1 == t.rank("12"));
  CHECK(t.rank("88") > t.rank("12"));  // locals after every national programme
  CHECK(t.is_local("41"));
  CHECK(t.is_local("99"));
  CHECK_FALSE(t.is_local("50"));
  CHECK(t.is_insurer("06"));
  const Programme& nanbyo = *t.find("54");
  CHECK(nanbyo.rate == *Decimal::parse("0.2"));
  CHECK(nanbyo.find_tier("上位所得")->long_term.yen == Yen{20000});
  CHECK(nanbyo.find_tier("低所得Ⅰ")->ventilator.yen == Yen{1000});
  CHECK(t.find("15")->find_tier("中間所得1")->general.kind == TierCap::Kind::kougaku);
}

TEST_CASE("topic checks of the shipped files fail loudly when a figure is wrong") {
  const RuleTexts good = embedded_rule_texts();
  SUBCASE("an odd limit cannot be halved in the 75歳到達月") {
    RuleTexts t = good;
    const std::string kougaku = replaced(good.kougaku, "base=\"80100\"", "base=\"80101\"");
    t.kougaku = kougaku;
    const ErrorInfo e = load_error(t);
    CHECK(e.file == "masters/rules/kougaku.xml");
    CHECK(e.field == "under70.base");
    CHECK(e.message.find("cannot be halved") != std::string::npos);
  }
  SUBCASE("a gap in the 配慮措置 (its end moved a day early) names care_measure.xml and the rule") {
    RuleTexts t = good;
    const std::string care = replaced(good.care_measure, "to=\"2025-09-30\"", "to=\"2025-09-29\"");
    t.care_measure = care;
    const ErrorInfo e = load_error(t);
    CHECK(e.file == "masters/rules/care_measure.xml");
    CHECK(e.field == "75plus_2wari_outpatient");
    CHECK(e.message.find("no value is in force from 2025-09-30 to 2025-09-30") != std::string::npos);
  }
  SUBCASE("a 公費 missing from the priority order") {
    RuleTexts t = good;
    const std::string kouhi = replaced(good.kouhi, " 25 12\"", " 12\"");
    t.kouhi = kouhi;
    const ErrorInfo e = load_error(t);
    CHECK(e.file == "masters/rules/kouhi.xml");
    CHECK(e.message.find("法別 25 must appear exactly once") != std::string::npos);
  }
  SUBCASE("a meal category missing") {
    RuleTexts t = good;
    const std::string meals = replaced(good.meals, "<category id=\"low_income_1\" yen=\"110\"/>", "");
    t.meals = meals;
    const ErrorInfo e = load_error(t);
    CHECK(e.file == "masters/rules/meals.xml");
    CHECK(e.message.find("category 'low_income_1' is missing") != std::string::npos);
  }
  SUBCASE("two rows answering to one 区分") {
    RuleTexts t = good;
    const std::string rates = replaced(good.rates, "<bracket names=\"一般Ⅱ\" rate=\"0.2\"/>", "<bracket names=\"一般Ⅱ 一般\" rate=\"0.2\"/>");
    t.rates = rates;
    const ErrorInfo e = load_error(t);
    CHECK(e.file == "masters/rules/rates.xml");
    CHECK(e.message.find("区分 '一般' appears in two rows") != std::string::npos);
  }
}
