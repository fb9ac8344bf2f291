// The xlsx reader of src/core/xlsx.hpp: cell references, shared and inline strings without their
// phonetic readings, numbers as the exact text the file stores, sheets by name through the
// package relationships — on small workbooks made here and on MHLW's r06 DPC電子点数表 — and the
// errors of a damaged workbook, each naming the file and the part or cell.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "big_input.hpp"
#include "core/xlsx.hpp"
#include "error_of.hpp"
#include "support.hpp"
#include "zip_support.hpp"

using santei::Status;
using santei::test::error_of;
namespace xlsx = santei::xlsx;

namespace {

constexpr const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr const char* kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";
constexpr const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="１）ＭＤＣ名称" sheetId="3" r:id="rId2"/><sheet name="12）変換テーブル " sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr const char* kStrings =
    R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<si><t>MDCｺｰﾄﾞ</t></si>)"
    R"(<si><t>神経系疾患</t><rPh sb="0" eb="3"><t>シンケイケイ</t></rPh><phoneticPr fontId="1"/></si>)"
    R"(<si><r><t>変更</t></r><r><rPr><b/></rPr><t>区分</t></r></si>)"
    R"(<si><t xml:space="preserve"> </t></si>)"
    R"(<si><t>a_x000D_b</t></si></sst>)";

std::string sheet_xml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

const std::string kSheet2 = sheet_xml(
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"/></row>)"
    R"(<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>20240601</v></c><c r="C3"><v>0.30000000000000004</v></c>)"
    R"(<c r="D3" t="s"><v>2</v></c><c r="E3" t="inlineStr"><is><t>手術なし</t></is></c><c r="F3" t="b"><v>1</v></c>)"
    R"(<c r="G3" t="e"><v>#N/A</v></c><c r="H3" t="s"><v>3</v></c><c r="I3" t="s"><v>4</v></c><c r="AB3"><v>7</v></c></row>)");

struct Fixture {
  santei::test::ScratchDirectory scratch{"santei-xlsx-test"};
  std::string workbook(const std::vector<santei::test::ZipMember>& replace = {}) const {
    std::vector<santei::test::ZipMember> members = {{"_rels/.rels", kRels},
                                                    {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                                    {"xl/workbook.xml", kWorkbook},
                                                    {"xl/sharedStrings.xml", kStrings},
                                                    {"xl/worksheets/sheet1.xml", sheet_xml("")},
                                                    {"xl/worksheets/sheet2.xml", kSheet2}};
    for (const auto& r : replace) {
      bool found = false;
      for (auto& m : members) {
        if (m.name == r.name) {
          m.bytes = r.bytes;
          found = true;
        }
      }
      if (!found) members.push_back(r);
    }
    std::erase_if(members, [](const santei::test::ZipMember& m) { return m.bytes == "<absent>"; });
    return santei::test::make_zip(members, scratch.path() / "book.xlsx");
  }
};

}  // namespace

TEST_CASE("xlsx: cell references A1 … XFD1048576 and nothing else") {
  CHECK(xlsx::parse_ref("A1") == xlsx::CellRef{1, 1});
  CHECK(xlsx::parse_ref("AB17") == xlsx::CellRef{17, 28});
  CHECK(xlsx::parse_ref("XFD1048576") == xlsx::CellRef{1048576, 16384});
  CHECK_FALSE(xlsx::parse_ref("XFE1"));
  CHECK_FALSE(xlsx::parse_ref("A1048577"));
  CHECK_FALSE(xlsx::parse_ref("A0"));
  CHECK_FALSE(xlsx::parse_ref("17B"));
  CHECK_FALSE(xlsx::parse_ref("a1"));
  CHECK_FALSE(xlsx::parse_ref("A"));
  CHECK_FALSE(xlsx::parse_ref(""));
  CHECK(xlsx::ref_text({17, 28}) == "AB17");
  CHECK(xlsx::column_text(16384) == "XFD");
}

TEST_CASE_FIXTURE(Fixture, "xlsx: sheets by name through the relationships; each kind of cell as its exact text") {
  const std::string bytes = workbook();
  const xlsx::Workbook book = xlsx::Workbook::from_bytes(bytes, "book.xlsx");
  REQUIRE(book.sheet_names() == std::vector<std::string>{"１）ＭＤＣ名称", "12）変換テーブル "});
  const xlsx::Sheet sheet = book.sheet("１）ＭＤＣ名称");  // rId2, an absolute target
  CHECK(sheet.text({1, 1}) == "MDCｺｰﾄﾞ");
  CHECK(sheet.find({1, 2}) == nullptr);                   // styled but empty
  CHECK(sheet.text({3, 1}) == "神経系疾患");              // without its reading シンケイケイ
  CHECK(sheet.find({3, 2})->kind == xlsx::CellKind::number);
  CHECK(sheet.text({3, 2}) == "20240601");
  CHECK(sheet.text({3, 3}) == "0.30000000000000004");    // the stored text, not a rounded double
  CHECK(sheet.text({3, 4}) == "変更区分");                // rich-text runs joined
  CHECK(sheet.text({3, 5}) == "手術なし");                // inline string
  CHECK(sheet.find({3, 6})->kind == xlsx::CellKind::boolean);
  CHECK(sheet.find({3, 7})->kind == xlsx::CellKind::error);
  CHECK(sheet.text({3, 7}) == "#N/A");
  CHECK(sheet.text({3, 8}) == " ");                       // xml:space="preserve"
  CHECK(sheet.text({3, 9}) == "a\rb");                    // _x000D_
  CHECK(sheet.text({3, 28}) == "7");
  CHECK(sheet.row(3).size() == 10);
  CHECK(sheet.row(2).empty());
  CHECK(sheet.last_row() == 3);
  CHECK(sheet.where({3, 28}) == "'１）ＭＤＣ名称'!AB3");
  CHECK(book.sheet("12）変換テーブル ").cells().empty());
}

TEST_CASE_FIXTURE(Fixture, "xlsx: a sheet that does not exist is not_found naming it; trailing spaces count") {
  const std::string bytes = workbook();
  const xlsx::Workbook book = xlsx::Workbook::from_bytes(bytes, "book.xlsx");
  const santei::ErrorInfo error = error_of([&] { (void)book.sheet("12）変換テーブル"); });
  CHECK(error.status == Status::not_found);
  CHECK(error.file == "book.xlsx");
  CHECK(error.field == "'12）変換テーブル'");
}

TEST_CASE_FIXTURE(Fixture, "xlsx: a damaged workbook is parse_error naming the part, line or cell") {
  struct Case {
    const char* name;
    santei::test::ZipMember member;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {"no package relationships", {"_rels/.rels", "<absent>"}, "_rels/.rels", "the workbook has no such part"},
      {"no workbook named", {"_rels/.rels", "<Relationships/>"}, "_rels/.rels",
       "the package names no workbook (officeDocument)"},
      {"a sheet part missing", {"xl/worksheets/sheet2.xml", "<absent>"}, "xl/worksheets/sheet2.xml",
       "the workbook has no such part"},
      {"a part that is not XML", {"xl/worksheets/sheet2.xml", "<worksheet><sheetData></worksheet>"},
       "xl/worksheets/sheet2.xml", "malformed XML: …"},
      {"a part that is not UTF-8", {"xl/sharedStrings.xml", "<sst><si><t>\x8F\x89</t></si></sst>"},
       "xl/sharedStrings.xml", "not valid UTF-8 at byte 12 (0x8f)"},
      {"a shared string out of range", {"xl/worksheets/sheet2.xml", sheet_xml(R"(<row r="4"><c r="B4" t="s"><v>99</v></c></row>)")},
       "'１）ＭＤＣ名称'!B4", "shared string '99' does not exist (5 shared strings)"},
      {"a cell of another row", {"xl/worksheets/sheet2.xml", sheet_xml(R"(<row r="4"><c r="B5"><v>1</v></c></row>)")},
       "xl/worksheets/sheet2.xml", "cell reference 'B5' is not a cell of row 4"},
      {"a cell given twice", {"xl/worksheets/sheet2.xml", sheet_xml(R"(<row r="4"><c r="B4"><v>1</v></c><c r="B4"><v>2</v></c></row>)")},
       "'１）ＭＤＣ名称'!B4", "the cell is given twice"},
      {"no sheetData", {"xl/worksheets/sheet2.xml", "<worksheet/>"}, "xl/worksheets/sheet2.xml",
       "sheet '１）ＭＤＣ名称' has no <sheetData>"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::string bytes = workbook({c.member});
    const santei::ErrorInfo error = error_of([&] {
      const xlsx::Workbook book = xlsx::Workbook::from_bytes(bytes, "book.xlsx");
      (void)book.sheet("１）ＭＤＣ名称");
    });
    CHECK(error.status == Status::parse_error);
    CHECK(error.file == "book.xlsx");
    CHECK(error.field == c.field);
    santei::test::check_message(error.message, c.message);
  }
}

TEST_CASE("xlsx: MHLW's r06 DPC電子点数表 — 19 sheets; sheet 11's first priced row as published") {
  const xlsx::Workbook book =
      xlsx::Workbook::open(santei::test::shared_dir() / "dpc/r06/dpc_denshi_tensuhyo_20240321.xlsx");
  REQUIRE(book.sheet_names().size() == 19);
  CHECK(book.sheet_names()[15] == "11）診断群分類点数表");
  CHECK(book.sheet_names()[16] == "12）変換テーブル ");
  const xlsx::Sheet table = book.sheet("11）診断群分類点数表");
  CHECK(table.text(*xlsx::parse_ref("C6")) == "010010xx9901xx");
  CHECK(table.text(*xlsx::parse_ref("G6")) == "１あり");
  CHECK(table.text(*xlsx::parse_ref("J6")) == "6");
  CHECK(table.text(*xlsx::parse_ref("M6")) == "3461");
  CHECK(table.text(*xlsx::parse_ref("O6")) == "2014");
  CHECK(table.text(*xlsx::parse_ref("Q6")) == "20240601");
  CHECK(table.text(*xlsx::parse_ref("D3")) == "傷病名");  // the header, without its reading
}
