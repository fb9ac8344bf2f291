// Text for people: tables aligned by display width (Japanese names take two columns a character),
// and numbers grouped by thousands. Used by the text forms of santei price, price --uke and lookup.
#pragma once

#include <cstdint>
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
  void row(std::vector<std::string> cells);  // fewer cells than columns: the rest are empty
  void heading(std::string line);            // printed as it is, in its place among the rows
  void blank() { heading({}); }
  // Appended to `out` (a report's tables go one after another into one string): every line ends in
  // '\n', without trailing spaces.
  void render(std::string& out) const;

 private:
  struct Line {
    bool heading = false;
    std::vector<std::string> cells;
  };
  std::vector<Align> columns_;
  std::string indent_;
  std::vector<Line> lines_;
};

}  // namespace santei::output
