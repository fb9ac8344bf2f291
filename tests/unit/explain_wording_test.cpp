// Each explanation step's wording (src/output/explain.cpp), kind by kind, for the kinds and forms
// the generated claims of the byte-identity runs do not reach (多剤投与, 物価対応料, 酸素, 点数識別 8
// and 1, a percentage alone, one day): every piece as santei.result/1 has written it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "big_input.hpp"
#include "output/explain.hpp"
#include "output/json_writer.hpp"
#include "santei/pricing.hpp"
#include "support.hpp"

using namespace santei;
using santei::test::r06;

namespace {

const Date kOn = Date::from_ymd(2024, 7, 1);

std::string wording(ExplainKind kind, Code code, Decimal value, Decimal base, Decimal result, std::int32_t number) {
  return explain_text(ExplainStep{kind, code, value, base, result, number}, r06(), kOn);
}

Decimal exact(const char* text) { return *Decimal::parse(text); }

}  // namespace

TEST_CASE("explanation steps' wording: the kinds generated claims do not reach, on the r06 masters") {
  REQUIRE(r06().procedure(111000110, kOn) != nullptr);
  CHECK(r06().procedure(111000110, kOn)->name == "初診料");
  CHECK(wording(ExplainKind::multi_drug, 0, 100, 0, 90, 7) ==
        "多剤投与 (7 kinds): 内服薬剤料 100点 × 90/100 = 90点 → -10点 (告示 F200 注3)");
  CHECK(wording(ExplainKind::oxygen, 0, exact("2.36"), 0, 3, 0) == "酸素 2.36円 → 3円 (1円未満四捨五入, 通知 J201)");
  CHECK(wording(ExplainKind::oxygen, 111000110, exact("0.19"), 600, 114, 0) == "111000110 初診料 0.19円/L × 600L = 114円");
  CHECK(wording(ExplainKind::negative_points, 111000110, 5, 0, 0, 0) == "− 111000110 初診料 5点 (点数識別 8)");
  CHECK(wording(ExplainKind::yen_amount, 111000110, 100, 0, 0, 0) == "111000110 初診料 100円 (点数識別 1: yen, not points)");
  CHECK(wording(ExplainKind::percent_addition, 111000110, 50, 0, 0, 0) == "111000110 初診料 +50%");
  CHECK(wording(ExplainKind::percent_addition, 111000110, 50, 291, exact("145.5"), 1) ==
        "+ 111000110 初診料 50% of 所定点数 291 = 145.5点, added automatically");
  CHECK(wording(ExplainKind::percent_addition, 111000110, 50, 291, exact("145.5"), 0) ==
        "+ 111000110 初診料 50% of 所定点数 291 = 145.5点");
  CHECK(wording(ExplainKind::count, 0, 0, 0, 0, 3) == "× 3回");
  CHECK(wording(ExplainKind::days, 0, 0, 0, 0, 14) == "× 14日分");
  CHECK(wording(ExplainKind::inpatient_days, 111000110, 0, 1, 1, 1) == "111000110 初診料: 1 day, 入院期間 day 1–1 (day 1 = 入院年月日)");
  CHECK(wording(ExplainKind::inpatient_days, 111000110, 0, 1, 2, 2) == "111000110 初診料: 2 days, 入院期間 day 1–2 (day 1 = 入院年月日)");
  CHECK(wording(ExplainKind::note, 0, 0, 0, 0, 0).empty());
  // A code the masters do not hold: the code and an empty name.
  CHECK(wording(ExplainKind::points, 199999999, 10, 0, 0, 0) == "199999999  10点 (s col 12, r06)");
}

TEST_CASE("explanation steps' wording: the 物価対応料グループ区分 as three digits, zero-padded (s cols 132–133)") {
  const auto group = [](std::int32_t number) {
    return wording(ExplainKind::price_response, 111000110, 2, 0, 0, number);
  };
  const std::string tail = " (s cols 132–133, 告示 O100)";
  CHECK(group(1) == "111000110 初診料 2点, added for an item of 物価対応料グループ区分 001" + tail);
  CHECK(group(12) == "111000110 初診料 2点, added for an item of 物価対応料グループ区分 012" + tail);
  CHECK(group(123) == "111000110 初診料 2点, added for an item of 物価対応料グループ区分 123" + tail);
  CHECK(group(1234) == "111000110 初診料 2点, added for an item of 物価対応料グループ区分 1234" + tail);
  CHECK(group(0) == "111000110 初診料 2点, added for an item of 物価対応料グループ区分 000" + tail);
  CHECK(group(-5) == "111000110 初診料 2点, added for an item of 物価対応料グループ区分 -05" + tail);
}

TEST_CASE("explanation steps' wording: a 注加算 names its group and serial from the procedure master (s cols 38–39)") {
  const ProcedureRecord* p = r06().procedure(111000110, kOn);
  REQUIRE(p != nullptr);
  CHECK(wording(ExplainKind::addition, 111000110, 288, 0, 0, 0) ==
        "+ 111000110 初診料 288点 (注加算 " + std::to_string(p->addition_group) + "-" + std::string(1, p->addition_serial) + ")");
  // Not in the masters: group 0, serial 0.
  CHECK(wording(ExplainKind::addition, 199999999, 1, 0, 0, 0) == "+ 199999999  1点 (注加算 0-0)");
}

namespace {

// A step of every kind about `code`, with figures each kind shows.
std::vector<ExplainStep> every_kind(Code code) {
  std::vector<ExplainStep> steps;
  for (int kind = static_cast<int>(ExplainKind::points); kind <= static_cast<int>(ExplainKind::price_response); ++kind) {
    steps.push_back({static_cast<ExplainKind>(kind), code, exact("12.5"), 3, exact("37.5"), 2});
    steps.push_back({static_cast<ExplainKind>(kind), 0, 100, 0, 90, 1});
  }
  return steps;
}

// The step as result_json writes it (write_explain_json), and its text escaped as any text is.
std::pair<std::string, std::string> both_ways(const ExplainStep& step, const MasterSet& set) {
  output::JsonWriter in_place;
  output::write_explain_json(in_place, step, set, kOn);
  output::JsonWriter escaped;
  escaped.value(explain_text(step, set, kOn));
  return {in_place.str(), escaped.str()};
}

}  // namespace

TEST_CASE("explanation steps as JSON strings: every kind written in place is its text escaped, names plain or not") {
  for (const ExplainStep& step : every_kind(111000110)) {
    CAPTURE(static_cast<int>(step.kind));
    const auto [in_place, escaped] = both_ways(step, r06());
    CHECK(in_place == escaped);
  }
  // The bad-masters fixture's 医科診療行為マスター, with 初診料 renamed 初診\料 (0x5C is a backslash in
  // CP932; the masters' CSV holds no quote inside a field): its steps are escaped.
  test::ScratchDirectory scratch("santei-explain-backslash");
  const std::filesystem::path good = std::filesystem::path(SANTEI_BAD_MASTERS) / "good";
  std::filesystem::copy(good, scratch.path(), std::filesystem::copy_options::recursive);
  const std::filesystem::path file = scratch.path() / "s_ALL20240531.csv";
  std::string bytes = test::file_bytes(file);
  const std::size_t row = bytes.find("\"111000110\"");
  REQUIRE(row != std::string::npos);
  const std::string name = "\"\x8F\x89\x90\x66\x97\xBF\"";  // "初診料" in CP932
  const std::size_t at = bytes.find(name, row);
  REQUIRE(at < bytes.find('\n', row));
  bytes.replace(at, name.size(), "\"\x8F\x89\x90\x66\x5C\x97\xBF\"");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  const std::shared_ptr<const MasterSet> escaped_name = MasterSet::load(scratch.path());
  REQUIRE(escaped_name->procedure(111000110, kOn) != nullptr);
  CHECK(escaped_name->procedure(111000110, kOn)->name == "初診\\料");
  for (const ExplainStep& step : every_kind(111000110)) {
    CAPTURE(static_cast<int>(step.kind));
    const auto [in_place, escaped] = both_ways(step, *escaped_name);
    CHECK(in_place == escaped);
  }
  CHECK(both_ways({ExplainKind::points, 111000110, 291, 0, 0, 0}, *escaped_name).first ==
        "\"111000110 初診\\\\料 291点 (s col 12, r06)\"");
}
