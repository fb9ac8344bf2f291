#include "core/cp932.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <iterator>

#include <simdjson.h>

namespace santei::cp932 {
namespace {

#include "core/cp932_table.inc"

constexpr int kTrails = 188;
constexpr int kLeads = 60;
constexpr int kWideTrails = 192;  // trail bytes 0x40–0xFF, so a trail needs no range branch

// Row of each lead byte in the tables, -1 for a byte that is not a lead byte.
constexpr std::array<std::int8_t, 256> kLeadRow = [] {
  std::array<std::int8_t, 256> rows{};
  for (int b = 0; b < 256; ++b) {
    rows[static_cast<std::size_t>(b)] = static_cast<std::int8_t>(
        b >= 0x81 && b <= 0x9F ? b - 0x81 : (b >= 0xE0 && b <= 0xFC ? b - 0xE0 + 31 : -1));
  }
  return rows;
}();

// kCp932DoubleByte re-laid with a 192-wide trail dimension (0x7F and 0xFD–0xFF stay 0).
constexpr std::array<std::uint16_t, kLeads * kWideTrails> kWide = [] {
  std::array<std::uint16_t, kLeads * kWideTrails> wide{};
  for (int row = 0; row < kLeads; ++row) {
    for (int col = 0; col < kTrails; ++col) {
      const int trail = col < 63 ? 0x40 + col : 0x80 + (col - 63);
      wide[static_cast<std::size_t>(row * kWideTrails + trail - 0x40)] =
          kCp932DoubleByte[row * kTrails + col];
    }
  }
  return wide;
}();

// UTF-16 code unit of a double-byte pair, 0 if the pair is not CP932.
inline std::uint16_t double_byte(unsigned char lead, unsigned char trail) noexcept {
  const int row = kLeadRow[lead];
  if (row < 0 || trail < 0x40) return 0;
  return kWide[static_cast<std::size_t>(row * kWideTrails + (trail - 0x40))];
}

bool is_lead(unsigned char b) noexcept { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }

// Writes the UTF-8 of a BMP code point at `p`; returns the position after it.
char* put_utf8(char32_t cp, char* p) {
  if (cp < 0x80) {
    *p++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *p++ = static_cast<char>(0xC0 | (cp >> 6));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *p++ = static_cast<char>(0xE0 | (cp >> 12));
    *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return p;
}

// Length of the leading run of ASCII bytes, eight at a time (most master bytes are ASCII).
std::size_t ascii_prefix(std::string_view bytes, std::size_t from) noexcept {
  std::size_t i = from;
  while (i + 8 <= bytes.size()) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
  return i;
}

// Decodes one UTF-8 character at text[i]; returns its length (0 if malformed).
std::size_t utf8_char(std::string_view text, std::size_t i, char32_t& cp) noexcept {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    length = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::size_t find_invalid(std::string_view bytes) noexcept {
  for (std::size_t i = ascii_prefix(bytes, 0); i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      i = ascii_prefix(bytes, i) - 1;
      continue;
    }
    if (b >= 0xA1 && b <= 0xDF) continue;
    if (!is_lead(b) || i + 1 >= bytes.size() ||
        double_byte(b, static_cast<unsigned char>(bytes[i + 1])) == 0) {
      return i;
    }
    ++i;
  }
  return npos;
}

std::size_t decode_append(std::string_view bytes, std::string& out) {
  thread_local std::string scratch;
  if (scratch.size() < bytes.size() * 3) scratch.resize(bytes.size() * 3);  // 半角カナ: 1 byte → 3
  char* const begin = scratch.data();
  char* p = begin;
  std::size_t result = npos;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      *p++ = static_cast<char>(b);
    } else if (b >= 0xA1 && b <= 0xDF) {
      p = put_utf8(0xFF61 + (b - 0xA1), p);  // 半角カナ
    } else {
      const std::uint16_t cp =
          i + 1 < bytes.size() ? double_byte(b, static_cast<unsigned char>(bytes[i + 1])) : 0;
      if (cp == 0) {
        result = i;
        break;
      }
      p = put_utf8(cp, p);
      ++i;
    }
  }
  out.append(begin, static_cast<std::size_t>(p - begin));
  return result;
}

std::size_t encode_append(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t length = utf8_char(text, i, cp);
    if (length == 0) return i;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp >= 0xFF61 && cp <= 0xFF9F) {
      out.push_back(static_cast<char>(0xA1 + (cp - 0xFF61)));
    } else {
      const auto* begin = std::begin(kCp932Encode);
      const auto* end = std::end(kCp932Encode);
      const auto* hit = std::lower_bound(begin, end, static_cast<std::uint32_t>(cp),
                                         [](const std::uint32_t(&entry)[2], std::uint32_t key) {
                                           return entry[0] < key;
                                         });
      if (hit == end || (*hit)[0] != cp) return i;
      out.push_back(static_cast<char>((*hit)[1] >> 8));
      out.push_back(static_cast<char>((*hit)[1] & 0xFF));
    }
    i += length;
  }
  return npos;
}

std::size_t find_invalid_utf8(std::string_view text) noexcept {
  // simdjson's validator (SIMD, chosen for the CPU at run time) says whether; the loop below, where.
  // Both are RFC 3629's UTF-8: no overlong forms, surrogates or code points beyond U+10FFFF.
  if (simdjson::validate_utf8(text.data(), text.size())) return npos;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t length = utf8_char(text, i, cp);
    if (length == 0) return i;
    i += length;
  }
  return npos;
}

}  // namespace santei::cp932
