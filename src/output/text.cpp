#include "output/text.hpp"

#include <algorithm>

#include "core/text_width.hpp"

namespace santei::output {

std::string grouped(std::int64_t n) {
  const std::string digits = std::to_string(n < 0 ? -static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "−" + out : out;
}

std::string signed_grouped(std::int64_t n) { return n > 0 ? "+" + grouped(n) : grouped(n); }

TextTable::TextTable(std::vector<Align> columns, std::string indent)
    : columns_(std::move(columns)), indent_(std::move(indent)) {}

void TextTable::row(std::vector<std::string> cells) {
  cells.resize(std::max(cells.size(), columns_.size()));
  lines_.push_back({false, std::move(cells)});
}

void TextTable::heading(std::string line) { lines_.push_back({true, {std::move(line)}}); }

std::string TextTable::render() const {
  std::vector<std::size_t> widths(columns_.size(), 0);
  for (const Line& line : lines_) {
    if (line.heading) continue;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      widths[c] = std::max(widths[c], text::display_width(line.cells[c]));
    }
  }
  std::string out;
  for (const Line& line : lines_) {
    std::string text;
    if (line.heading) {
      text = line.cells.front();
    } else {
      text = indent_;
      bool first = true;
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (widths[c] == 0) continue;  // a column no row uses
        if (!first) text += "  ";
        first = false;
        text += columns_[c] == Align::left ? text::pad_right(line.cells[c], widths[c])
                                           : text::pad_left(line.cells[c], widths[c]);
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text;
    out += '\n';
  }
  return out;
}

}  // namespace santei::output
