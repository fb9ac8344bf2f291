// Errors name their own place: a claim's error is placed in the input the claim came from; a rule
// file's error met while pricing a claim names both the claim (input, line) and the rule (file, line).
#include <doctest/doctest.h>

#include "santei/local_programmes.hpp"
#include "santei/result.hpp"

using namespace santei;

TEST_CASE("ErrorInfo::in_input: a claim's error takes the input's name and its line within the input") {
  const ErrorInfo claim{Status::claim_error, "<claim>", 2, 7, "visits[0].date", "2024-07-32 is not a date"};
  const ErrorInfo placed = claim.in_input("cases.jsonl", 53);
  CHECK(placed.to_string() == "cases.jsonl:54:7: visits[0].date: 2024-07-32 is not a date");
  const ErrorInfo pricing{Status::unknown_code, {}, 0, 0, "visits[0].orders[0].items[0].code", "999999999 is unknown"};
  CHECK(pricing.in_input("cases.jsonl", 53).to_string() == "cases.jsonl:53: visits[0].orders[0].items[0].code: 999999999 is unknown");
}

TEST_CASE("ErrorInfo::in_input: a rule file's error met for a claim names the claim's line and the rule's file and line") {
  // A real rule error: a local programmes file with an attribute santei does not define, line 3.
  ErrorInfo rule;
  try {
    (void)LocalProgrammes::parse("<local_programmes>\n<programme id=\"a\" prefecture=\"13\" law=\"88\" name=\"x\" from=\"2020-01-01\"\n"
                                 " meals=\"patient\" source=\"s\"><outpatient rate=\"0\" colour=\"red\"/></programme>\n</local_programmes>",
                                 "masters/rules/local_programmes.xml");
  } catch (const Exception& e) {
    rule = e.info();
  }
  REQUIRE(rule.line == 3);
  const ErrorInfo placed = rule.in_input("cases.jsonl", 53);
  CHECK(placed.file == "cases.jsonl");
  CHECK(placed.line == 53);
  CHECK(placed.message.starts_with("rule masters/rules/local_programmes.xml:3: a.colour: "));
  CHECK(placed.to_string().starts_with("cases.jsonl:53: rule masters/rules/local_programmes.xml:3: a.colour: "));
}
