// Display width (core/text_width.hpp): East Asian Width W and F take two columns, A and H one,
// combining marks none — the table a 明細書's columns are aligned by.
#include <doctest/doctest.h>

#include "core/text_width.hpp"

using santei::text::display_width;
using santei::text::pad_left;
using santei::text::pad_right;

TEST_CASE("display width: one row per kind of character, as UAX #11 and wcwidth have them") {
  struct Row {
    const char* text;
    std::size_t width;
    const char* why;
  };
  const Row rows[] = {
      {"", 0, "nothing"},
      {"291", 3, "ASCII digits (Na)"},
      {"初診料", 6, "漢字 (W)"},
      {"ひらがな", 8, "ひらがな (W)"},
      {"カタカナ", 8, "カタカナ (W)"},
      {"ｶﾀｶﾅ", 4, "half-width katakana (H)"},
      {"ＡＳＴ", 6, "fullwidth Latin (F), as in 160022510 ＡＳＴ"},
      {"（１）", 6, "fullwidth parentheses and digit (F)"},
      {"　", 2, "ideographic space U+3000 (F)"},
      {"、。「」", 8, "CJK punctuation (W)"},
      {"～", 2, "FULLWIDTH TILDE U+FF5E, CP932 0x8160 (F)"},
      {"￥", 2, "FULLWIDTH YEN SIGN U+FFE5 (F)"},
      {"γ－ＧＴ", 7, "GREEK γ is ambiguous (A): 1; － U+FF0D and ＧＴ are F"},
      {"×", 1, "MULTIPLICATION SIGN (A)"},
      {"→", 1, "RIGHTWARDS ARROW (A)"},
      {"Ⅰ", 1, "ROMAN NUMERAL ONE U+2160 (A), as in 生化学的検査(Ⅰ)"},
      {"①", 1, "CIRCLED DIGIT ONE (A)"},
      {"㈱", 2, "PARENTHESIZED IDEOGRAPH STOCK U+3231 (W)"},
      {"か\xE3\x82\x99", 2, "か + COMBINING 濁点 U+3099: the mark takes none"},
      {"e\xCC\x81", 1, "e + COMBINING ACUTE U+0301"},
      {"é", 1, "é precomposed U+00E9 (A)"},
      {"\xE2\x80\x8B", 0, "ZERO WIDTH SPACE U+200B"},
      {"𠮷", 2, "U+20BB7 (CJK extension B, W): four bytes"},
      {"😀", 2, "U+1F600 (W)"},
      {"\xFF", 1, "a byte that is not UTF-8 counts one"},
      {"\xE5\x88", 2, "a cut sequence: each byte one"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    CHECK(display_width(row.text) == row.width);
  }
}

TEST_CASE("padding counts columns, not bytes, and never cuts") {
  CHECK(pad_right("初診料", 10) == "初診料    ");
  CHECK(pad_left("291", 6) == "   291");
  CHECK(pad_left("２９１", 6) == "２９１");
  CHECK(pad_right("生化学的検査（１）判断料", 4) == "生化学的検査（１）判断料");
}
