// The claim's mode (santei.claim/1 "mode", PricingOptions::mode): a receipt computer's claim gets
// the additions the law adds by itself; a claim priced as claimed gets none, and a 算定漏れ
// diagnostic names each addition, its base and its source instead.
#include <doctest/doctest.h>

#include "pricing_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

ClaimSpec infant_first_visit(const std::string& time = "regular") {
  ClaimSpec spec;
  spec.month = "2024-07";
  spec.birth_date = "2021-05-20";  // 3 on 2024-07-03
  spec.visits = "[" + visit("2024-07-03", order("11", {"111000110"}), time) + "]";
  return spec;
}

}  // namespace

TEST_CASE("mode automatic (default): 初診 of a 3-year-old gets 乳幼児加算 111000370 (291 + 75 = 366)") {
  const PricedClaim priced = price_spec(infant_first_visit());
  CHECK(priced.total.value == 366);
  CHECK(find_diagnostic(priced, "算定漏れ/") == nullptr);
}

TEST_CASE("mode as_claimed: 初診 of a 3-year-old is priced as stated (291); 乳幼児加算 is a 算定漏れ diagnostic with its source") {
  ClaimSpec spec = infant_first_visit();
  spec.extra = R"("mode":"as_claimed",)";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 291);
  REQUIRE(priced.lines.size() == 1);
  CHECK(priced.lines[0].items.size() == 1);
  const Diagnostic* d = find_diagnostic(priced, "算定漏れ/");
  REQUIRE(d != nullptr);
  CHECK(d->rule == "算定漏れ/年齢加算");
  CHECK(d->severity == Severity::warning);
  CHECK(d->codes == std::vector<Code>{111000370, 111000110});
  CHECK(d->message.find("111000370 乳幼児加算（初診） not claimed: the law adds it to 111000110 初診料 for a patient of 3 "
                        "on 2024-07-03 (年齢加算, s cols 100–111 of 111000110, r06)") != std::string::npos);
  CHECK(d->field == "visits[0].orders[0].items[0].code");
}

TEST_CASE("mode as_claimed after hours: one suggestion, 乳幼児時間外加算 111011970, not 乳幼児加算 as well") {
  ClaimSpec spec = infant_first_visit("after_hours");
  spec.extra = R"("mode":"as_claimed",)";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 291);
  std::vector<Code> suggested;
  for (const Diagnostic& d : priced.diagnostics) {
    if (d.rule.starts_with("算定漏れ/")) suggested.push_back(d.codes.front());
  }
  CHECK(suggested == std::vector<Code>{111011970});
}

TEST_CASE("PricingOptions::mode overrides the claim's: automatic adds to an as_claimed claim, as_claimed holds back") {
  ClaimSpec spec = infant_first_visit();
  spec.extra = R"("mode":"as_claimed",)";
  PricingOptions automatic;
  automatic.mode = ClaimMode::automatic;
  CHECK(price_spec(spec, automatic).total.value == 366);
  PricingOptions as_claimed;
  as_claimed.mode = ClaimMode::as_claimed;
  CHECK(price_spec(infant_first_visit(), as_claimed).total.value == 291);
}

TEST_CASE("claim key mode: a value santei does not define is refused by name") {
  ClaimSpec spec = infant_first_visit();
  spec.extra = R"("mode":"complete",)";
  try {
    (void)parse_claim(claim_json(spec));
    FAIL("no error");
  } catch (const Exception& e) {
    CHECK(e.info().field == "mode");
    CHECK(e.info().message == "'complete' is not one of automatic, as_claimed");
  }
}

// What the law forbids (背反, 算定回数, eligibility) is priced as stated when claimed so, with a
// 算定不可 warning naming the code the law would not bill first; automatic mode drops it
// (pricing_rules_test.cpp).

// One case a row: the visits claimed as_claimed, the total priced as stated, and the 算定不可
// warning (its codes, and its date, field or message where the row gives one).
struct AsClaimedCase {
  const char* name;
  std::string birth_date;  // "" = ClaimSpec's
  std::string visits;
  std::int64_t total;
  std::string rule;
  std::vector<Code> codes;
  std::string date;     // "" = not checked
  std::string field;    // "" = not checked
  std::string message;  // a part of the message, "" = not checked
};

TEST_CASE("mode as_claimed: what the law forbids is priced as stated, with a 算定不可 warning") {
  const std::string management = order("13", {"113001810"});
  const std::vector<AsClaimedCase> cases = {
      {"CEA and DUPAN-2 on one draw (背反 同時, 03-3): 2 items 230 (告示 D009 注2 イ)", "",
       visit("2024-06-03", order("60", {"160036510", "160036910"})), 230, "算定不可/背反/同時", {160036510, 160036910}, "", "",
       "priced as claimed (santei would have: 160036510 is not billed"},
      {"特定疾患療養管理料 a third time in a month (算定回数, 05 table: 2): 3 × 225", "",
       visit("2024-06-03", management) + "," + visit("2024-06-10", management) + "," + visit("2024-06-17", management), 675,
       "算定不可/算定回数/月", {113001810}, "2024-06-17", "", ""},
      {"乳幼児加算 stated for a 7-year-old (年齢, s cols 41–42): 291 + 75", "2017-01-01",
       visit("2024-06-03", order("11", {"111000110", "111000370"})), 366, "算定不可/年齢", {111000370}, "",
       "visits[0].orders[0].items[1].code", ""},
  };
  for (const AsClaimedCase& c : cases) {
    SUBCASE(c.name) {
      ClaimSpec spec;
      spec.month = "2024-06";
      if (!c.birth_date.empty()) spec.birth_date = c.birth_date;
      spec.extra = R"("mode":"as_claimed",)";
      spec.visits = "[" + c.visits + "]";
      const PricedClaim priced = price_spec(spec);
      CHECK(priced.total.value == c.total);
      const Diagnostic* d = find_diagnostic(priced, c.rule);
      REQUIRE(d != nullptr);
      CHECK(d->severity == Severity::warning);
      CHECK(d->codes == c.codes);
      if (!c.date.empty()) CHECK(d->date == day(c.date.c_str()));
      if (!c.field.empty()) CHECK(d->field == c.field);
      if (!c.message.empty()) CHECK(d->message.find(c.message) != std::string::npos);
    }
  }
}

TEST_CASE("mode automatic drops 乳幼児加算 stated for a 7-year-old: 291, and the 年齢 diagnostic is an error") {
  ClaimSpec spec;
  spec.month = "2024-06";
  spec.birth_date = "2017-01-01";
  spec.extra = R"("mode":"as_claimed",)";
  spec.visits = "[" + visit("2024-06-03", order("11", {"111000110", "111000370"})) + "]";
  PricingOptions automatic;
  automatic.mode = ClaimMode::automatic;
  const PricedClaim dropped = price_spec(spec, automatic);
  CHECK(dropped.total.value == 291);
  REQUIRE(find_diagnostic(dropped, "年齢") != nullptr);
  CHECK(find_diagnostic(dropped, "年齢")->severity == Severity::error);
}
