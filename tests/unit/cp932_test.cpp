// The CP932 (Windows-31J) codec of src/core/cp932.hpp: Microsoft's mapping of the SSK files
// (0x8160 → U+FF5E, not JIS's U+301C), half-width kana, invalid and truncated bytes, and an encode
// round trip of every character it decodes.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/cp932.hpp"

using namespace std::string_literals;
namespace cp932 = santei::cp932;

namespace {

// The UTF-8 of `bytes`, requiring that all of it decodes.
std::string decoded(std::string_view bytes) {
  std::string out;
  const std::size_t bad = cp932::decode_append(bytes, out);
  CAPTURE(bad);
  CHECK(bad == cp932::npos);
  return out;
}

std::string encoded(std::string_view utf8) {
  std::string out;
  const std::size_t bad = cp932::encode_append(utf8, out);
  CAPTURE(bad);
  CHECK(bad == cp932::npos);
  return out;
}

bool is_lead(int b) { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }
bool is_trail(int b) { return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC); }

}  // namespace

TEST_CASE("cp932: Microsoft's mapping — 0x8160 is U+FF5E ～ and 0x817C is U+FF0D －, not JIS's U+301C / U+2212") {
  CHECK(decoded("\x81\x60") == "\xEF\xBD\x9E");  // U+FF5E FULLWIDTH TILDE
  CHECK(decoded("\x81\x7C") == "\xEF\xBC\x8D");  // U+FF0D FULLWIDTH HYPHEN-MINUS
  CHECK(decoded("\x81\x5F") == "\xEF\xBC\xBC");  // U+FF3C FULLWIDTH REVERSE SOLIDUS
  CHECK(decoded("\x81\x61") == "\xE2\x88\xA5");  // U+2225 PARALLEL TO
  CHECK(decoded("\x81\x91") == "\xEF\xBF\xA0");  // U+FFE0 ￠
  CHECK(decoded("\x81\x92") == "\xEF\xBF\xA1");  // U+FFE1 ￡
  CHECK(decoded("\x81\xCA") == "\xEF\xBF\xA2");  // U+FFE2 ￢
  CHECK(decoded("\x87\x40") == "①");             // NEC special characters (row 13)
  CHECK(decoded("\xFA\x40") == "ⅰ");             // IBM extensions
  CHECK(decoded("\x88\x9F") == "亜");
  CHECK(decoded("\x8F\x89\x90\x66\x97\xbf") == "初診料");
  CHECK(decoded("\x5C\x7E") == "\\~");  // single bytes 0x5C and 0x7E stay ASCII
  CHECK(encoded("\xEF\xBD\x9E") == "\x81\x60");
  CHECK(encoded("\xEF\xBC\x8D") == "\x81\x7C");
  std::string out;
  CHECK(cp932::encode_append("\xE3\x80\x9C", out) == 0);  // U+301C WAVE DASH has no CP932 form
  CHECK(cp932::encode_append("\xE2\x88\x92", out) == 0);  // nor U+2212 MINUS SIGN
  CHECK(out.empty());
}

TEST_CASE("cp932: half-width kana 0xA1–0xDF are U+FF61–U+FF9F, one byte each") {
  CHECK(decoded("\xA1") == "\xEF\xBD\xA1");  // ｡ U+FF61
  CHECK(decoded("\xB1") == "ｱ");
  CHECK(decoded("\xDF") == "\xEF\xBE\x9F");  // ﾟ U+FF9F
  CHECK(decoded("\xBC\xAE\xBC\xDD\xD8\xAE\xB3") == "ｼｮｼﾝﾘｮｳ");
  CHECK(encoded("ｼｮｼﾝﾘｮｳ") == "\xBC\xAE\xBC\xDD\xD8\xAE\xB3");
  for (int b = 0xA1; b <= 0xDF; ++b) {
    const std::string byte(1, static_cast<char>(b));
    CAPTURE(b);
    CHECK(cp932::find_invalid(byte) == cp932::npos);
    CHECK(encoded(decoded(byte)) == byte);
  }
}

TEST_CASE("cp932: bytes that are not CP932 — 0x80, 0xA0, 0xFD–0xFF, undefined pairs, 外字 — give their offset") {
  struct Bad {
    std::string bytes;
    std::size_t offset;
  };
  const Bad cases[] = {
      {"ab\x80"s, 2},          {"\xA0"s, 0},           {"x\xFD"s, 1},           {"\xFE"s, 0},
      {"\xFF"s, 0},            {"\x81\xAD"s, 0},       {"\x85\x40"s, 0},        {"\xEB\x40"s, 0},
      {"\xF0\x40"s, 0},        {"\xF9\xFC"s, 0},       {"\x88\x9F\x81\x7F"s, 2}, {"\x81\xFD"s, 0},
      {"\x81\x20"s, 0},        {"\x88\x22"s, 0},       {"\x88\x2C"s, 0},        {"12345678\x80"s, 8},
  };
  for (const Bad& c : cases) {
    CAPTURE(c.offset);
    CHECK(cp932::find_invalid(c.bytes) == c.offset);
    std::string out = "prefix:";
    CHECK(cp932::decode_append(c.bytes, out) == c.offset);
    CHECK(out == "prefix:" + decoded(c.bytes.substr(0, c.offset)));  // only what came before
  }
}

TEST_CASE("cp932: a lead byte cut off at the end (truncated double-byte character) is invalid") {
  CHECK(cp932::find_invalid("\x88") == 0);
  CHECK(cp932::find_invalid("\x8F\x89\x90") == 2);  // 初 then half of 診
  std::string out;
  CHECK(cp932::decode_append("\x8F\x89\x90", out) == 2);
  CHECK(out == "初");
  CHECK(cp932::find_invalid("") == cp932::npos);
  CHECK(cp932::find_invalid("plain ASCII, longer than eight bytes") == cp932::npos);
}

TEST_CASE("cp932: every decodable character encodes back and decodes to itself (7,724 double-byte pairs)") {
  int decodable = 0;
  int same_bytes = 0;
  for (int lead = 0x81; lead <= 0xFC; ++lead) {
    if (!is_lead(lead)) continue;
    for (int trail = 0x40; trail <= 0xFC; ++trail) {
      if (!is_trail(trail)) continue;
      const std::string pair{static_cast<char>(lead), static_cast<char>(trail)};
      if (cp932::find_invalid(pair) != cp932::npos) continue;
      ++decodable;
      CAPTURE(lead);
      CAPTURE(trail);
      const std::string utf8 = decoded(pair);
      const std::string back = encoded(utf8);
      REQUIRE(back.size() == 2);
      CHECK(decoded(back) == utf8);
      if (back == pair) ++same_bytes;
    }
  }
  // JIS X 0208 plus NEC row 13 and the IBM extensions, without the 1,880 外字 (0xF040–0xF9FC).
  CHECK(decodable == 7724);
  // 398 characters have two byte forms (NEC-selected / IBM extensions, NEC row 13 duplicates of
  // row 2); the encoder picks one of them.
  CHECK(decodable - same_bytes == 398);
  for (int b = 0; b < 0x80; ++b) {
    const std::string byte(1, static_cast<char>(b));
    CHECK(encoded(decoded(byte)) == byte);
  }
}

TEST_CASE("cp932: the encoder prefers the JIS X 0208 row of a duplicated symbol (≒ 0x81E0, ∵ 0x81E6, ￢ 0x81CA)") {
  CHECK(encoded("≒") == "\x81\xE0");  // also 0x8790 in NEC row 13
  CHECK(encoded("∵") == "\x81\xE6");  // also 0x879A and 0xFA5B
  CHECK(encoded("￢") == "\x81\xCA");  // also 0xEEF9 and 0xFA54
  CHECK(encoded("Ⅰ") == "\x87\x54");  // NEC row 13 rather than 0xFA4A
}

TEST_CASE("cp932: malformed UTF-8 and characters without a CP932 form stop the encoder at their offset") {
  struct Bad {
    std::string text;
    std::size_t offset;
  };
  const Bad cases[] = {
      {"ab\x80"s, 2},              // a continuation byte alone
      {"\xC0\xAF"s, 0},            // overlong '/'
      {"\xE0\x80\xAF"s, 0},        // overlong
      {"a\xED\xA0\x80"s, 1},       // a UTF-16 surrogate
      {"\xE3\x81"s, 0},            // cut off
      {"\xF4\x90\x80\x80"s, 0},    // beyond U+10FFFF
      {"初\xF0\x9F\x98\x80"s, 3},  // an emoji: valid UTF-8, no CP932 form
      {"\xC2\xA0"s, 0},            // U+00A0 NO-BREAK SPACE: no CP932 form
  };
  for (const Bad& c : cases) {
    CAPTURE(c.offset);
    std::string out;
    CHECK(cp932::encode_append(c.text, out) == c.offset);
  }
  CHECK(cp932::find_invalid_utf8("初診料 ｼｮｼﾝ ～") == cp932::npos);
  CHECK(cp932::find_invalid_utf8("ab\x80"s) == 2);
  CHECK(cp932::find_invalid_utf8("\xC0\xAF"s) == 0);
  CHECK(cp932::find_invalid_utf8("a\xED\xA0\x80"s) == 1);
  CHECK(cp932::find_invalid_utf8("\xF0\x9F\x98\x80"s) == cp932::npos);  // valid UTF-8
}

TEST_CASE("find_invalid_utf8 in long texts (the vector validator's blocks): each bad sequence at each place") {
  // RFC 3629: a lone continuation byte, an overlong '/', a surrogate, beyond U+10FFFF, a cut-off
  // character, a byte that is never UTF-8.
  const std::string bad[] = {"\x80"s, "\xC0\xAF"s, "\xED\xA0\x80"s, "\xF4\x90\x80\x80"s, "\xE3\x81"s, "\xFF"s};
  const std::string kanji = "初診料";  // 9 bytes
  for (const std::string& b : bad) {
    for (std::size_t at = 0; at <= 130; at += 13) {
      std::string text;
      while (text.size() < at) text += text.size() % 2 == 0 ? kanji : "abc";
      const std::size_t offset = text.size();
      text += b;
      text += std::string(70, 'x');
      CAPTURE(offset);
      CHECK(cp932::find_invalid_utf8(text) == offset);
    }
  }
  std::string good;
  for (int i = 0; i < 40; ++i) good += kanji + "ｼｮｼﾝ\xF0\x9F\x98\x80 ";
  CHECK(cp932::find_invalid_utf8(good) == cp932::npos);
}
