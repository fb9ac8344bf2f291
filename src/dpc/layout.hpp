// The layout of the DPC電子点数表's sheets santei reads (masters/dpc/tensuhyo.xml): which column
// holds which field, and the header text that shows a workbook is laid out that way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dpc/definition.hpp"

namespace santei::dpc {

// Sheet 11）診断群分類点数表.
enum class Field : std::uint8_t {
  code, last_day_1, last_day_2, last_day_3, points_1, points_2, points_3, valid_from, valid_to, updated
};
// Sheet 13)出来高算定手術等コード.
enum class OutsideField : std::uint8_t { kind, procedure, name, valid_from, valid_to };

struct LayoutColumn {
  std::string name;          // the field's name in the layout, for messages ("last_day_1")
  std::uint32_t column = 0;  // 1-based (C = 3)
  std::string header;        // expected text in the header row ("" = not checked)
  std::string subheader;     // … and in the row below it
  std::vector<std::string> blocks;  // sheet 13: the headers of the blocks whose rows santei reads
};

struct SheetLayout {
  std::string name;             // the sheet's name (trailing spaces in a workbook are ignored)
  std::uint32_t header_row = 0;
  std::uint32_t first_row = 0;  // the first row of data
  std::vector<LayoutColumn> columns;  // one per field, in the order of its enum

  template <class F>
  const LayoutColumn& column(F field) const { return columns[static_cast<std::size_t>(field)]; }
};

// The embedded layouts, parsed once; a defect is a rule_error naming dpc/tensuhyo.xml.
const SheetLayout& points_sheet_layout();
const SheetLayout& outside_sheet_layout();
const SheetLayout& definition_sheet_layout(DefinitionSheet sheet);

}  // namespace santei::dpc
