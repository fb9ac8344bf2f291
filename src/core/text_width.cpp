#include "core/text_width.hpp"

#include <cstdint>
#include <cstring>

#include "core/byte_lanes.hpp"

namespace santei::text {
namespace {

struct Range {
  char32_t first, last;
};

constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F},    // combining diacritical marks
    {0x200B, 0x200F},    // zero-width space, joiners, direction marks
    {0x20D0, 0x20FF},    // combining marks for symbols
    {0x3099, 0x309A},    // combining 濁点・半濁点
    {0xFE00, 0xFE0F},    // variation selectors
    {0xFE20, 0xFE2F},    // combining half marks
    {0xE0100, 0xE01EF},  // variation selectors supplement (異体字)
};

constexpr Range kWide[] = {
    {0x1100, 0x115F},    // Hangul Jamo initials
    {0x2329, 0x232A},    // angle brackets
    {0x2E80, 0x303E},    // CJK radicals, 漢文 marks, CJK symbols and punctuation (、。「」　)
    {0x3040, 0xA4CF},    // ひらがな, カタカナ, CJK strokes, ㈱ ㍻, CJK ideographs, Yi
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small forms
    {0xFF00, 0xFF60},    // fullwidth forms (Ａ１（）～)
    {0xFFE0, 0xFFE6},    // fullwidth signs (￥ ￠)
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x20000, 0x2FFFD},  // CJK extension B onwards
    {0x30000, 0x3FFFD},  // CJK extension G onwards
};

template <std::size_t N>
bool in(const Range (&ranges)[N], char32_t c) noexcept {
  for (const Range& r : ranges) {
    if (c < r.first) return false;  // sorted
    if (c <= r.last) return true;
  }
  return false;
}

// The code point at `text[i]` and its length in bytes; a malformed sequence is one byte, U+FFFD.
char32_t decode(std::string_view text, std::size_t i, std::size_t& length) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  length = 1;
  if (lead < 0x80) return lead;
  const std::size_t n = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > text.size()) return 0xFFFD;
  char32_t c = lead & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  length = n;
  return c;
}

}  // namespace

int code_point_width(char32_t c) noexcept {
  if (c < 0x300) return 1;
  if (c >= 0x3100 && c <= 0xA4CF) return 2;  // 漢字 and the like, most of a report's wide text: no search
  if (in(kZeroWidth, c)) return 0;
  return in(kWide, c) ? 2 : 1;
}

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  for (std::size_t i = 0, length = 0; i < utf8.size(); i += length) {
    if (i + 8 <= utf8.size()) {  // eight ASCII bytes (figures, codes) at a time
      std::uint64_t word = 0;
      std::memcpy(&word, utf8.data() + i, sizeof word);
      if ((word & byte_lanes::kHighs) == 0) {
        width += 8;
        length = 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // ASCII, most of a table's bytes: one column each
      ++width;
      length = 1;
      continue;
    }
    const char32_t c = decode(utf8, i, length);
    width += length == 1 && c == 0xFFFD ? 1 : static_cast<std::size_t>(code_point_width(c));
  }
  return width;
}

}  // namespace santei::text
