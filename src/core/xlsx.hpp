// Reading xlsx workbooks (Office Open XML spreadsheets, e.g. MHLW's DPC電子点数表) over the zip
// reader and pugixml: the sheets by name, the cells by reference. A cell is kept as the exact
// text the file stores — a number is its <v> text ("3461", "1.0234"), never a double — with its
// kind, so callers parse numbers exactly. Errors name the workbook (ErrorInfo::file) and the part,
// sheet or cell (ErrorInfo::field, e.g. "'11）診断群分類点数表'!M6").
//
// A Workbook reads from one thread at a time; a Sheet, once read, is an immutable value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/zip_archive.hpp"

namespace pugi {
class xml_document;
}

namespace santei::xlsx {

// One XML part (a sheet, the shared strings) is read up to this size; the largest part of the
// DPC workbooks is about 14 MB (r08's 変換テーブル).
inline constexpr std::uint64_t kMaxPartBytes = 128 * 1024 * 1024;
// Excel's own limits: a reference beyond them is a damaged file.
inline constexpr std::uint32_t kMaxRow = 1'048'576;
inline constexpr std::uint32_t kMaxColumn = 16'384;

// A cell position, 1-based: A1 is {1, 1}.
struct CellRef {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  friend bool operator==(const CellRef&, const CellRef&) = default;
};
// "B17" → {17, 2}; nullopt for anything else ("17B", "B0", "XFE1").
std::optional<CellRef> parse_ref(std::string_view text);
// {17, 2} → "B17".
std::string ref_text(CellRef ref);
// The column letters alone: 2 → "B".
std::string column_text(std::uint32_t column);

enum class CellKind : std::uint8_t {
  text,     // a shared, inline or formula string
  number,   // <v> as written, e.g. "20240601" or "0.5"
  boolean,  // "0" or "1"
  error,    // an error value as written, e.g. "#N/A"
};

struct Cell {
  CellRef ref;
  CellKind kind = CellKind::text;
  std::string text;
};

class Sheet {
 public:
  const std::string& name() const { return name_; }
  const std::string& file() const { return file_; }
  // The non-empty cells in row-major order.
  const std::vector<Cell>& cells() const { return cells_; }
  // The cell at `ref`, or nullptr when it is empty.
  const Cell* find(CellRef ref) const;
  // Its text, or "" when it is empty.
  std::string_view text(CellRef ref) const;
  // The cells of row `row` (left to right), empty when the row has none.
  std::span<const Cell> row(std::uint32_t row) const;
  // The last row with a cell, 0 for an empty sheet.
  std::uint32_t last_row() const { return cells_.empty() ? 0 : cells_.back().ref.row; }
  // "'name'!B17", the field of an error about that cell.
  std::string where(CellRef ref) const;

 private:
  friend class Workbook;
  std::string name_;
  std::string file_;
  std::vector<Cell> cells_;
};

class Workbook {
 public:
  // Opens `file` and reads its list of sheets and shared strings. io_error / parse_error /
  // limit_exceeded (as the zip reader) for the archive; parse_error naming the part for a
  // workbook whose parts are missing, not XML or not what an xlsx holds.
  static Workbook open(const std::filesystem::path& file);
  // The same over bytes in memory, reported under the name `file`; `bytes` must outlive it.
  static Workbook from_bytes(std::string_view bytes, std::string file);

  const std::string& file() const { return archive_.file(); }
  // The sheets' names in workbook order, as written (trailing spaces included).
  const std::vector<std::string>& sheet_names() const { return names_; }
  // Reads the sheet named `name` exactly; not_found naming it when there is none.
  Sheet sheet(std::string_view name) const;

 private:
  explicit Workbook(zip::Archive archive);
  [[noreturn]] void fail(Status status, std::string field, std::int64_t line, std::string message) const;
  void load_part(const std::string& part, std::string& text, pugi::xml_document& doc, unsigned flags) const;

  zip::Archive archive_;
  std::vector<std::string> names_;
  std::vector<std::string> parts_;   // the part of each sheet, e.g. "xl/worksheets/sheet1.xml"
  std::vector<std::string> strings_; // the shared strings
};

}  // namespace santei::xlsx
