// CP932 (Windows-31J) ⇄ UTF-8, the encoding of every SSK master and UKE file.
//
// Decoding follows Microsoft's mapping (0x8160 → U+FF5E FULLWIDTH TILDE, 0x817C → U+FF0D),
// not JIS X 0208's (U+301C, U+2212), so names match other CP932-decoded data. The 外字 area
// and undefined bytes are invalid.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace santei::cp932 {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Offset of the first byte that is not valid CP932, or npos.
std::size_t find_invalid(std::string_view bytes) noexcept;

// Appends the UTF-8 form of `bytes` to `out`. Returns the offset of the first invalid byte
// (nothing is appended for it or after it) or npos when all was decoded.
std::size_t decode_append(std::string_view bytes, std::string& out);

// Appends the CP932 form of UTF-8 `text` to `out`. Returns the byte offset in `text` of the first
// character that is malformed UTF-8 or has no CP932 form, or npos.
std::size_t encode_append(std::string_view text, std::string& out);

// Offset of the first malformed UTF-8 sequence in `text` (overlongs and surrogates included), or npos.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

}  // namespace santei::cp932
