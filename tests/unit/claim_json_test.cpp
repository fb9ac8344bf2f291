// santei.claim/1 reading: required fields, exact quantities, errors that name the field.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <variant>

#include "santei/claim.hpp"
#include "error_of.hpp"
#include "santei/result.hpp"
#include "support.hpp"

using namespace santei;

namespace {

std::string claim_with(const std::string& visits, const std::string& extra = "") {
  return R"({"format":"santei.claim/1","month":"2024-07","setting":"outpatient",)"
         R"("facility":{"kind":"clinic","beds":0,"standards":[3522]},)"
         R"("patient":{"birth_date":"1985-04-10","sex":"female"},)"
         R"("insurance":{"kind":"employee","rate":null,"income_bracket":"ウ","many_times":false},)" +
         extra + R"("visits":)" + visits + "}";
}

// The error parsing `json` gives (error_of.hpp's, with the claim shown when there is none).
ErrorInfo error_of(const std::string& json) {
  INFO(json);
  return test::error_of([&] { parse_claim(json); });
}

}  // namespace

TEST_CASE("the contract's example claim reads with exact quantities") {
  const Claim claim = parse_claim(claim_with(
      R"([{"date":"2024-07-03","time":"regular","orders":[)"
      R"({"category":"11","items":[{"code":"111000110"}]},)"
      R"({"category":"21","days":14,"items":[{"code":"620000033","quantity":"3"}]},)"
      R"({"category":"60","items":[{"code":"160000410","quantity":0.5}]}]}])",
      R"("public_expenses":[{"law":"54","monthly_cap_yen":5000,"rate":"0.2"}],)"));
  CHECK(claim.month.iso() == "2024-07");
  CHECK(claim.facility.has_standard(3522));
  CHECK(claim.patient.sex == Sex::female);
  CHECK(claim.insurance.income_bracket == "ウ");
  REQUIRE(claim.public_expenses.size() == 1);
  CHECK(claim.public_expenses[0].law == "54");
  CHECK(claim.public_expenses[0].monthly_cap == Yen{5000});
  CHECK(claim.public_expenses[0].rate == *Decimal::parse("0.2"));
  REQUIRE(claim.visits.size() == 1);
  const Visit& visit = claim.visits[0];
  CHECK(visit.date.iso() == "2024-07-03");
  REQUIRE(visit.orders.size() == 3);
  CHECK(visit.orders[0].category == 11);
  CHECK(visit.orders[1].days == 14);
  CHECK(visit.orders[1].items[0].quantity == Decimal(3));
  CHECK(visit.orders[2].items[0].quantity->to_string() == "0.5");  // a JSON number, read exactly
}

TEST_CASE("claim errors name the field") {
  struct Case {
    std::string json;
    std::string field;
    Status status;
  };
  const std::string one = R"({"category":"11","items":[{"code":"111000110"}]})";
  const Case cases[] = {
      {claim_with(R"([{"date":"2024-08-01","orders":[)" + one + "]}]"), "visits[0].date", Status::claim_error},
      {claim_with(R"([{"date":"2024-06-30","orders":[)" + one + "]}]"), "visits[0].date", Status::claim_error},
      {claim_with(R"([{"date":"2024-02-30","orders":[)" + one + "]}]"), "visits[0].date", Status::claim_error},
      {claim_with(R"([{"date":"2024-07-01","orders":[{"category":"11","items":[{"code":"111000110","quantity":"-1"}]}]}])"),
       "visits[0].orders[0].items[0].quantity", Status::claim_error},
      {claim_with(R"([{"date":"2024-07-01","orders":[{"category":"11","items":[{"code":"111000110","quantity":"abc"}]}]}])"),
       "visits[0].orders[0].items[0].quantity", Status::claim_error},
      {claim_with(R"([{"date":"2024-07-01","orders":[{"category":"11","items":[{"code":"11100011"}]}]}])"),
       "visits[0].orders[0].items[0].code", Status::claim_error},
      {claim_with(R"([{"date":"2024-07-01","orders":[{"category":"19","items":[{"code":"111000110"}]}]}])"),
       "visits[0].orders[0].category", Status::claim_error},
      {claim_with(R"([{"date":"2024-07-01"}])"), "visits[0].orders", Status::claim_error},
      {claim_with("[]"), "visits", Status::claim_error},
      {claim_with(R"([{"date":"2024-07-01","time":"noon","orders":[]}])"), "visits[0].time", Status::claim_error},
      {claim_with(R"([{"date":"2024-07-01","orders":[)" + one + "]}]", R"("public_expenses":[{"law":"80","income":"low"}],)"), "public_expenses[0].income", Status::claim_error},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    const ErrorInfo error = error_of(c.json);
    CHECK(error.field == c.field);
    CHECK(error.status == c.status);
  }
  CHECK(error_of(R"({"format":"santei.claim/2"})").field == "format");
  CHECK(error_of(R"({"format":"santei.claim/1","month":"2024-13"})").field == "month");
}

TEST_CASE("malformed JSON, duplicate keys and deep nesting are errors with a position") {
  const ErrorInfo syntax = error_of("{\"format\":\n \"santei.claim/1\",,}");
  CHECK(syntax.status == Status::parse_error);
  CHECK(syntax.line == 2);
  CHECK(error_of(R"({"format":"santei.claim/1","format":"x"})").message.find("duplicate key") != std::string::npos);
  const ErrorInfo deep = error_of(std::string(100, '[') + std::string(100, ']'));
  CHECK(deep.status == Status::limit_exceeded);
}

// An item's fields are read in one pass over its members (claim_json.cpp, read_item): in any order,
// null as absent, a missing or null code named as missing.
TEST_CASE("an item's fields read in any order; a null field is absent; a missing or null code is a missing field") {
  const auto item_of = [](const std::string& item) {
    const Claim claim = parse_claim(claim_with(R"([{"date":"2024-07-01","orders":[{"category":"21","days":3,"items":[)" +
                                               item + "]}]}]"));
    return claim.visits.at(0).orders.at(0).items.at(0);
  };
  for (const std::string& item : {std::string(R"({"code":"620000001","quantity":"1.5","unit_price":"10.1","text":"t"})"),
                                  std::string(R"({"text":"t","unit_price":"10.1","quantity":"1.5","code":"620000001"})"),
                                  std::string(R"({"quantity":"1.5","text":"t","code":"620000001","unit_price":"10.1"})")}) {
    CAPTURE(item);
    const ClaimItem read = item_of(item);
    CHECK(read.code == 620000001u);
    REQUIRE(read.quantity);
    CHECK(*read.quantity == *Decimal::parse("1.5"));
    REQUIRE(read.unit_price);
    CHECK(*read.unit_price == *Decimal::parse("10.1"));
    CHECK(read.text == "t");
  }
  const ClaimItem nulls = item_of(R"({"quantity":null,"code":"620000001","unit_price":null,"text":null})");
  CHECK(nulls.code == 620000001u);
  CHECK_FALSE(nulls.quantity);
  CHECK_FALSE(nulls.unit_price);
  CHECK(nulls.text.empty());
  for (const std::string& item : {std::string(R"({"quantity":"1"})"), std::string(R"({"code":null,"quantity":"1"})")}) {
    CAPTURE(item);
    const ErrorInfo error = error_of(claim_with(R"([{"date":"2024-07-01","orders":[{"category":"21","items":[)" + item + "]}]}]"));
    CHECK(error.field == "visits[0].orders[0].items[0].code");
    CHECK(error.message == "missing required field");
  }
  for (const std::string& code : {"62000000x", "6200000010", "62000000", "-62000000", "6200000.1"}) {
    CAPTURE(code);
    const ErrorInfo error = error_of(claim_with(R"([{"date":"2024-07-01","orders":[{"category":"21","items":[{"code":")" + code + R"("}]}]}])"));
    CHECK(error.field == "visits[0].orders[0].items[0].code");
    CHECK(error.message == "'" + code + "' is not a 9-digit master code");
  }
  // Nine bytes, one a control character: named as such (text()), not as a code of other digits.
  const ErrorInfo control = error_of(claim_with(R"([{"date":"2024-07-01","orders":[{"category":"21","items":[{"code":"62000000\u0001"}]}]}])"));
  CHECK(control.field == "visits[0].orders[0].items[0].code");
  CHECK(control.message == "control character U+0001 at byte 8 of the text");
  CHECK(item_of(R"({"code":620000001})").code == 620000001u);  // a JSON number of nine digits
  CHECK(error_of(claim_with(R"([{"date":"2024-07-01","orders":[{"category":"21","items":[{"code":true}]}]}])")).message ==
        "must be a string, not a boolean");
}

// Orders, visits and the claim's top level are read in one pass over their members too (claim::members):
// in any order, null as absent, a missing or null required field named as missing.
TEST_CASE("an order's, a visit's and the claim's fields read in any order; null is absent; missing or null required fields are named") {
  const std::string item = R"({"code":"620000001","quantity":"2"})";
  for (const std::string& order : {R"({"category":"21","days":3,"count":2,"burden":"1","items":[)" + item + "]}",
                                   R"({"items":[)" + item + R"(],"burden":"1","count":2,"days":3,"category":"21"})",
                                   R"({"count":2,"items":[)" + item + R"(],"category":"21","burden":"1","days":3})"}) {
    for (const std::string& visit : {R"({"date":"2024-07-02","time":"holiday","orders":[)" + order + "]}",
                                     R"({"orders":[)" + order + R"(],"time":"holiday","date":"2024-07-02"})"}) {
      CAPTURE(visit);
      const Claim claim = parse_claim(claim_with("[" + visit + "]", R"("id":"c-1","mode":"as_claimed",)"));
      CHECK(claim.id == "c-1");
      CHECK(claim.mode == ClaimMode::as_claimed);
      REQUIRE(claim.visits.size() == 1);
      CHECK(claim.visits[0].date == Date::from_ymd(2024, 7, 2));
      CHECK(claim.visits[0].time == VisitTime::holiday);
      REQUIRE(claim.visits[0].orders.size() == 1);
      const Order& read = claim.visits[0].orders[0];
      CHECK(read.category == 21);
      CHECK(read.days == 3);
      CHECK(read.count == 2);
      CHECK(read.burden == '1');
      REQUIRE(read.items.size() == 1);
      CHECK(read.items[0].code == 620000001u);
    }
  }
  // null is absent: the defaults of an order (1 day, once, no 負担区分), a visit (regular time) and a claim (no id).
  const Claim nulls = parse_claim(claim_with(
      R"([{"time":null,"date":"2024-07-02","orders":[{"days":null,"count":null,"burden":null,"category":"21","items":[)" + item + "]}]}]",
      R"("id":null,"mode":null,"public_expenses":null,"extensions":null,"admission":null,)"));
  CHECK(nulls.id.empty());
  CHECK(nulls.mode == ClaimMode::automatic);
  CHECK(nulls.public_expenses.empty());
  CHECK(nulls.extensions.empty());
  CHECK_FALSE(nulls.admission);
  CHECK(nulls.visits.at(0).time == VisitTime::regular);
  const Order& defaults = nulls.visits.at(0).orders.at(0);
  CHECK(defaults.days == 1);
  CHECK(defaults.count == 1);
  CHECK(defaults.burden == 0);
  struct Missing {
    std::string visits;
    const char* field;
  };
  const Missing missing[] = {
      {R"([{"date":"2024-07-02","orders":[{"items":[)" + item + "]}]}]", "visits[0].orders[0].category"},
      {R"([{"date":"2024-07-02","orders":[{"category":null,"items":[)" + item + "]}]}]", "visits[0].orders[0].category"},
      {R"([{"date":"2024-07-02","orders":[{"category":"21"}]}])", "visits[0].orders[0].items"},
      {R"([{"date":"2024-07-02","orders":[{"category":"21","items":null}]}])", "visits[0].orders[0].items"},
      {R"([{"orders":[]}])", "visits[0].date"},
      {R"([{"date":null,"orders":[]}])", "visits[0].date"},
      {R"([{"date":"2024-07-02"}])", "visits[0].orders"},
      {R"([{"date":"2024-07-02","orders":null}])", "visits[0].orders"},
      {"null", "visits"},
  };
  for (const Missing& m : missing) {
    CAPTURE(m.visits);
    const ErrorInfo error = error_of(claim_with(m.visits));
    CHECK(error.field == m.field);
    CHECK(error.message == "missing required field");
  }
  const ErrorInfo no_month = error_of(R"({"format":"santei.claim/1","month":null,"setting":"outpatient"})");
  CHECK(no_month.field == "month");
  CHECK(no_month.message == "missing required field");
  const ErrorInfo no_format = error_of(R"({"month":"2024-07"})");
  CHECK(no_format.field == "format");
  CHECK(no_format.message == "missing required field");
}

// claim_json.cpp, nine_digits: the first eight bytes of a code are checked and read as one word.
TEST_CASE("a code is nine ASCII digits: every other byte at each of its nine places is refused, each digit read where it stands") {
  const auto code_of = [](const std::string& code) -> std::variant<Code, std::string> {
    try {
      const Claim claim =
          parse_claim(claim_with(R"([{"date":"2024-07-01","orders":[{"category":"21","items":[{"code":")" + code + R"("}]}]}])"));
      return claim.visits[0].orders[0].items[0].code;
    } catch (const santei::Exception& e) {
      return e.info().message;
    }
  };
  const std::string base = "620000001";
  for (std::size_t at = 0; at < base.size(); ++at) {
    for (int c = 0x20; c < 0x7F; ++c) {
      if (c == '"' || c == '\\') continue;
      std::string code = base;
      code[at] = static_cast<char>(c);
      CAPTURE(code);
      if (c >= '0' && c <= '9') {
        Code expected = 0;
        for (const char digit : code) expected = expected * 10 + static_cast<Code>(digit - '0');
        CHECK(std::get<Code>(code_of(code)) == expected);
      } else {
        CHECK(std::get<std::string>(code_of(code)) == "'" + code + "' is not a 9-digit master code");
      }
    }
    // Bytes past 0x7F: a two-byte character (é) or a three-byte one (０, a full-width zero) in
    // nine bytes in all.
    for (const std::string wide : {"\u00e9", "\uff10"}) {
      if (at + wide.size() > base.size()) continue;
      const std::string code = base.substr(0, at) + wide + base.substr(at + wide.size());
      CAPTURE(code);
      CHECK(std::get<std::string>(code_of(code)) == "'" + code + "' is not a 9-digit master code");
    }
  }
  CHECK(std::get<Code>(code_of("999999999")) == 999999999u);
  CHECK(std::get<Code>(code_of("000000000")) == 0u);
}

namespace {

// What a claim holds that reading into a used one could leave behind: every field of its visits,
// orders and items (whose vectors are reused), and its other members (made afresh).
std::string dump(const Claim& claim) {
  std::string out = claim.id + "|" + to_string(claim.mode) + "|" + claim.month.iso() + "|" +
                    std::to_string(static_cast<int>(claim.setting)) + "|" + std::to_string(claim.facility.beds) + "|" +
                    std::to_string(claim.facility.standards.size()) + "|" + claim.patient.birth_date.iso() + "|" +
                    std::to_string(static_cast<int>(claim.insurance.kind)) + "|" + std::to_string(claim.public_expenses.size()) +
                    "|" + (claim.admission ? claim.admission->admitted.iso() : "-") + "|" + claim.extensions + "\n";
  for (const Visit& visit : claim.visits) {
    out += visit.date.iso() + " time " + std::to_string(static_cast<int>(visit.time)) + "\n";
    for (const Order& order : visit.orders) {
      out += "  " + category_text(order.category) + " days " + std::to_string(order.days) + " count " +
             std::to_string(order.count) + " burden " + std::to_string(static_cast<int>(order.burden)) + "\n";
      for (const ClaimItem& item : order.items) {
        out += "    " + std::to_string(item.code) + " q " + (item.quantity ? item.quantity->to_string() : "-") + " p " +
               (item.unit_price ? item.unit_price->to_string() : "-") + " t " + item.text + "\n";
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a claim read into a used one is the claim read afresh: nothing of the earlier claim is left") {
  std::vector<std::string> texts;
  // Every field of visits, orders and items set, two visits of several orders…
  texts.push_back(claim_with(
      R"([{"date":"2024-07-01","time":"after_hours","orders":[{"category":"21","days":14,"count":2,"burden":"1","items":[)"
      R"({"code":"620000001","quantity":"2.5","unit_price":"10.1","text":"a comment"},{"code":"620000002"}]},)"
      R"({"category":"80","items":[{"code":"820100001","text":"x"}]}]},)"
      R"({"date":"2024-07-02","orders":[{"category":"12","items":[{"code":"112007410"}]}]}])",
      R"("id":"first","mode":"as_claimed","extensions":{"k":1},)"));
  // …then one visit of one bare item, then a claim refused part-way, then three visits.
  texts.push_back(claim_with(R"([{"date":"2024-07-03","orders":[{"category":"12","items":[{"code":"112007410"}]}]}])"));
  texts.push_back(claim_with(R"([{"date":"2024-07-04","orders":[{"category":"12","items":[{"code":"112007410"}]},)"
                             R"({"category":"21","items":[{"code":"6200"}]}]}])"));
  texts.push_back(claim_with(R"([{"date":"2024-07-05","orders":[{"category":"13","items":[{"code":"113001810"}]}]},)"
                             R"({"date":"2024-07-06","orders":[{"category":"12","items":[{"code":"112007410","quantity":"1"}]}]},)"
                             R"({"date":"2024-07-07","orders":[{"category":"12","items":[{"code":"112007410"}]}]}])"));
  for (const auto& entry : std::filesystem::directory_iterator(SANTEI_SOURCE_DIR "/examples/claims")) {
    texts.push_back(test::file_bytes(entry.path()));
  }
  texts.push_back(texts.front());
  Claim reused;
  for (const std::string& text : texts) {
    CAPTURE(text);
    std::string fresh;
    try {
      fresh = dump(parse_claim(text));
    } catch (const santei::Exception& e) {
      fresh = e.what();
    }
    std::string again;
    try {
      parse_claim(text, reused);
      again = dump(reused);
    } catch (const santei::Exception& e) {
      again = e.what();
    }
    CHECK(again == fresh);
  }
}
