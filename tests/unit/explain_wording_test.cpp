// Each explanation step's wording (src/output/explain.cpp), kind by kind, for the kinds and forms
// the generated claims of the byte-identity runs do not reach (多剤投与, 物価対応料, 酸素, 点数識別 8
// and 1, a percentage alone, one day): every piece as santei.result/1 has written it.
#include <doctest/doctest.h>

#include <string>

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
