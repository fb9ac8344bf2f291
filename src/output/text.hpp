// Text for people: tables aligned by display width (Japanese names take two columns a character),
// and numbers grouped by thousands. Used by the text forms of santei price, price --uke and lookup.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace santei::output {

// 1234567 → "1,234,567"; a negative number with a real minus sign (U+2212).
std::string grouped(std::int64_t n);
// As grouped(), with "+" before a positive number.
std::string signed_grouped(std::int64_t n);

enum class Align : unsigned char { left, right };

// Rows of cells, each column as wide as its widest cell (in columns, core/text_width.hpp), two
// spaces between columns; headings are lines of their own that do not widen any column.
class TextTable {
 public:
  explicit TextTable(std::vector<Align> columns, std::string indent = "  ");
  // Fewer cells than columns: the rest are empty. More: a bug, refused (Status::internal_error).
  void row(std::initializer_list<std::string_view> cells);
  void row(std::span<const std::string> cells);
  // Printed as it is, in its place among the rows; given in pieces, which are joined.
  void heading(std::initializer_list<std::string_view> pieces);
  void heading(std::string_view line) { heading({line}); }
  void blank() { heading(std::string_view()); }
  // Empty again, its memory kept for the next table of the same columns (a report's receipts).
  void clear();
  // Appended to `out` (a report's tables go one after another into one string): every line ends in
  // '\n', without trailing spaces.
  void render(std::string& out) const;

 private:
  // Every cell's text is kept in one string, a cell a range of it with its display width measured
  // as it comes: a month's --uke report makes a few hundred thousand cells, and a string each (and
  // a vector a row) were a fifth of writing it (callgrind).
  struct Cell {
    std::uint32_t at;
    std::uint32_t size;
    std::uint32_t width;
  };
  struct Line {
    bool heading;
    std::uint32_t first;  // its cells: cells_[first, first + columns) for a row, one for a heading
  };
  template <class Cells>
  void add_row(const Cells& cells);
  Cell keep(std::string_view text);
  std::string_view text_of(const Cell& cell) const { return {text_.data() + cell.at, cell.size}; }

  std::vector<Align> columns_;
  std::string indent_;
  std::vector<Line> lines_;
  std::vector<Cell> cells_;
  std::string text_;
};

}  // namespace santei::output
