// Bad rule XML (masters/rules/*.xml read from text): every malformed file fails with
// santei::Exception(rule_error or limit_exceeded) naming the file, the line where known, and the
// rule; none loads, none crashes. The copayment rule fixtures are files under tests/bad/rules
// (read by copay_rules_test.cpp too); the pricing and inpatient rule tables are read here from
// inline text through the loaders santei uses on its compiled-in copies.
#include <doctest/doctest.h>

#include <string>

#include "pricing/inpatient_rules.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/result.hpp"

using namespace santei;

namespace {

// The error of reading `xml` as masters/rules/<file> with santei's pricing or inpatient loaders.
ErrorInfo pricing_rule_error(const std::string& file, const std::string& xml) {
  try {
    if (file.starts_with("inpatient_")) {
      pricing::check_inpatient_rules(file, xml);
    } else {
      pricing::check_rule_tables(file, xml);
    }
  } catch (const Exception& e) {
    return e.info();
  }
  FAIL("loaded without an error: " << xml);
  return {};
}

}  // namespace

TEST_CASE("inpatient_standards.xml: a 名寄せ member that is not a number is a rule_error naming the alias (fuzz finding: std::stoi threw)") {
  const ErrorInfo e = pricing_rule_error(
      "inpatient_standards.xml",
      R"(<standard-aliases><alias code="8018" from="2022-04-01" source="R06rec2.pdf 別紙7-8" members="3402 34x2"/></standard-aliases>)");
  CHECK(e.status == Status::rule_error);
  CHECK(e.file == "masters/rules/inpatient_standards.xml");
  CHECK(e.message == "alias 8018: member '34x2' is not a 施設基準コード");
  const ErrorInfo huge = pricing_rule_error(
      "inpatient_standards.xml",
      R"(<standard-aliases><alias code="8018" from="2022-04-01" source="s" members="99999999999"/></standard-aliases>)");
  CHECK(huge.message == "alias 8018: member '99999999999' is not a 施設基準コード");
}
