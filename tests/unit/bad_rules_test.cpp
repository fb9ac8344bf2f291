// Bad rule XML (masters/rules/*.xml read from text): every malformed file fails with
// santei::Exception (rule_error, or limit_exceeded beyond a documented maximum) naming the file,
// the line and the rule; none loads, none crashes. The copayment rule fixtures are files under
// tests/bad/rules (copay_rules_test.cpp reads them too); the pricing and inpatient rule tables are
// read here from inline text through the loaders santei uses on its compiled-in copies.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "copay/rule_reader.hpp"
#include "core/xml.hpp"
#include "pricing/inpatient_rules.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/result.hpp"
#include "big_input.hpp"
#include "error_of.hpp"
#include "support.hpp"

using namespace santei;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The error of reading `xml` as a copayment rule file holding rule "sample" (a rate).
ErrorInfo copay_rule_error(std::string_view xml, const std::string& name) {
  INFO(name);
  return test::error_of([&] {
    static constexpr xml::Element kSample[] = {{"value", "rate", ""}};
    copay::RuleReader r(xml, name, kSample);
    (void)r.timeline<Decimal>("sample", [&](pugi::xml_node v) { return r.rate(v, "rate"); });
    r.finish();
  });
}

// The error of reading `xml` as masters/rules/<file> with santei's pricing or inpatient loaders.
ErrorInfo pricing_rule_error(const std::string& file, std::string_view xml) {
  return test::error_of([&] {
    if (file.starts_with("inpatient_")) {
      pricing::check_inpatient_rules(file, xml);
    } else {
      pricing::check_rule_tables(file, xml);
    }
  });
}

struct Case {
  const char* file;
  std::int64_t line;
  const char* field;
  const char* message;  // the whole message, or its beginning when it ends with "…"
  Status status = Status::rule_error;
};

void check(const ErrorInfo& e, const Case& c, const std::string& file) {
  CHECK(e.status == c.status);
  CHECK(e.file == file);
  CHECK(e.line == c.line);
  CHECK(e.field == c.field);
  test::check_message(e.message, c.message);
}

// Each pricing or inpatient rule text with the error it must give.
void check_pricing_cases(const std::vector<std::pair<Case, std::string>>& cases) {
  for (const auto& entry : cases) {  // not a structured binding: clang 14 cannot capture one in CAPTURE's lambda
    const Case& c = entry.first;
    const std::string& xml = entry.second;
    CAPTURE(xml);
    check(pricing_rule_error(c.file, xml), c, std::string("masters/rules/") + c.file);
  }
}

}  // namespace

TEST_CASE("bad rule files (tests/bad/rules): each fails with its exact status, line and field; none is left untested") {
  const std::vector<Case> cases = {
      {"bad_date.xml", 5, "sample.from", "'2015-13-01' is not a date (YYYY-MM-DD)"},
      {"bad_value.xml", 5, "sample.rate", "1.5 is outside 0–1"},
      {"duplicate_attribute.xml", 5, "", "<value> gives the attribute rate twice"},
      {"duplicate_rule.xml", 7, "sample.id", "rule 'sample' is defined twice"},
      {"early_end.xml", 5, "sample", "no value is in force from 2027-01-01 to 2027-12-31 (gap after 2015-01-01..2026-12-31)"},
      {"embedded_nul.xml", 5, "", "malformed XML: Error parsing element attribute"},
      {"gap.xml", 7, "sample",
       "no value is in force from 2020-01-01 to 2020-01-31 (gap between 2015-01-01..2019-12-31 and 2020-02-01..)"},
      {"impossible_day.xml", 6, "sample.from", "'2024-02-30' is not a date (YYYY-MM-DD)"},
      {"late_start.xml", 5, "sample", "no value is in force from 2015-01-01 to 2015-12-31 (gap before 2016-01-01..)"},
      {"malformed.xml", 6, "", "malformed XML: Start-end tags mismatch"},
      {"missing_rule.xml", 0, "sample", "the rule is missing"},
      {"missing_source.xml", 5, "sample.source", "every value must name its legal source"},
      {"no_values.xml", 0, "sample", "the rule has no <value>"},
      {"none_and_unknown.xml", 5, "sample.none", "a value cannot be both none and unknown"},
      {"not_utf8.xml", 5, "", "not valid UTF-8 at byte 247 (0xe9)"},
      {"overflowing_number.xml", 5, "sample.rate", "'99999999999999999999' is not a decimal"},
      {"overlap.xml", 6, "sample", "values 2015-01-01..2020-06-30 and 2020-01-01.. overlap: two values in force on 2020-01-01"},
      {"reversed_range.xml", 5, "sample.to", "ends (2014-12-31) before it starts (2015-01-01)"},
      {"stray_element.xml", 6, "sample.valeu", "<valeu> in <rule>: unknown element; did you mean value?"},
      {"truncated.xml", 5, "", "malformed XML: Error parsing element attribute"},
      {"unknown_attribute.xml", 5, "sample.sourse", "<value> sourse: unknown attribute; did you mean source?"},
      {"unknown_rule.xml", 7, "sampel.sampel", "<rule id=\"sampel\"> is not a rule santei knows"},
  };
  const fs::path dir = test::test_data() / "bad" / "rules";
  std::set<std::string> tested;
  for (const Case& c : cases) {
    CAPTURE(c.file);
    check(copay_rule_error(read_text(dir / c.file), c.file), c, c.file);
    tested.insert(c.file);
  }
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(dir)) present.insert(entry.path().filename().string());
  CHECK(tested == present);
}

TEST_CASE("rule XML nested deeper than xml::kMaxDepth (made at test time) is limit_exceeded at the element") {
  std::string xml = "<rules>\n<rule id=\"sample\">\n<value from=\"2015-01-01\" rate=\"0.3\" source=\"s\">\n";
  for (std::size_t i = 0; i < 100000; ++i) xml += "<x>";
  for (std::size_t i = 0; i < 100000; ++i) xml += "</x>";
  xml += "\n</value>\n</rule>\n</rules>\n";
  check(copay_rule_error(xml, "deep.xml"), {"deep.xml", 4, "", "elements nested deeper than 32 levels", Status::limit_exceeded},
        "deep.xml");
  check(pricing_rule_error("lab_bundles.xml", xml),
        {"", 4, "", "elements nested deeper than 32 levels", Status::limit_exceeded}, "masters/rules/lab_bundles.xml");
}

TEST_CASE("rule XML over xml::kMaxBytes (17 MiB made at test time) is refused before it is parsed") {
  const std::string xml = "<rules><!--" + std::string(17 * 1024 * 1024, '-') + "--></rules>";
  check(copay_rule_error(xml, "huge.xml"),
        {"huge.xml", 0, "", "17825814 bytes of XML is over the limit of 16777216 bytes", Status::limit_exceeded},
        "huge.xml");
}

TEST_CASE("a 1 GiB rule text (an untouched mapping: one line of NULs) is refused by its size, never read") {
  const test::UntouchedBytes gigabyte(std::size_t{1} << 30);
  const Case expected{"", 0, "", "1073741824 bytes of XML is over the limit of 16777216 bytes", Status::limit_exceeded};
  check(copay_rule_error(gigabyte.view(), "gigabyte.xml"), expected, "gigabyte.xml");
  check(pricing_rule_error("inpatient_fees.xml", gigabyte.view()), expected, "masters/rules/inpatient_fees.xml");
}

TEST_CASE("pricing and inpatient rule tables read from bad text: each error names its file and what is wrong") {
  const std::vector<std::pair<Case, std::string>> cases = {
      {{"lab_bundles.xml", 3, "", "malformed XML: Start-end tags mismatch"},
       "<lab-bundles>\n<group id=\"1\">\n<period from=\"2024-06-01\" source=\"s\"></group>\n</lab-bundles>"},
      {{"lab_bundles.xml", 1, "", "not valid UTF-8 at byte 26 (0x8d)"},
       "<lab-bundles><group name=\"\x8d\"/></lab-bundles>"},
      {{"lab_bundles.xml", 0, "", "group 1: tiers must ascend"},
       "<lab-bundles><group id=\"1\"><period from=\"2024-06-01\" source=\"s\"><tier min=\"8\" points=\"99\"/>"
       "<tier min=\"5\" points=\"93\"/></period></group></lab-bundles>"},
      {{"lab_bundles.xml", 0, "", "bad or missing from date in <period>"},
       "<lab-bundles><group id=\"1\"><period from=\"2024-02-30\" source=\"s\"/></group></lab-bundles>"},
      {{"time_additions.xml", 1, "", "<rule> gives the attribute from twice"},
       "<time-additions><rule id=\"r\" from=\"2022-04-01\" from=\"2024-06-01\" source=\"s\"/></time-additions>"},
      {{"time_additions.xml", 0, "", "rule 'r': unknown visit time"},
       "<time-additions><rule id=\"r\" from=\"2022-04-01\" source=\"s\"><addition visit=\"noon\" code=\"140000190\"/></rule>"
       "</time-additions>"},
      {{"age_additions.xml", 0, "", "rule 'r': <addition> upper=\"3\" is not an age code of the masters (00, 03, AA …)"},
       "<age-additions><rule id=\"r\" section=\"K\" from=\"2022-04-01\" source=\"s\"><addition code=\"150000290\" "
       "lower=\"00\" upper=\"3\"/></rule></age-additions>"},
      {{"age_additions.xml", 0, "", "rule 'r': <unknown> without its reason"},
       "<age-additions><rule id=\"r\" section=\"K\" from=\"2022-04-01\" source=\"s\"><addition code=\"150000290\" "
       "lower=\"00\" upper=\"03\"/><unknown low-birth-weight=\"1\" lower=\"00\" upper=\"AA\"/></rule></age-additions>"},
      {{"age_additions.xml", 0, "", "rule 's': overlaps rule 'r' for section K"},
       "<age-additions><rule id=\"r\" section=\"K\" from=\"2022-04-01\" source=\"s\"><addition code=\"150000290\" "
       "lower=\"00\" upper=\"03\"/></rule><rule id=\"s\" section=\"K\" from=\"2024-06-01\" source=\"s\">"
       "<addition code=\"150000290\" lower=\"00\" upper=\"03\"/></rule></age-additions>"},
      {{"price_response.xml", 0, "", "unknown case 'noon' (several-in-group, away-day)"},
       "<price-response><period from=\"2026-06-01\" source=\"s\"><unknown case=\"noon\" reason=\"r\"/></period>"
       "</price-response>"},
      {{"price_response.xml", 0, "", "<unknown case=\"away-day\"> without its reason"},
       "<price-response><period from=\"2026-06-01\" source=\"s\"><unknown case=\"away-day\"/></period></price-response>"},
      {{"price_response.xml", 0, "", "the period from 2026-06-01 without its source"},
       "<price-response><period from=\"2026-06-01\"/></price-response>"},
      {{"inpatient_fees.xml", 0, "", "<unknown> needs a section and its reason"},
       "<inpatient-fees><unknown section=\"A300\" from=\"2026-06-01\"/></inpatient-fees>"},
      {{"inpatient_bundles.xml", 0, "", "bundle 'b': <unknown> without its reason"},
       "<inpatient-bundles><bundle id=\"b\" aux-groups=\"A300001\" from=\"2026-06-01\" source=\"s\" drugs=\"billed\" materials=\"billed\"><include part=\"2-03\"/>"
       "<unknown section=\"D006-19\"/></bundle></inpatient-bundles>"},
      {{"inpatient_meals.xml", 0, "", "fee 'm': '19700011' is not a 9-digit code"},
       "<inpatient-meals><fee id=\"m\" from=\"2024-06-01\" source=\"s\" codes=\"19700011\"/></inpatient-meals>"},
      {{"inpatient_standards.xml", 0, "", "alias 8018: member '34x2' is not a 施設基準コード"},
       "<standard-aliases><alias code=\"8018\" from=\"2022-04-01\" source=\"R06rec2.pdf 別紙7-8\" members=\"3402 34x2\"/>"
       "</standard-aliases>"},
      {{"inpatient_standards.xml", 0, "", "alias 8018: member '99999999999' is not a 施設基準コード"},
       "<standard-aliases><alias code=\"8018\" from=\"2022-04-01\" source=\"s\" members=\"99999999999\"/></standard-aliases>"},
  };
  check_pricing_cases(cases);
}

TEST_CASE("rule XML: an element or attribute the file does not define is refused by name, with the nearest defined one") {
  // pugixml reads a misspelt attribute as absent: <band too="14"> would have been an open band.
  const std::vector<std::pair<Case, std::string>> cases = {
      {{"inpatient_fees.xml", 2, "too", "<band> too: unknown attribute; did you mean to?"},
       "<inpatient-fees><schedule id=\"s\" section=\"A100\" kind=\"base\" from=\"2024-06-01\" source=\"s\">\n"
       "<band from=\"1\" too=\"14\" code=\"190117710\"/></schedule></inpatient-fees>"},
      {{"inpatient_fees.xml", 1, "shedule", "<shedule> in <inpatient-fees>: unknown element; did you mean schedule?"},
       "<inpatient-fees><shedule id=\"s\"/></inpatient-fees>"},
      {{"inpatient_meals.xml", 1, "", "the root element must be <inpatient-meals>, not <inpatient-meal>"},
       "<inpatient-meal><fee id=\"m\"/></inpatient-meal>"},
      {{"inpatient_bundles.xml", 1, "material", "<bundle> material: unknown attribute; did you mean materials?"},
       "<inpatient-bundles><bundle id=\"b\" material=\"billed\"/></inpatient-bundles>"},
      {{"inpatient_standards.xml", 1, "member", "<alias> member: unknown attribute; did you mean members?"},
       "<standard-aliases><alias code=\"8018\" member=\"3402\"/></standard-aliases>"},
      {{"lab_bundles.xml", 1, "point", "<tier> point: unknown attribute; did you mean points?"},
       "<lab-bundles><group id=\"1\"><period from=\"2024-06-01\" source=\"s\"><tier min=\"5\" point=\"93\"/>"
       "</period></group></lab-bundles>"},
      {{"time_additions.xml", 1, "min-point", "<rule> min-point: unknown attribute; did you mean min-points?"},
       "<time-additions><rule id=\"r\" section=\"J\" min-point=\"1000\" from=\"2022-04-01\" source=\"s\"/>"
       "</time-additions>"},
      {{"time_additions.xml", 1, "note", "<note> in <rule>: unknown element; expected one of addition"},
       "<time-additions><rule id=\"r\" from=\"2022-04-01\" source=\"s\"><note/></rule></time-additions>"},
      {{"price_response.xml", 1, "reasn", "<unknown> reasn: unknown attribute; did you mean reason?"},
       "<price-response><period from=\"2026-06-01\" source=\"s\"><unknown case=\"away-day\" reasn=\"r\"/></period>"
       "</price-response>"},
      {{"inpatient_fees.xml", 1, "sections", "<unknown> sections: unknown attribute; did you mean section?"},
       "<inpatient-fees><unknown sections=\"A300\" from=\"2026-06-01\" reason=\"r\"/></inpatient-fees>"},
  };
  check_pricing_cases(cases);
}

TEST_CASE("rule XML: every day, count, points and code attribute is bounded, so none overflows (found by fuzzing)") {
  // tests/fuzz/regressions/rule_xml/band_to_int_max: a band to="2147483647" made the next band's
  // expected first day 2147483647 + 1, a signed overflow (UBSan) instead of a rule error.
  const std::vector<std::pair<Case, std::string>> cases = {
      {{"inpatient_fees.xml", 0, "", "schedule 's': <band> to='2147483647' is not a whole number in 1–9999"},
       "<inpatient-fees><schedule id=\"s\" section=\"A308-3\" kind=\"base\" from=\"2024-06-01\" source=\"s\">"
       "<band from=\"1\" to=\"2147483647\" code=\"190117710\"/><band from=\"1\" code=\"190117810\"/></schedule>"
       "</inpatient-fees>"},
      {{"inpatient_fees.xml", 0, "", "schedule 's': <schedule> limit-days='0' is not a whole number in 1–9999"},
       "<inpatient-fees><schedule id=\"s\" kind=\"base\" from=\"2024-06-01\" source=\"s\" limit-days=\"0\">"
       "<band from=\"1\" code=\"190117710\"/></schedule></inpatient-fees>"},
      {{"inpatient_fees.xml", 0, "", "<away> therapeutic-month='99999999999' is not a whole number in 1–9999"},
       "<inpatient-fees><away from=\"2024-06-01\" source=\"s\" basic=\"190000010\" specific=\"190000020\" "
       "basic-therapeutic=\"190000030\" specific-therapeutic=\"190000040\" therapeutic-month=\"99999999999\"/>"
       "</inpatient-fees>"},
      {{"inpatient_bundles.xml", 0, "", "bundle 'b': bad part '2-99999999999'"},
       "<inpatient-bundles><bundle id=\"b\" from=\"2024-06-01\" source=\"s\" fees=\"190117710\" drugs=\"billed\" "
       "materials=\"billed\"><include part=\"2-99999999999\"/></bundle></inpatient-bundles>"},
      {{"inpatient_standards.xml", 0, "", "<alias> code='4294967297' is not a whole number in 1–9999"},
       "<standard-aliases><alias code=\"4294967297\" from=\"2022-04-01\" source=\"s\" members=\"3402\"/>"
       "</standard-aliases>"},
      {{"lab_bundles.xml", 0, "", "<group> id='4294967297' is not a whole number in 1–99"},
       "<lab-bundles><group id=\"4294967297\"/></lab-bundles>"},
      {{"lab_bundles.xml", 0, "", "group 1: <period> cap-items='99999999999' is not a whole number in 1–999"},
       "<lab-bundles><group id=\"1\"><period from=\"2024-06-01\" source=\"s\" cap-items=\"99999999999\"/></group>"
       "</lab-bundles>"},
      {{"lab_bundles.xml", 0, "", "group 1: <tier> points='-93' is not a whole number in 0–10000000"},
       "<lab-bundles><group id=\"1\"><period from=\"2024-06-01\" source=\"s\"><tier min=\"5\" points=\"-93\"/>"
       "</period></group></lab-bundles>"},
      {{"time_additions.xml", 0, "", "rule 'r': <rule> categories: '267' is not a whole number in 1–99"},
       "<time-additions><rule id=\"r\" scope=\"group\" categories=\"11 267\" from=\"2022-04-01\" source=\"s\"/>"
       "</time-additions>"},
      {{"time_additions.xml", 0, "", "rule 'r': <addition> code='4294967297' is not a whole number in 100000000–999999999"},
       "<time-additions><rule id=\"r\" section=\"J\" from=\"2022-04-01\" source=\"s\">"
       "<addition visit=\"holiday\" code=\"4294967297\"/></rule></time-additions>"},
      {{"time_additions.xml", 0, "", "<time> kinds: '1x' is not a whole number in 1–9"},
       "<time-additions><visit-times><time visit=\"holiday\" kinds=\"1x\"/></visit-times></time-additions>"},
      // 時間加算区分 0 is no time addition: the rule graph keeps only the codes of 1–9 (s col 43).
      {{"time_additions.xml", 0, "", "<time> kinds: '0' is not a whole number in 1–9"},
       "<time-additions><visit-times><time visit=\"holiday\" kinds=\"2 0\"/></visit-times></time-additions>"},
  };
  check_pricing_cases(cases);
}
