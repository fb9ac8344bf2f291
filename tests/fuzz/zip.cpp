// Fuzz target: the zip reader (src/core/zip_archive.hpp) over any bytes — open, list, read every
// entry under a 1 MiB limit. What it reads never exceeds the limit, and an entry read whole holds
// exactly the bytes its header claims. The same bytes as an xlsx workbook (src/core/xlsx.hpp):
// every sheet read, each cell inside Excel's grid and in row-major order; and as a DPC電子点数表
// (src/dpc/tables.hpp): sheet 11's rows are 診断群分類番号 with rising 入院日, sorted by code.
#include <string>
#include <string_view>

#include "core/xlsx.hpp"
#include "core/zip_archive.hpp"
#include "dpc/definition.hpp"
#include "dpc/tables.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::uint64_t kLimit = 1 << 20;
  try {
    const santei::zip::Archive archive =
        santei::zip::Archive::from_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.zip");
    santei::fuzz::accept();  // an archive libzip opens: the replay proves its seeds reach this far
    for (const santei::zip::Entry& entry : archive.entries()) {
      try {
        const std::string bytes = archive.read(entry, kLimit);
        santei::fuzz::require(bytes.size() <= kLimit, "an entry read is within the limit");
        santei::fuzz::require(bytes.size() == entry.size, "an entry read holds the size its header claims");
      } catch (const santei::Exception& e) {
        santei::fuzz::expected(e);
      }
    }
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  try {
    const auto workbook = santei::xlsx::Workbook::from_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xlsx");
    for (const std::string& name : workbook.sheet_names()) {
      try {
        const santei::xlsx::Sheet sheet = workbook.sheet(name);
        santei::xlsx::CellRef last{};
        for (const santei::xlsx::Cell& cell : sheet.cells()) {
          santei::fuzz::require(cell.ref.row >= 1 && cell.ref.row <= santei::xlsx::kMaxRow && cell.ref.column >= 1 &&
                                    cell.ref.column <= santei::xlsx::kMaxColumn,
                                "a cell is inside Excel's grid");
          santei::fuzz::require(last.row < cell.ref.row || (last.row == cell.ref.row && last.column < cell.ref.column),
                                "the cells are in row-major order, each once");
          last = cell.ref;
        }
      } catch (const santei::Exception& e) {
        santei::fuzz::expected(e);
      }
    }
    try {
      if (const std::optional<santei::dpc::PointsWorkbook> points = santei::dpc::read_points_workbook(workbook)) {
        for (std::size_t i = 0; i < points->rows.size(); ++i) {
          const santei::DpcPoints& row = points->rows[i];
          santei::fuzz::require(santei::is_dpc_code(row.code), "a row's code is a 診断群分類番号");
          santei::fuzz::require(!row.priced || (row.last_day[0] >= 1 && row.last_day[0] <= row.last_day[1] &&
                                                row.last_day[1] <= row.last_day[2]),
                                "a priced row's 入院日Ⅰ/Ⅱ/Ⅲ rise from day 1");
          santei::fuzz::require(i == 0 || points->rows[i - 1].code <= row.code, "the rows are sorted by code");
        }
      }
    } catch (const santei::Exception& e) {
      santei::fuzz::expected(e);
    }
    try {  // the 定義テーブル sheets the grouper reads
      if (const std::optional<santei::dpc::Definitions> definitions = santei::dpc::read_definitions(workbook)) {
        for (const std::vector<santei::dpc::DefinitionRow>& rows : definitions->sheets) {
          for (std::size_t i = 0; i < rows.size(); ++i) {
            santei::fuzz::require(rows[i].bunrui.size() == 6, "a row names its 分類 by 6 characters");
            santei::fuzz::require(i == 0 || rows[i - 1].bunrui <= rows[i].bunrui, "the rows are sorted by 分類");
          }
        }
      }
    } catch (const santei::Exception& e) {
      santei::fuzz::expected(e);
    }
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
