// Bad claim JSON (tests/bad/claims, one file per error class, each the outpatient example with one
// defect): parse_claim fails with santei::Exception naming the status, the line and column of a
// JSON error or the field path of a claim error; none crashes. Huge inputs are made at test time.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "big_input.hpp"
#include "error_of.hpp"
#include "santei/claim.hpp"
#include "support.hpp"

using namespace santei;
namespace fs = std::filesystem;

namespace {

ErrorInfo claim_error(std::string_view json) {
  return test::error_of([&] { (void)parse_claim(json); });
}

struct Case {
  const char* file;
  Status status;
  std::int64_t line;  // of a JSON error; 0 for a claim error (the field names the place)
  int column;
  const char* field;
  const char* message;  // the whole message, or its beginning when it ends with "…"
};

void check(const ErrorInfo& e, const Case& c) {
  CHECK(e.status == c.status);
  CHECK(e.line == c.line);
  CHECK(e.column == c.column);
  CHECK(e.field == c.field);
  test::check_message(e.message, c.message);
}

}  // namespace

TEST_CASE("bad claims (tests/bad/claims): each fails with its exact status, position or field; none is left untested") {
  const std::vector<Case> cases = {
      {"truncated.json", Status::parse_error, 15, 29, "", "the input ends inside an object or array"},
      {"not_utf8.json", Status::encoding_error, 3, 10, "", "not valid UTF-8 at byte 41 (0x8e)"},
      {"missing_field.json", Status::claim_error, 0, 0, "patient", "missing required field"},
      {"wrong_type.json", Status::claim_error, 0, 0, "facility.standards", "must be an array, not an object"},
      {"not_an_object.json", Status::claim_error, 0, 0, "(claim)", "must be an object, not an array"},
      {"overflowing_count.json", Status::claim_error, 0, 0, "visits[0].orders[0].count",
       "99999999999999999999 is outside 1..999"},
      {"overflowing_quantity.json", Status::claim_error, 0, 0, "visits[0].orders[2].items[0].quantity",
       "'1234567890123456789.5' is not a plain decimal (digits, optional point, at most 12 decimals and 18 significant "
       "digits, no exponent)"},
      {"overflowing_yen.json", Status::claim_error, 0, 0, "insurance.special_disease_cap", "'1e30' is not a whole number"},
      {"impossible_day.json", Status::claim_error, 0, 0, "visits[0].date", "'2024-02-30' is not a calendar day (YYYY-MM-DD)"},
      {"duplicate_key.json", Status::parse_error, 6, 14, "", "duplicate key \"setting\""},
      {"deeply_nested.json", Status::limit_exceeded, 20, 96, "", "nested deeper than 32 levels"},
      {"embedded_nul.json", Status::parse_error, 3, 17, "", "control character U+0000 in a string must be escaped"},
      {"escaped_nul.json", Status::claim_error, 0, 0, "visits[0].orders[4].items[0].text",
       "control character U+0000 at byte 3 of the text"},
      {"empty.json", Status::parse_error, 1, 1, "", "no JSON value: the input is empty"},
  };
  const fs::path dir = test::test_data() / "bad" / "claims";
  std::set<std::string> tested;
  for (const Case& c : cases) {
    CAPTURE(c.file);
    std::ifstream in(dir / c.file, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    check(claim_error(text.str()), c);
    tested.insert(c.file);
  }
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(dir)) present.insert(entry.path().filename().string());
  CHECK(tested == present);
}

TEST_CASE("a claim over kMaxClaimBytes (16 MiB + 1, made at test time) is refused before it is parsed") {
  std::string json = R"({"format":"santei.claim/1","id":")";
  json += std::string(kMaxClaimBytes + 1 - json.size() - 2, 'a') + "\"}";
  REQUIRE(json.size() == kMaxClaimBytes + 1);
  check(claim_error(json), {"", Status::limit_exceeded, 0, 0, "",
                            "a claim of 16777217 bytes is over the 16777216-byte limit"});
}

TEST_CASE("a 1 GiB claim (an untouched mapping: one line of NULs) is refused by its size, never read") {
  const test::UntouchedBytes gigabyte(std::size_t{1} << 30);
  check(claim_error(gigabyte.view()), {"", Status::limit_exceeded, 0, 0, "",
                                       "a claim of 1073741824 bytes is over the 16777216-byte limit"});
}

namespace {

// The outpatient claim of one order whose category is `category` (JSON text).
std::string claim_with_category(const std::string& category) {
  return R"({"format":"santei.claim/1","id":"c","month":"2024-06","setting":"outpatient","facility":{"kind":"clinic"},)"
         R"("patient":{"birth_date":"1980-01-01","sex":"male"},"insurance":{"kind":"employee"},"visits":[{"date":)"
         R"("2024-06-03","orders":[{"category":)" +
         category + R"(,"items":[{"code":"111000110"}]}]}]})";
}

}  // namespace

// 記録条件仕様 別表20 (診療識別): 01 全体, 11 初診, 12 再診, 13 医学管理, 14 在宅, 21 内服, 22 屯服,
// 23 外用, 24 調剤, 25 処方, 26 麻毒, 27 調基, 28 注射 (投薬), 31 皮下筋肉内, 32 静脈内, 33 その他の
// 注射, 39 薬剤料減点, 40 処置, 50 手術, 54 麻酔, 60 検査・病理, 70 画像診断, 80 その他, 90 入院基本料,
// 92 特定入院料・その他, 97 食事・生活療養.
TEST_CASE("an order's category: each of 00–99 as two digits, in a string or as a number, is read if 別表20 has it and "
          "refused naming it otherwise; other spellings are refused") {
  const std::set<int> table20 = {1,  11, 12, 13, 14, 21, 22, 23, 24, 25, 26, 27, 28,
                                 31, 32, 33, 39, 40, 50, 54, 60, 70, 80, 90, 92, 97};
  const std::string field = "visits[0].orders[0].category";
  for (int n = 0; n < 100; ++n) {
    CAPTURE(n);
    for (const std::string& spelled : {fmt::format("\"{:02}\"", n), std::to_string(n)}) {
      CAPTURE(spelled);
      if (table20.count(n) != 0) {
        CHECK(parse_claim(claim_with_category(spelled)).visits[0].orders[0].category == n);
      } else {
        check(claim_error(claim_with_category(spelled)),
              {"", Status::claim_error, 0, 0, field.c_str(), fmt::format("{:02} is not a 診療識別 of the 記録条件仕様 (別表20)", n).c_str()});
      }
    }
  }
  check(claim_error(claim_with_category("\"1\"")), {"", Status::claim_error, 0, 0, field.c_str(), "'1' is not a two-digit 診療識別"});
  check(claim_error(claim_with_category("\"012\"")), {"", Status::claim_error, 0, 0, field.c_str(), "'012' is not a two-digit 診療識別"});
  check(claim_error(claim_with_category("\"1a\"")), {"", Status::claim_error, 0, 0, field.c_str(), "'1a' is not a whole number"});
  check(claim_error(claim_with_category("\" 1\"")), {"", Status::claim_error, 0, 0, field.c_str(), "' 1' is not a whole number"});
  check(claim_error(claim_with_category("\"-1\"")), {"", Status::claim_error, 0, 0, field.c_str(), "-1 is outside 0..99"});
  check(claim_error(claim_with_category("true")), {"", Status::claim_error, 0, 0, field.c_str(), "must be a whole number, not a boolean"});
}
