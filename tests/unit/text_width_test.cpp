// Display width (core/text_width.hpp): East Asian Width W and F take two columns, A and H one,
// combining marks none — the table a 明細書's columns are aligned by.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/text_width.hpp"
#include "output/text.hpp"

using santei::text::display_width;

TEST_CASE("display width: one row per kind of character, as UAX #11 and wcwidth have them") {
  struct Row {
    const char* text;
    std::size_t width;
    const char* why;
  };
  const Row rows[] = {
      {"", 0, "nothing"},
      {"291", 3, "ASCII digits (Na)"},
      {"111000110", 9, "a code: eight ASCII bytes read as one word, then the ninth"},
      {"12,345,678点 × 1", 16, "eight ASCII bytes, then a wide one (W), then Na and A"},
      {"初診料 1234567890123456", 23, "wide, then sixteen ASCII bytes in two words"},
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

// output/text.hpp, TextTable: cells padded by their display width, as a 明細書's columns are.
TEST_CASE("a table pads by columns, not bytes, left and right, never cuts a cell, and drops trailing spaces, its own only") {
  using santei::output::Align;
  santei::output::TextTable table({Align::left, Align::right}, "");
  table.row({"初診料", "291"});
  table.row({"生化学的検査（１）判断料", "２９１"});  // 24 and 6 columns: the widest of each
  table.heading("  a heading widens nothing");
  table.row({"291"});
  table.row({"", "7"});
  // Appended to what the string holds, whose trailing space is not the table's to drop.
  std::string out = "before ";
  table.render(out);
  CHECK(out == "before 初診料" + std::string(18 + 2 + 3, ' ') + "291\n"
               "生化学的検査（１）判断料  ２９１\n"
               "  a heading widens nothing\n"
               "291\n" +
               std::string(24 + 2 + 5, ' ') + "7\n");
}

// A month's --uke report reuses one table for every receipt: emptied, nothing of the last receipt's
// rows stays, neither their lines nor their widths.
TEST_CASE("a table emptied by clear() renders only its new rows, at their own widths; a heading given in pieces is joined") {
  using santei::output::Align;
  santei::output::TextTable table({Align::right, Align::left});
  table.row({"112007410", "再診料（診療所）"});
  table.heading({"        ", "算定漏れ", ": ", "外来管理加算"});
  std::string first;
  table.render(first);
  CHECK(first == "  112007410  再診料（診療所）\n        算定漏れ: 外来管理加算\n");
  table.clear();
  table.row({"7", "x"});
  std::string second;
  table.render(second);
  CHECK(second == "  7  x\n");
}

TEST_CASE("a table row of more cells than columns is refused as santei's bug, not cut") {
  using santei::output::Align;
  santei::output::TextTable table({Align::left});
  CHECK_THROWS_WITH_AS(table.row({"a", "b"}), doctest::Contains("TextTable::row: 2 cells for 1 columns"), santei::Exception);
  const std::vector<std::string> cells{"a", "b", "c"};
  CHECK_THROWS_AS(table.row(cells), santei::Exception);
}

// output/text.hpp, grouped(): thousands separated by commas, a negative number with U+2212.
TEST_CASE("grouped figures: 0 to 19 digits, both signs, the ends of 64 bits") {
  using santei::output::grouped;
  CHECK(grouped(0) == "0");
  CHECK(grouped(7) == "7");
  CHECK(grouped(999) == "999");
  CHECK(grouped(1000) == "1,000");
  CHECK(grouped(173103) == "173,103");
  CHECK(grouped(1234567) == "1,234,567");
  CHECK(grouped(-1) == "−1");
  CHECK(grouped(-1234) == "−1,234");
  CHECK(grouped(-123456) == "−123,456");
  CHECK(grouped(std::numeric_limits<std::int64_t>::max()) == "9,223,372,036,854,775,807");
  CHECK(grouped(std::numeric_limits<std::int64_t>::min()) == "−9,223,372,036,854,775,808");
  CHECK(santei::output::signed_grouped(1234) == "+1,234");
  CHECK(santei::output::signed_grouped(0) == "0");
}
