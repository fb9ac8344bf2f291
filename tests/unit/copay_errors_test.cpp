// Bad inputs give a named santei::Exception, never a silent default.
#include <doctest/doctest.h>

#include <functional>
#include <optional>

#include "copay/compute.hpp"
#include "copay_support.hpp"
#include "error_of.hpp"

using namespace santei;
using namespace santei::test::copay;

namespace {

// Runs `f`, expects an Exception with `status` whose field is `field` and whose message contains `text`.
void expect_error(const std::function<void()>& f, Status status, const std::string& field, const std::string& text) {
  const ErrorInfo e = test::error_of(f);
  const std::string what = e.to_string();
  CAPTURE(what);
  CHECK(e.status == status);
  CHECK(e.field == field);
  CHECK(e.message.find(text) != std::string::npos);
}

void expect_claim_error(Claim c, std::vector<PricedLine> lines, const std::string& field, const std::string& text) {
  expect_error([&] { (void)compute_copay(c, priced(lines)); }, Status::claim_error, field, text);
}

Claim with(std::vector<PublicExpense> payers, Claim c = outpatient("2026-03", k40, InsuranceKind::employee, "ウ")) {
  c.public_expenses = std::move(payers);
  return c;
}

const std::vector<PricedLine> kVisit = {care("2026-03-05", 1000)};

}  // namespace

TEST_CASE("unknown 法別番号: '70' is neither a programme nor a 地方単独 range; '06' is an insurer's") {
  expect_claim_error(with({kouhi("70")}), kVisit, "public_expenses[0].law", "'70' is not a 法別番号 santei knows");
  expect_claim_error(with({kouhi("06")}), kVisit, "public_expenses[0].law", "insurer's 法別番号");
}

TEST_CASE("公費 out of priority order or given twice") {
  expect_claim_error(with({kouhi("12"), kouhi("54", 5000)}), kVisit, "public_expenses[1].law", "comes before 12");
  expect_claim_error(with({kouhi("54", 5000), kouhi("54", 5000)}), kVisit, "public_expenses[1].law", "given twice");
  PublicExpense local = kouhi("88");
  local.rate = Decimal(0);
  expect_claim_error(with({local, kouhi("12")}), kVisit, "public_expenses[1].law", "comes before 88");
}

TEST_CASE("a 公費 without its required parameter") {
  expect_claim_error(with({kouhi("54")}), kVisit, "public_expenses[0].monthly_cap_yen", "needs monthly_cap_yen or tier");
  expect_claim_error(with({kouhi("24")}), kVisit, "public_expenses[0].monthly_cap_yen", "needs monthly_cap_yen");
  // A 地方単独 公費 without parameters is not an error: its share needs them (local_programmes_test).
  PublicExpense t = kouhi("54");
  t.tier = "中間所得";
  expect_claim_error(with({t}), kVisit, "public_expenses[0].tier", "'中間所得' is not a tier of 法別 54");
  t = kouhi("15");
  t.tier = "一定所得以上";
  expect_claim_error(with({t}), kVisit, "public_expenses[0].tier", "not eligible");
  t.ventilator = true;
  expect_claim_error(with({t}), kVisit, "public_expenses[0].ventilator", "has no 人工呼吸器等装着者 cap");
}

TEST_CASE("parameters a programme does not take are errors, not ignored") {
  PublicExpense e = kouhi("54", 5000);
  e.per_day = Yen{500};
  expect_claim_error(with({e}), kVisit, "public_expenses[0].per_day_yen", "no per-visit amount");
  expect_claim_error(with({kouhi("10", 1000)}), kVisit, "public_expenses[0].monthly_cap_yen", "has no monthly cap");
  e = kouhi("12");
  e.rate = *Decimal::parse("0.1");
  expect_claim_error(with({e}), kVisit, "public_expenses[0].rate", "has no share rate");
  e = kouhi("88");
  e.max_charged_days = 2;
  e.rate = Decimal(0);
  expect_claim_error(with({e}), kVisit, "public_expenses[0].max_charged_days", "per-visit or per-day");
}

TEST_CASE("missing income bracket where a cap needs it") {
  // 70+ 難病: the 54 group's limit is the patient's own 区分.
  expect_claim_error(with({kouhi("54", 10000)}, inpatient("2026-03", "1954-01-10", InsuranceKind::national)),
                     {care("2026-03-05", 1000)}, "insurance.income_bracket", "needs insurance.rate or insurance.income_bracket");
  Claim rated = inpatient("2026-03", "1954-01-10", InsuranceKind::national);
  rated.insurance.rate = *Decimal::parse("0.2");
  expect_claim_error(with({kouhi("54", 10000)}, rated), {care("2026-03-05", 1000)}, "public_expenses[0].income_bracket",
                     "needs the patient's 高額療養費 区分");
  // 自立支援 中間所得: the cap is the 高額療養費 limit of the patient's 区分.
  PublicExpense t = kouhi("15");
  t.tier = "中間所得1";
  expect_claim_error(with({t}, outpatient("2026-03", k40)), kVisit, "public_expenses[0].income_bracket", "needs the patient's 区分");
}

TEST_CASE("rate outside 0–1 and 区分 of the wrong age bracket") {
  Claim c = outpatient("2026-03", k40);
  c.insurance.rate = *Decimal::parse("1.5");
  expect_claim_error(c, kVisit, "insurance.rate", "1.5 is outside 0–1");
  expect_claim_error(outpatient("2026-03", k40, InsuranceKind::employee, "一般"), kVisit, "insurance.income_bracket",
                     "'一般' is not a 70歳未満 区分");
  expect_claim_error(outpatient("2026-03", "1954-01-10", InsuranceKind::national, "ウ"), kVisit, "insurance.income_bracket",
                     "'ウ' is not a 区分 of 70歳以上");
}

TEST_CASE("負担区分 codes the claim cannot have") {
  expect_claim_error(with({kouhi("54", 5000)}), {care("2026-03-05", 100, '3')}, "lines[0].burden", "names a payer the claim does not have");
  expect_claim_error(with({}), {care("2026-03-05", 100, '8')}, "lines[0].burden", "is not a 負担区分");
  expect_claim_error(with({kouhi("12")}, outpatient("2026-03", k40, InsuranceKind::none)), {care("2026-03-05", 100, '1')},
                     "lines[0].burden", "公費単独");
}

TEST_CASE("lines the copayment cannot take: none, outside the month, meals on an outpatient claim") {
  expect_claim_error(outpatient("2026-03", k40), {}, "lines", "without lines");
  expect_claim_error(outpatient("2026-03", k40), {care("2026-04-01", 100)}, "lines[0].date", "outside the service month");
  expect_claim_error(outpatient("2026-03", k40), {meal("2026-03-05", 690, 3)}, "lines[0].category", "inpatient");
  expect_claim_error(outpatient("2026-03", k40, InsuranceKind::none), kVisit, "public_expenses", "公費単独");
  expect_claim_error(outpatient("2026-03", k40), {care("2026-03-05", -100)}, "lines", "negative cost");
  Claim bills = inpatient("2026-03", k40);
  bills.admission->bill_dates = {day("2026-04-02")};
  expect_claim_error(bills, kVisit, "admission.bill_dates[0]", "outside the service month");
}

TEST_CASE("parse_claim: 公費 fields are checked with their JSON path") {
  const auto claim_with = [](const std::string& expense) {
    return R"({"format":"santei.claim/1","month":"2026-03","setting":"outpatient","facility":{"kind":"clinic"},)"
           R"("patient":{"birth_date":"1986-01-01"},"insurance":{"kind":"employee"},"public_expenses":[)" +
           expense + R"(],"visits":[{"date":"2026-03-05","orders":[]}]})";
  };
  expect_error([&] { (void)parse_claim(claim_with(R"({"law":"54","rate":"1.5"})")); }, Status::claim_error,
               "public_expenses[0].rate", "outside 0–1");
  expect_error([&] { (void)parse_claim(claim_with(R"({"law":"88","meals":"sometimes"})")); }, Status::claim_error,
               "public_expenses[0].meals", "not one of patient, half, covered");
  expect_error([&] { (void)parse_claim(claim_with(R"({"law":"54","long_term":"yes"})")); }, Status::claim_error,
               "public_expenses[0].long_term", "");
  const Claim c = parse_claim(claim_with(R"({"law":"54","tier":"一般所得Ⅰ","long_term":true,"ventilator":false,"income_bracket":"ウ"})"));
  CHECK(c.public_expenses[0].tier == "一般所得Ⅰ");
  CHECK(c.public_expenses[0].long_term);
  CHECK(c.public_expenses[0].bracket == "ウ");
}

TEST_CASE("a 70–74 patient with neither rate nor bracket: copay::compute says why without a throw (a UKE check meets "
          "it in two receipts of five), compute_copay throws the same claim_error, other bad inputs still throw") {
  const Claim c = inpatient("2026-03", "1954-01-10", InsuranceKind::national);
  const PricedClaim p = priced({care("2026-03-05", 1000)});
  CopayResult into;
  std::optional<ErrorInfo> undecided;
  CHECK_NOTHROW(undecided = copay::compute(c, p, {}, into));
  REQUIRE(undecided);
  CHECK(undecided->status == Status::claim_error);
  CHECK(undecided->field == "insurance.income_bracket");
  CHECK(undecided->message == "a patient of 70 to 74 needs insurance.rate or insurance.income_bracket to fix the 負担割合");
  CHECK(test::error_of([&] { (void)compute_copay(c, p); }).to_string() == undecided->to_string());

  Claim rated = c;
  rated.insurance.rate = *Decimal::parse("1.5");
  CHECK(test::error_of([&] { (void)copay::compute(rated, p, {}, into); }).message == "1.5 is outside 0–1");
}
