#include "output/text.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/text_width.hpp"

namespace santei::output {

std::string grouped(std::int64_t n) {
  // Written from the last digit back, a comma before each third: one string made, not three
  // (a month's --uke text report groups hundreds of thousands of figures).
  std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  char text[32];
  char* at = text + sizeof text;
  for (int written = 0;; ++written) {
    if (written > 0 && written % 3 == 0) *--at = ',';
    *--at = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
    if (magnitude == 0) break;
  }
  if (n < 0) {
    static constexpr std::string_view kMinus = "−";  // U+2212
    at -= kMinus.size();
    std::memcpy(at, kMinus.data(), kMinus.size());
  }
  return std::string(at, text + sizeof text);
}

std::string signed_grouped(std::int64_t n) { return n > 0 ? "+" + grouped(n) : grouped(n); }

TextTable::TextTable(std::vector<Align> columns, std::string indent)
    : columns_(std::move(columns)), indent_(std::move(indent)) {}

void TextTable::row(std::vector<std::string> cells) {
  cells.resize(std::max(cells.size(), columns_.size()));
  lines_.push_back({false, std::move(cells)});
}

void TextTable::heading(std::string line) {
  // Moved in: a braced {std::move(line)} is an initializer_list, whose elements are copied (a
  // month's --uke text report, 36,561 headings: 570 instructions each, callgrind).
  Line& made = lines_.emplace_back();
  made.heading = true;
  made.cells.push_back(std::move(line));
}

void TextTable::render(std::string& out) const {
  // Each cell's width is measured once: for its column's width, then for its own padding (a
  // month's --uke report measured each twice and made each padded cell a string of its own).
  std::vector<std::size_t> cell_widths;
  cell_widths.reserve(lines_.size() * columns_.size());
  std::vector<std::size_t> widths(columns_.size(), 0);
  std::size_t bytes = 0;
  for (const Line& line : lines_) {
    if (line.heading) {
      bytes += line.cells.front().size() + 1;
      continue;
    }
    bytes += indent_.size() + 1;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const std::size_t width = text::display_width(line.cells[c]);
      cell_widths.push_back(width);
      widths[c] = std::max(widths[c], width);
      bytes += line.cells[c].size();
    }
  }
  std::size_t padding = 0;
  for (const std::size_t width : widths) padding += width + 2;
  out.reserve(out.size() + bytes + lines_.size() * padding);
  std::size_t cell = 0;
  for (const Line& line : lines_) {
    const std::size_t start = out.size();
    if (line.heading) {
      out += line.cells.front();
    } else {
      out += indent_;
      bool first = true;
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        const std::size_t width = cell_widths[cell++];
        if (widths[c] == 0) continue;  // a column no row uses
        if (!first) out += "  ";
        first = false;
        const std::size_t pad = width < widths[c] ? widths[c] - width : 0;
        if (columns_[c] == Align::right) out.append(pad, ' ');
        out += line.cells[c];
        if (columns_[c] == Align::left) out.append(pad, ' ');
      }
    }
    while (out.size() > start && out.back() == ' ') out.pop_back();
    out += '\n';
  }
}

}  // namespace santei::output
