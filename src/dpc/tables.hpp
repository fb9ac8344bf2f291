// Reading one DPC電子点数表 workbook's sheet 11 (DpcTables::load does it for each file of a
// directory; the zip fuzz target for any bytes).
#pragma once

#include <optional>
#include <vector>

#include "core/xlsx.hpp"
#include "santei/dpc.hpp"

namespace santei::dpc {

struct PointsWorkbook {
  DpcWorkbook info;
  std::vector<DpcPoints> rows;  // sorted by code, then 開始日
  std::vector<DpcOutsideProcedure> outside;  // sheet 13, in sheet order
};

// Sheet 11 (and 13) of `workbook` as masters/dpc/tensuhyo.xml lays it out, without the 定義テーブル; nullopt when the workbook has no
// such sheet (a 樹形図, a 定義テーブル). Throws santei::Exception (parse_error naming the workbook,
// cell and field) for a sheet laid out otherwise or a value that is not valid.
std::optional<PointsWorkbook> read_points_workbook(const xlsx::Workbook& workbook);

}  // namespace santei::dpc
