// The width of text in a terminal's columns, for aligned tables of Japanese names (明細書).
//
// East Asian Width (Unicode UAX #11): Wide and Fullwidth characters (漢字, かな, カナ, Ｆｕｌｌ
// ｗｉｄｔｈ forms, the ideographic space) take two columns; half-width katakana (ｱ) and
// Ambiguous characters (×, α, →, ①: one column in glibc's wcwidth and most terminals) take one;
// combining marks (゙ U+3099, U+0301) and zero-width spaces take none. A byte that is not UTF-8
// counts one column. The ranges are the W/F blocks of Markus Kuhn's wcwidth; they agree with
// Unicode 14's EastAsianWidth on every character of the r06 SSK masters.
#pragma once

#include <cstddef>
#include <string_view>

namespace santei::text {

// Columns taken by one code point: 0, 1 or 2.
int code_point_width(char32_t c) noexcept;

// Columns taken by UTF-8 `utf8`.
std::size_t display_width(std::string_view utf8) noexcept;

}  // namespace santei::text
