// Reachability: every 診断群分類 of sheet 11 (the 点数表) is the target of some branch of sheet 12
// (変換テーブル, the grouper's last step) and every target is in sheet 11; the 変換テーブル's 包括フラグ
// (column C, "包括対象は1、包括対象外は0") is 1 exactly for the codes sheet 11 gives points — for the
// r06 and r08 workbooks of ../shared/dpc, read with santei's xlsx reader and compared with DpcTables.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/xlsx.hpp"
#include "santei/dpc.hpp"
#include "support.hpp"

namespace {

struct ConversionTable {
  std::size_t rows = 0;
  std::map<std::string, std::set<std::string>> flags;  // code → the 包括フラグ its rows give
};

// Sheet 12 as MHLW lays it out: row 1 headers (B 診断群分類番号, C 包括フラグ…), row 2 sub-headers, data from row 3.
ConversionTable read_conversion(const std::string& file) {
  const santei::xlsx::Workbook workbook = santei::xlsx::Workbook::open(file);
  std::string name;
  for (const std::string& n : workbook.sheet_names()) {
    if (n.starts_with("12）変換テーブル")) name = n;
  }
  REQUIRE_MESSAGE(!name.empty(), file, " has no sheet 12）変換テーブル");
  const santei::xlsx::Sheet sheet = workbook.sheet(name);
  REQUIRE(sheet.text({1, 2}) == "診断群分類番号");
  REQUIRE(sheet.text({1, 3}).starts_with("包括フラグ"));
  ConversionTable table;
  for (std::uint32_t row = 3; row <= sheet.last_row(); ++row) {
    const std::string code(sheet.text({row, 2}));
    if (code.empty()) continue;
    ++table.rows;
    table.flags[code].insert(std::string(sheet.text({row, 3})));
  }
  return table;
}

void check_reachable(const santei::DpcTables& tables, std::size_t workbook, std::size_t rows, std::size_t codes) {
  const ConversionTable conversion = read_conversion(tables.workbooks()[workbook].file);
  CHECK(conversion.rows == rows);
  CHECK(conversion.flags.size() == codes);
  std::size_t reachable = 0, flagged = 0;
  for (const santei::DpcPoints* row : tables.rows(workbook)) {
    const auto found = conversion.flags.find(row->code);
    if (found == conversion.flags.end()) {
      FAIL_CHECK("in sheet 11 but no branch of the 変換テーブル leads to it: ", row->code);
      continue;
    }
    ++reachable;
    const std::set<std::string> expected{row->priced ? "1" : "0"};
    if (found->second == expected) ++flagged;
    else FAIL_CHECK(row->code, ": 包括フラグ not ", *expected.begin());
  }
  CHECK(reachable == codes);
  CHECK(flagged == codes);
  CHECK(tables.rows(workbook).size() == conversion.flags.size());  // and no target outside sheet 11
}

}  // namespace

TEST_CASE("dpc 変換テーブル: r06 — 9,129 branches reach all 3,248 codes of sheet 11, 包括フラグ 1 exactly on the 2,477 priced") {
  const std::shared_ptr<const santei::DpcTables> tables = santei::test::real_dpc_tables();
  check_reachable(*tables, 0, 9129, 3248);
}

TEST_CASE("dpc 変換テーブル: r08 — 9,248 branches reach all 3,267 codes of sheet 11, 包括フラグ 1 exactly on the 2,449 priced") {
  const std::shared_ptr<const santei::DpcTables> tables = santei::test::real_dpc_tables();
  check_reachable(*tables, 1, 9248, 3267);
}
