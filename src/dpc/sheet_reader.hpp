// Reading a sheet of a DPC電子点数表 workbook through its layout (masters/dpc/tensuhyo.xml): cells
// by field, the header check, and errors that name the workbook, cell and field.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "core/whole_number.hpp"
#include "core/xlsx.hpp"
#include "dpc/layout.hpp"
#include "santei/result.hpp"

namespace santei::dpc {

inline std::string_view trim_end(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The workbook's name of the layout's sheet, or nullopt when it has none (not a 電子点数表).
inline std::optional<std::string> sheet_name(const xlsx::Workbook& workbook, const dpc::SheetLayout& layout) {
  for (const std::string& name : workbook.sheet_names()) {
    if (trim_end(name) == layout.name) return name;
  }
  return std::nullopt;
}

// A sheet read through its layout: cells by field, errors naming the workbook, cell and field.
class SheetReader {
 public:
  SheetReader(const xlsx::Sheet& sheet, const dpc::SheetLayout& layout) : sheet_(sheet), layout_(layout) {}

  void check_headers() const {
    for (const dpc::LayoutColumn& column : layout_.columns) {
      check_header(xlsx::CellRef{layout_.header_row, column.column}, column.header, column);
      check_header(xlsx::CellRef{layout_.header_row + 1, column.column}, column.subheader, column);
    }
  }

  // Whether `row` has a cell in one of the layout's columns.
  bool any(std::uint32_t row) const {
    return std::any_of(layout_.columns.begin(), layout_.columns.end(),
                       [&](const dpc::LayoutColumn& c) { return !sheet_.text(xlsx::CellRef{row, c.column}).empty(); });
  }

  template <class F>
  std::string_view cell(std::uint32_t row, F field) const {
    return sheet_.text(xlsx::CellRef{row, layout_.column(field).column});
  }

  template <class F>
  [[noreturn]] void fail(std::uint32_t row, F field, std::string_view message) const {
    const dpc::LayoutColumn& column = layout_.column(field);
    const xlsx::CellRef ref{row, column.column};
    throw Exception(ErrorInfo{Status::parse_error, sheet_.file(), row, static_cast<int>(column.column),
                              fmt::format("{} ({})", sheet_.where(ref), column.name),
                              fmt::format("'{}' {}", sheet_.text(ref), message)});
  }

  template <class F>
  std::int32_t whole(std::uint32_t row, F field, std::int32_t max) const {
    const std::optional<std::int64_t> value = whole_number(cell(row, field));
    if (!value || *value < 1 || *value > max) fail(row, field, fmt::format("is not a whole number 1..{}", max));
    return static_cast<std::int32_t>(*value);
  }

  // 有効期間: 開始日 … 終了日 (99999999: open).
  template <class F>
  DateRange valid(std::uint32_t row, F from_field, F to_field) const {
    const std::optional<Date> from = Date::parse_compact(cell(row, from_field));
    const std::optional<Date> to = Date::parse_compact(cell(row, to_field));
    if (!from || from->is_open_end()) fail(row, from_field, "is not a date YYYYMMDD");
    if (!to || *to < *from) fail(row, to_field, "is not a date YYYYMMDD (99999999: open) on or after 開始日");
    return DateRange{*from, *to};
  }

 private:
  void check_header(xlsx::CellRef ref, const std::string& expected, const dpc::LayoutColumn& column) const {
    if (expected.empty() || sheet_.text(ref) == expected) return;
    throw Exception(ErrorInfo{Status::parse_error, sheet_.file(), ref.row, static_cast<int>(ref.column),
                              fmt::format("{} ({})", sheet_.where(ref), column.name),
                              fmt::format("header '{}' where dpc/tensuhyo.xml expects '{}': not the DPC電子点数表 layout santei knows",
                                          sheet_.text(ref), expected)});
  }

  const xlsx::Sheet& sheet_;
  const dpc::SheetLayout& layout_;
};

}  // namespace santei::dpc
