// The DPC電子点数表 as MHLW publishes it (../shared/dpc): sheet 11 of the r06 and r08 workbooks
// read through masters/dpc/tensuhyo.xml — the counts of codes and priced codes, rows as the
// workbooks print them — and the errors of a workbook laid out otherwise, made here at test time.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "big_input.hpp"
#include "error_of.hpp"
#include "santei/dpc.hpp"
#include "support.hpp"
#include "zip_support.hpp"

using santei::DpcPoints;
using santei::DpcTables;
using santei::Status;
using santei::test::day;
using santei::test::error_of;

namespace {

const DpcTables& shared_tables() {
  return *santei::test::real_dpc_tables();
}

// A workbook with one sheet named `sheet` whose rows are `rows` (inline strings; numbers as text
// cells, as the reader keeps either as its exact text).
std::string dpc_workbook(const std::string& sheet, const std::string& rows, const std::filesystem::path& scratch) {
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
  const std::string workbook_rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
  const std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<sheets><sheet name=")" + sheet + R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const std::string sheet_xml =
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
      rows + "</sheetData></worksheet>";
  return santei::test::make_zip({{"_rels/.rels", rels},
                                 {"xl/_rels/workbook.xml.rels", workbook_rels},
                                 {"xl/workbook.xml", workbook},
                                 {"xl/worksheets/sheet1.xml", sheet_xml}},
                                scratch);
}

std::string cell(const std::string& ref, const std::string& text) {
  return R"(<c r=")" + ref + R"(" t="inlineStr"><is><t>)" + text + "</t></is></c>";
}

// Header rows 3 and 4 as the r06/r08 workbooks have them (without their phonetic readings).
std::string header_rows(const std::string& code_header = "診断群分類番号") {
  return R"(<row r="3">)" + cell("C3", code_header) + cell("J3", "入院日(日）") + cell("M3", "点数(点）") +
         cell("Q3", "有効期間") + cell("S3", "更新日") + "</row>" + R"(<row r="4">)" + cell("J4", "Ⅰ") + cell("K4", "Ⅱ") +
         cell("L4", "Ⅲ") + cell("M4", "入院期間Ⅰ") + cell("N4", "入院期間Ⅱ") + cell("O4", "入院期間Ⅲ") + cell("Q4", "開始日") +
         cell("R4", "終了日") + "</row>";
}

// Row 5: 010010xx9901xx as r06 prints it, with `points_1` in M5.
std::string data_row(const std::string& points_1 = "3461") {
  return R"(<row r="5">)" + cell("C5", "010010xx9901xx") + cell("J5", "6") + cell("K5", "19") + cell("L5", "60") +
         cell("M5", points_1) + cell("N5", "2370") + cell("O5", "2014") + cell("Q5", "20240601") + cell("R5", "99999999") +
         cell("S5", "00000000") + "</row>";
}

struct Scratch {
  santei::test::ScratchDirectory dir{"santei-dpc-test"};
  void workbook(const std::string& name, const std::string& sheet, const std::string& rows) const {
    santei::test::write_file(dir.path() / name, dpc_workbook(sheet, rows, dir.path() / "scratch.zip"));
    std::filesystem::remove(dir.path() / "scratch.zip");
  }
};

}  // namespace

TEST_CASE("dpc tables: ../shared/dpc holds r06 (the 2026-02-20 update wins) and r08; codes and priced codes as counted in the workbooks") {
  const DpcTables& tables = shared_tables();
  REQUIRE(tables.workbooks().size() == 2);
  const santei::DpcWorkbook& r06 = tables.workbooks()[0];
  CHECK(r06.file.ends_with("r06/dpc_denshi_tensuhyo_20260220.xlsx"));
  CHECK(r06.in_force == day("2024-06-01"));
  CHECK(r06.codes == 3248);   // ../shared/dpc/README.md: r06 3,248 codes …
  CHECK(r06.priced == 2477);  // … 2,477 with points
  REQUIRE(r06.superseded.size() == 1);  // the 2024-03-21 publication: the same sheet 11
  CHECK(r06.superseded[0].ends_with("r06/dpc_denshi_tensuhyo_20240321.xlsx"));
  const santei::DpcWorkbook& r08 = tables.workbooks()[1];
  CHECK(r08.file.ends_with("r08/dpc_denshi_tensuhyo_20260318.xlsx"));
  CHECK(r08.in_force == day("2026-06-01"));
  CHECK(r08.codes == 3267);
  CHECK(r08.priced == 2449);  // the README's 2,443 left out the six rows whose 入院期間Ⅱ is "-"
  CHECK(r08.superseded.empty());
  CHECK(tables.in_force_on(day("2024-05-31")) == nullptr);
  CHECK(tables.in_force_on(day("2026-05-31")) == &r06);
  CHECK(tables.in_force_on(day("2026-06-01")) == &r08);
}

TEST_CASE("dpc tables: rows as sheet 11 prints them — 010010xx9901xx in r06 and r08, a code without points, a period without days") {
  const DpcTables& tables = shared_tables();
  const DpcPoints* r06 = tables.find("010010xx9901xx", day("2024-06-10"));
  REQUIRE(r06 != nullptr);
  CHECK(r06->priced);
  CHECK(r06->last_day == std::array<std::int32_t, 3>{6, 19, 60});  // r06 sheet 11 row 6: J–O
  CHECK(r06->points == std::array<std::int32_t, 3>{3461, 2370, 2014});
  CHECK(r06->line == 6);
  CHECK(r06->valid.from == day("2024-06-01"));
  CHECK(r06->valid.to.is_open_end());
  const DpcPoints* r08 = tables.find("010010xx9901xx", day("2026-06-10"));
  REQUIRE(r08 != nullptr);
  CHECK(r08->last_day == std::array<std::int32_t, 3>{6, 18, 60});  // r08 sheet 11 row 6
  CHECK(r08->points == std::array<std::int32_t, 3>{3556, 2559, 2175});
  const DpcPoints* unpriced = tables.find("010010xx9900xx", day("2024-06-10"));
  REQUIRE(unpriced != nullptr);
  CHECK_FALSE(unpriced->priced);  // row 5: 手術・処置等２ なし, no days and no points
  const DpcPoints* no_period_2 = tables.find("020350xx99x1xx", day("2026-06-10"));  // r08 row 461: N461 "-"
  REQUIRE(no_period_2 != nullptr);
  CHECK(no_period_2->last_day == std::array<std::int32_t, 3>{1, 1, 30});
  CHECK(no_period_2->points == std::array<std::int32_t, 3>{13403, 0, 1933});
  CHECK(tables.find("010010xx9901xx", day("2024-05-31")) == nullptr);  // before r06's DPC tables
  CHECK(tables.find("999999xx9999xx", day("2024-06-10")) == nullptr);
}

TEST_CASE("dpc tables: sheet 13 — the 手術 and 検査 blocks are read (r06 75 rows: 24 移植術, 51 大臣指定; r08 74: 24, 50), 薬剤 and ICD blocks not") {
  const DpcTables& tables = shared_tables();
  const auto count = [&](std::size_t workbook, santei::DpcOutsideKind kind) {
    const auto& rows = tables.outside(workbook);
    return std::count_if(rows.begin(), rows.end(), [kind](const santei::DpcOutsideProcedure& p) { return p.kind == kind; });
  };
  CHECK(tables.outside(0).size() == 75);
  CHECK(count(0, santei::DpcOutsideKind::transplant) == 24);
  CHECK(tables.outside(1).size() == 74);
  CHECK(count(1, santei::DpcOutsideKind::transplant) == 24);
  const santei::DpcOutsideProcedure& first = tables.outside(0).front();
  CHECK(first.code == "K014");  // row 3: 00 K014 皮膚移植術（生体・培養）
  CHECK(first.line == 3);
  CHECK(first.name == "皮膚移植術（生体・培養）");
  CHECK(tables.outside(0).back().code == "D006-19");  // the 検査 block's last row, before the 薬剤 block
}

TEST_CASE("dpc tables: a directory without a 電子点数表 is not_found naming it; other workbooks are left alone") {
  Scratch scratch;
  const santei::ErrorInfo none = error_of([&] { (void)DpcTables::load(scratch.dir.path()); });
  CHECK(none.status == Status::not_found);
  CHECK(none.file == scratch.dir.path().string());
  scratch.workbook("jukeizu.xlsx", "010010", header_rows());  // a 樹形図-like workbook: no sheet 11
  const santei::ErrorInfo still_none = error_of([&] { (void)DpcTables::load(scratch.dir.path()); });
  CHECK(still_none.status == Status::not_found);
  CHECK(still_none.message.find("11）診断群分類点数表") != std::string::npos);
  const santei::ErrorInfo missing = error_of([&] { (void)DpcTables::load(scratch.dir.path() / "absent"); });
  CHECK(missing.status == Status::not_found);
}

TEST_CASE("dpc tables: a workbook of one row loads; trailing spaces in the sheet name are as published") {
  Scratch scratch;
  scratch.workbook("tensuhyo.xlsx", "11）診断群分類点数表  ", header_rows() + data_row());
  const std::shared_ptr<const DpcTables> tables = DpcTables::load(scratch.dir.path());
  REQUIRE(tables->workbooks().size() == 1);
  CHECK(tables->workbooks()[0].codes == 1);
  const DpcPoints* row = tables->find("010010xx9901xx", day("2024-07-01"));
  REQUIRE(row != nullptr);
  CHECK(row->points == std::array<std::int32_t, 3>{3461, 2370, 2014});
}

TEST_CASE("dpc tables: the 定義テーブル of a small 電子点数表 (the zip fuzz target's seed) is read and groups; a workbook without it cannot group") {
  Scratch scratch;
  std::filesystem::copy_file(std::filesystem::path(SANTEI_SOURCE_DIR) / "tests" / "fuzz" / "seeds" / "zip" / "dpc_definitions.xlsx",
                             scratch.dir.path() / "dpc_definitions.xlsx");
  const std::shared_ptr<const DpcTables> tables = DpcTables::load(scratch.dir.path());
  santei::DpcGroupingInput stay;
  stay.diagnosis = "C711";  // its ４）: C71$ → 010010; its 12）: 手術 99, 処置等 0, 定義副傷病 0 or 1 → 010010xx9900xx
  stay.age = 60;
  CHECK(tables->group(stay, day("2024-07-01")).code == "010010xx9900xx");
  stay.diagnosis = "J189";
  CHECK(error_of([&] { (void)tables->group(stay, day("2024-07-01")); }).field == "admission.dpc.grouping.diagnosis");

  Scratch without;
  without.workbook("tensuhyo.xlsx", "11）診断群分類点数表", header_rows() + data_row());
  const santei::ErrorInfo e = error_of([&] { (void)DpcTables::load(without.dir.path())->group(stay, day("2024-07-01")); });
  CHECK(e.status == Status::not_found);
  CHECK(e.message.starts_with("this DPC電子点数表 has no 定義テーブル sheets"));
}

TEST_CASE("dpc tables: a sheet laid out otherwise or a bad value is parse_error naming the workbook, cell and field") {
  Scratch scratch;
  SUBCASE("a header that is not the layout's") {
    scratch.workbook("tensuhyo.xlsx", "11）診断群分類点数表", header_rows("DPCコード") + data_row());
    const santei::ErrorInfo e = error_of([&] { (void)DpcTables::load(scratch.dir.path()); });
    CHECK(e.status == Status::parse_error);
    CHECK(e.file == (scratch.dir.path() / "tensuhyo.xlsx").string());
    CHECK(e.field == "'11）診断群分類点数表'!C3 (code)");
    CHECK(e.message == "header 'DPCコード' where dpc/tensuhyo.xml expects '診断群分類番号': not the DPC電子点数表 layout santei knows");
  }
  SUBCASE("points that are not a whole number") {
    scratch.workbook("tensuhyo.xlsx", "11）診断群分類点数表", header_rows() + data_row("3461a"));
    const santei::ErrorInfo e = error_of([&] { (void)DpcTables::load(scratch.dir.path()); });
    CHECK(e.status == Status::parse_error);
    CHECK(e.line == 5);
    CHECK(e.field == "'11）診断群分類点数表'!M5 (points_1)");
    CHECK(e.message == "'3461a' is not a whole number 1..1000000");
  }
  SUBCASE("a '-' where the period has days") {
    scratch.workbook("tensuhyo.xlsx", "11）診断群分類点数表", header_rows() + data_row("-"));
    const santei::ErrorInfo e = error_of([&] { (void)DpcTables::load(scratch.dir.path()); });
    CHECK(e.field == "'11）診断群分類点数表'!M5 (points_1)");
    CHECK(e.message == "'-' is not a whole number 1..1000000");
  }
}
