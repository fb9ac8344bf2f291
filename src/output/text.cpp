#include "output/text.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/text_width.hpp"
#include "santei/result.hpp"

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

TextTable::Cell TextTable::keep(std::string_view text) {
  const Cell cell{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(text.size()),
                  static_cast<std::uint32_t>(text::display_width(text))};
  text_ += text;
  return cell;
}

template <class Cells>
void TextTable::add_row(const Cells& cells) {
  if (cells.size() > columns_.size()) {
    throw Exception(Status::internal_error, "TextTable::row: " + std::to_string(cells.size()) + " cells for " +
                                                std::to_string(columns_.size()) + " columns");
  }
  lines_.push_back({false, static_cast<std::uint32_t>(cells_.size())});
  for (const std::string_view cell : cells) cells_.push_back(keep(cell));
  for (std::size_t c = cells.size(); c < columns_.size(); ++c) cells_.push_back(Cell{0, 0, 0});
}

void TextTable::row(std::initializer_list<std::string_view> cells) { add_row(cells); }

void TextTable::row(std::span<const std::string> cells) { add_row(cells); }

void TextTable::heading(std::initializer_list<std::string_view> pieces) {
  const auto at = static_cast<std::uint32_t>(text_.size());
  for (const std::string_view piece : pieces) text_ += piece;
  lines_.push_back({true, static_cast<std::uint32_t>(cells_.size())});
  cells_.push_back(Cell{at, static_cast<std::uint32_t>(text_.size() - at), 0});
}

void TextTable::clear() {
  lines_.clear();
  cells_.clear();
  text_.clear();
}

void TextTable::render(std::string& out) const {
  std::vector<std::size_t> widths(columns_.size(), 0);
  for (const Line& line : lines_) {
    if (line.heading) continue;
    for (std::size_t c = 0; c < columns_.size(); ++c) widths[c] = std::max<std::size_t>(widths[c], cells_[line.first + c].width);
  }
  std::size_t padding = indent_.size() + 1;
  for (const std::size_t width : widths) padding += width + 2;
  out.reserve(out.size() + text_.size() + lines_.size() * padding);
  for (const Line& line : lines_) {
    const std::size_t start = out.size();
    if (line.heading) {
      out += text_of(cells_[line.first]);
    } else {
      out += indent_;
      bool first = true;
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (widths[c] == 0) continue;  // a column no row uses
        const Cell& cell = cells_[line.first + c];
        if (!first) out += "  ";
        first = false;
        const std::size_t pad = widths[c] - cell.width;
        if (columns_[c] == Align::right) out.append(pad, ' ');
        out += text_of(cell);
        if (columns_[c] == Align::left) out.append(pad, ' ');
      }
    }
    while (out.size() > start && out.back() == ' ') out.pop_back();
    out += '\n';
  }
}

}  // namespace santei::output
