#include "output/json_writer.hpp"

#include <array>
#include <cstring>

#include <fmt/format.h>

#include "core/byte_lanes.hpp"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace santei::output {
namespace {

// Whether any of the 8 bytes of `word` needs an escape (a control byte, a quote or a backslash), tested
// a word at a time: almost all text of a result (codes, names, explanations) needs none.
bool needs_escape(std::uint64_t word) {
  return (byte_lanes::below(word, 0x20) | byte_lanes::equal(word, '"') | byte_lanes::equal(word, '\\')) != 0;
}

// The bytes a JSON string escapes (RFC 8259 §7): the control bytes, the quote and the backslash.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int c = 0; c < 0x20; ++c) escaped[c] = true;
  escaped['"'] = escaped['\\'] = true;
  return escaped;
}();

}  // namespace

bool plain_text(std::string_view text) {
  // A text of 0–7 bytes (a category, a revision, a 法別番号): byte by byte, each looked up, before
  // any setup of the longer texts' tests (most texts of a result are short).
  if (text.size() < 8) {
    for (const char c : text) {
      if (kEscaped[static_cast<unsigned char>(c)]) return false;
    }
    return true;
  }
  std::size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes at a time where the target has SSE2 (every x86-64): names and explanation steps are
  // mostly longer than a word (perf: this test was 4–6 % of pricing a file).
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, last_control), last_control);  // byte <= 0x1F
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
    if (_mm_movemask_epi8(_mm_or_si128(control, special)) != 0) return false;
  }
#endif
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (needs_escape(word)) return false;
  }
  if (i == text.size()) return true;
  // The last bytes: the word ending with them (bytes tested twice are harmless). A copy of a
  // variable length was a call into libc per text, a tenth of writing a result (callgrind).
  std::uint64_t last;
  std::memcpy(&last, text.data() + text.size() - 8, 8);
  return !needs_escape(last);
}

namespace {

void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the pending run of characters that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kEscaped[c]) continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

// Fewer than kQuotedDate bytes for a year outside 0–9999, which Date::iso() writes.
char* JsonWriter::put_new_date(char* at, Date date) {
  const std::chrono::year_month_day ymd = date.ymd();
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return put_quoted(at, date.iso());
  char* const start = at;
  *at++ = '"';
  at = put_two_digits(at, static_cast<unsigned>(year) / 100);
  at = put_two_digits(at, static_cast<unsigned>(year) % 100);
  *at++ = '-';
  at = put_two_digits(at, static_cast<unsigned>(ymd.month()));
  *at++ = '-';
  at = put_two_digits(at, static_cast<unsigned>(ymd.day()));
  *at++ = '"';
  std::memcpy(last_date_text_, start, kQuotedIsoDate);
  last_date_ = date;
  return at;
}

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  if (plain_text(text)) out.append(text);
  else append_escaped(out, text);
  out.push_back('"');
}

void JsonWriter::put(std::string_view text) {
  if (text.size() > kBuffer) {
    flush();
    out_.append(text);
    return;
  }
  commit(put_text(room(text.size()), text));
}

void JsonWriter::make_room() {
  flush();
  if (drain_ != nullptr && out_.size() >= kDrainAt) {
    (*drain_)(out_);
    out_.clear();
  }
}

JsonWriter& JsonWriter::text_key(std::string_view name) {
  string(name);
  put(':');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  string(text);
  return *this;
}

void JsonWriter::string(std::string_view text) {
  // A plain text that fits in the buffer goes into it with its comma and quotes (an explanation
  // step is longer than a short text: appended to the output on its own, each was a call that
  // grew the string).
  if (text.size() <= kLongestPlainString && plain_text(text)) {
    commit(put_quoted(separate(room(text.size() + 3)), text));
    return;
  }
  commit(separate(room(1)));
  flush();
  append_json_string(out_, text);
}

JsonWriter& JsonWriter::value(Decimal number) {  // digits, '-' and '.': nothing to escape
  return plain_string(Decimal::max_chars, [number](char* at) { return number.to_chars(at); });
}

JsonWriter& JsonWriter::null() {
  commit(put_text(separate(room(1 + 4)), "null"));
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  commit(separate(room(1)));
  put(json);
  return *this;
}

}  // namespace santei::output
