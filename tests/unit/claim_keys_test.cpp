// santei.claim/1 refuses every key it does not define (src/claim/keys.cpp), naming its path and the
// nearest defined key, so that a misspelt field cannot change a price without a word; the
// `extensions` object is the caller's own and comes back in the result untouched.
#include <doctest/doctest.h>

#include <string>

#include "error_of.hpp"
#include "pricing_support.hpp"
#include "santei/claim.hpp"

using namespace santei;

namespace {

// An outpatient claim: the one visit's orders, `patient` and `insurance` as given, `extra` top-level
// members (each followed by a comma).
std::string outpatient(const std::string& orders, const std::string& extra = "",
                       const std::string& patient = R"({"birth_date":"1980-01-01"})",
                       const std::string& insurance = R"({"kind":"employee"})") {
  return R"({"format":"santei.claim/1","month":"2024-06","setting":"outpatient",)"
         R"("facility":{"kind":"clinic","beds":0},"patient":)" +
         patient + R"(,"insurance":)" + insurance + "," + extra +
         R"("visits":[{"date":"2024-06-03","orders":[)" + orders + "]}]}";
}

// An inpatient claim priced from its admission, with `admission` members added.
std::string inpatient(const std::string& admission) {
  return R"({"format":"santei.claim/1","month":"2024-06","setting":"inpatient",)"
         R"("facility":{"kind":"hospital","beds":300,"standards":[3525]},"patient":{"birth_date":"1976-05-01"},)"
         R"("insurance":{"kind":"employee"},"admission":{"admitted":"2024-06-01","fee":"190117710")" +
         admission + R"(},"visits":[]})";
}

const std::string kFirstVisit = R"({"category":"11","items":[{"code":"111000110"}]})";

}  // namespace

TEST_CASE("issue 15's fuzz input: an inpatient claim with misspelt keys is refused at the first of them") {
  // Found by fuzzing claim_json (tests/fuzz/regressions/claim_json/inpatient_misspelt_keys.json):
  // before, bedsds, "", feesward, add)tions, away_da and serded were ignored without a word.
  const std::string json = R"({
    "format": "santei.claim/1", "id": "E19", "month": "2024-06", "setting": "inpatient",
    "facility": { "kind": "hospital", "bedsds": [7050, 3288, 642] },
    "patient": { "birth_date": "1976-05-01", "": "female" },
    "insurance": { "kind": "employee", "income_bracket": "ウ" },
    "admission": { "admitted": "2024-06-01", "feesward": "一般病棟", "fee": "190117710" },
    "visits": [] })";
  const ErrorInfo e = test::error_of([&] { (void)parse_claim(json); });
  CHECK(e.status == Status::claim_error);
  CHECK(e.field == "facility.bedsds");
  CHECK(e.message == "unknown field; did you mean beds?");
}

TEST_CASE("an unknown key anywhere in a claim is a claim error naming its path and the nearest defined key") {
  struct Case {
    std::string json;
    std::string field;
    const char* message;
  };
  const Case cases[] = {
      // The misspelling the issue tried by hand: it priced quantity 1 with no diagnostic.
      {outpatient(R"({"category":"21","days":7,"items":[{"code":"620000033","quantiy":"3"}]})"),
       "visits[0].orders[0].items[0].quantiy", "unknown field; did you mean quantity?"},
      {outpatient(R"({"catgeory":"11","items":[{"code":"111000110"}]})"), "visits[0].orders[0].catgeory",
       "unknown field; did you mean category?"},
      {outpatient(kFirstVisit, R"("vists":[],)"), "vists", "unknown field; did you mean visits?"},
      // A visit's, an order's and an item's keys are checked as they are read (known_members): at
      // any index, with a null value too.
      {outpatient(kFirstVisit + R"(,{"category":"21","days":7,"items":[{"code":"620000033"},{"code":"620000033","qty":null}]})"),
       "visits[0].orders[1].items[1].qty", "unknown field; expected one of code, quantity, unit_price, text"},
      {outpatient(kFirstVisit + R"(]},{"date":"2024-06-04","tme":"regular","orders":[)" + kFirstVisit), "visits[1].tme",
       "unknown field; did you mean time?"},
      {outpatient(R"({"category":"11","items":[{"code":"111000110"}],"burden ":"1"})"), R"(visits[0].orders[0]["burden "])",
       "unknown field; did you mean burden?"},
      {outpatient(kFirstVisit, R"("comment":"first visit",)"), "comment",
       "unknown field; expected one of format, id, mode, month, setting, facility, patient, insurance, public_expenses, "
       "visits, admission, extensions"},
      {outpatient(kFirstVisit, "", R"({"birth_date":"1980-01-01","":"female"})"), R"(patient[""])",
       "unknown field; expected one of birth_date, sex"},
      {outpatient(kFirstVisit, "", R"({"birth_date":"1980-01-01"})", R"({"kind":"employee","incom_bracket":"ウ"})"),
       "insurance.incom_bracket",
       "unknown field; did you mean income_bracket?"},
      {outpatient(kFirstVisit, R"("public_expenses":[{"law":"54"},{"law":"54","monthly_cap":5000}],)"),
       "public_expenses[1].monthly_cap", "unknown field; did you mean monthly_cap_yen?"},
      {inpatient(R"(,"add)tions":["190145710"])"), R"(admission["add)tions"])", "unknown field; did you mean additions?"},
      {inpatient(R"(,"feesward":"一般病棟")"), "admission.feesward",
       "unknown field; expected one of admitted, discharged, away_days, ward, bill_dates, fee, fees, additions, "
       "therapeutic_away_days, stays, meals, burden, dpc"},
      {inpatient(R"(,"additions":["190145710",{"code":"190120510","form":"2024-06-03"}])"), "admission.additions[1].form",
       "unknown field; did you mean from?"},
      {inpatient(R"(,"stays":[{"from":"2024-06-01","too":"2024-06-10"}])"), "admission.stays[0].too",
       "unknown field; did you mean to?"},
      {inpatient(R"(,"meals":{"code":"197000110","days":[{"from":"2024-06-30","serded":["breakfast"]}]})"),
       "admission.meals.days[0].serded", "unknown field; did you mean served?"},
      {inpatient(R"(,"meals":{"code":"197000110","dining":true,"days":[]})"), "admission.meals.dining",
       "unknown field; expected one of code, dining_room, days"},
      // A long key is named by its first 64 bytes.
      {outpatient(kFirstVisit, "\"" + std::string(100, 'x') + "\":1,"), "[\"" + std::string(64, 'x') + "…\"]",
       "unknown field; expected one of format, id, mode, month, setting, facility, patient, insurance, public_expenses, "
       "visits, admission, extensions"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    const ErrorInfo e = test::error_of([&] { (void)parse_claim(c.json); });
    CHECK(e.status == Status::claim_error);
    CHECK(e.field == c.field);
    CHECK(e.message == c.message);
  }
}

TEST_CASE("every key santei.claim/1 defines is accepted (the key table and the readers agree)") {
  // One outpatient claim with every outpatient, payer and visit key, and one inpatient claim with
  // every admission key (fee and fees exclude each other: fees here, fee above).
  const std::string all_outpatient =
      R"({"format":"santei.claim/1","id":"all-keys","mode":"automatic","month":"2024-06","setting":"outpatient",)"
      R"("facility":{"kind":"hospital","name":"santei clinic","beds":300,"general_beds":200,"standards":[3522]},)"
      R"("patient":{"birth_date":"1980-01-01","sex":"male"},)"
      R"("insurance":{"kind":"employee","rate":"0.3","income_bracket":"ウ","many_times":false,)"
      R"("special_disease_cap":10000,"meal_long_stay":false},)"
      R"("public_expenses":[{"law":"54","payer_number":"54136015","recipient_number":"1234567","rate":"0.2",)"
      R"("monthly_cap_yen":5000,"per_visit_yen":500,"per_day_yen":1000,"paid_this_month_yen":0,"max_charged_days":4,)"
      R"("cap_reached_on":"2024-06-03","paid_elsewhere":[{"date":"2024-06-01","yen":2500,"institution":"B"}],)"
      R"("rounding":"round10","income_bracket":"一般","income":"exempt","tier":"一般","long_term":false,"ventilator":false,"meals":"patient"}],)"
      R"("extensions":{"vendor":"x"},)"
      R"("visits":[{"date":"2024-06-03","time":"regular","orders":[{"category":"11","days":1,"count":1,"burden":"1",)"
      R"("items":[{"code":"111000110","quantity":"1","unit_price":"0","text":"t"}]}]}]})";
  const Claim out = parse_claim(all_outpatient);
  CHECK(out.public_expenses.at(0).max_charged_days == 4);
  CHECK(out.public_expenses.at(0).income == "exempt");
  CHECK(out.public_expenses.at(0).paid_elsewhere.at(0).yen == Yen{2500});  // 上限額管理 (docs/cap-ledger.md)
  CHECK(out.facility.name == "santei clinic");  // a local 公費 row chosen by income (docs/local-programmes.md)
  CHECK(out.visits.at(0).orders.at(0).items.at(0).text == "t");

  const std::string all_inpatient =
      R"({"format":"santei.claim/1","month":"2024-06","setting":"inpatient",)"
      R"("facility":{"kind":"hospital","beds":300,"standards":[3525]},"patient":{"birth_date":"1976-05-01"},)"
      R"("insurance":{"kind":"employee"},"admission":{"admitted":"2024-06-01","discharged":"2024-06-20",)"
      R"("away_days":["2024-06-08"],"ward":"一般病棟","bill_dates":["2024-06-10"],)"
      R"("fees":[{"from":"2024-06-01","code":"190117710"}],)"
      R"("additions":["190145710",{"code":"190120510","from":"2024-06-03","to":"2024-06-10"}],)"
      R"("therapeutic_away_days":[],"stays":[{"from":"2024-06-01","to":"2024-06-20"}],)"
      R"("meals":{"code":"197000110","dining_room":false,"days":[{"from":"2024-06-01","to":"2024-06-02",)"
      R"("served":["lunch"],"special":["lunch"]}]},"burden":"1"},"visits":[]})";
  const Claim in = parse_claim(all_inpatient);
  REQUIRE(in.admission);
  CHECK(in.admission->meals->days.at(0).special == kLunch);
  CHECK(in.admission->stays.size() == 1);
}

TEST_CASE("extensions: the caller's own object is carried through unread, into the result") {
  // Unknown keys inside extensions are the caller's business, numbers keep their exact text.
  const std::string json =
      outpatient(kFirstVisit, R"("extensions": { "vendor": { "quantiy": 3, "price": 0.10 }, "note": "受付 12" },)");
  const Claim claim = parse_claim(json);
  CHECK(claim.extensions == R"({"vendor":{"quantiy":3,"price":0.10},"note":"受付 12"})");
  const PricedClaim priced = price(claim, test::real_library());
  CHECK(priced.total == Points{291});  // 初診料 (r06 A000: 291点); the extensions change nothing
  const std::string result = result_json(priced, test::real_library());
  CHECK(result.find(R"("extensions":{"vendor":{"quantiy":3,"price":0.10},"note":"受付 12"})") != std::string::npos);

  const ErrorInfo e = test::error_of([&] { (void)parse_claim(outpatient(kFirstVisit, R"("extensions":"x",)")); });
  CHECK(e.field == "extensions");
  CHECK(e.message == "must be an object, not a string");
}
