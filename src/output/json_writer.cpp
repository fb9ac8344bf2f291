#include "output/json_writer.hpp"

#include <charconv>
#include <cstring>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace santei::output {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101u;
constexpr std::uint64_t kHighs = 0x8080808080808080u;

// Whether any of the 8 bytes of `word` needs an escape (a control byte, a quote or a backslash), tested
// a word at a time: almost all text of a result (codes, names, explanations) needs none.
bool needs_escape(std::uint64_t word) {
  const auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  return (below_space | zero_byte(word ^ (kOnes * '"')) | zero_byte(word ^ (kOnes * '\\'))) != 0;
}

// Whether `text` can be written between quotes as it is.
bool plain(std::string_view text) {
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
  // The last bytes: the word ending with them when the text has one (bytes tested twice are
  // harmless), else byte by byte. A copy of a variable length was a call into libc per text, a
  // tenth of writing a result (callgrind).
  if (text.size() >= 8) {
    std::uint64_t last;
    std::memcpy(&last, text.data() + text.size() - 8, 8);
    return !needs_escape(last);
  }
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') return false;
  }
  return true;
}

void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the pending run of characters that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
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

// The longest text written straight into the buffer with its quotes; longer goes the slow way.
constexpr std::size_t kShortText = 64;
// A comma, a quoted key and its colon; then a quoted short text or a number of at most 20 digits.
constexpr std::size_t kMember = 1 + Key::kLongest + 3 + kShortText + 2;

// (A copy in line, in overlapping words, costs more instructions than glibc's memcpy: callgrind.)
char* put_text(char* at, std::string_view text) {
  std::memcpy(at, text.data(), text.size());
  return at + text.size();
}

// The start of a member: its separator, its quoted key and the colon.
char* put_key(char* at, bool comma, Key name) {
  if (comma) *at++ = ',';
  *at++ = '"';
  at = put_text(at, name.text());
  *at++ = '"';
  *at++ = ':';
  return at;
}

char* put_quoted(char* at, std::string_view text) {
  *at++ = '"';
  at = put_text(at, text);
  *at++ = '"';
  return at;
}

// "00" "01" … "99": a number's digits two at a time.
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

char* put_pair(char* at, unsigned pair) {
  std::memcpy(at, kDigitPairs + 2 * pair, 2);
  return at + 2;
}

// A whole number's digits. A master code has nine (111000110): a digit and four pairs, without
// measuring the number's length first as std::to_chars does.
char* put_number(char* at, std::uint64_t number) {
  if (number >= 100000000 && number < 1000000000) {
    auto n = static_cast<std::uint32_t>(number);
    *at++ = static_cast<char>('0' + n / 100000000);
    n %= 100000000;
    at = put_pair(at, n / 1000000);
    at = put_pair(at, n / 10000 % 100);
    at = put_pair(at, n / 100 % 100);
    return put_pair(at, n % 100);
  }
  return std::to_chars(at, at + 20, number).ptr;
}

// A date quoted as "YYYY-MM-DD": 12 bytes; fewer than kQuotedDate for a year outside 0–9999,
// which Date::iso() writes.
char* put_date(char* at, Date date) {
  const std::chrono::year_month_day ymd = date.ymd();
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return put_quoted(at, date.iso());
  *at++ = '"';
  at = put_pair(at, static_cast<unsigned>(year) / 100);
  at = put_pair(at, static_cast<unsigned>(year) % 100);
  *at++ = '-';
  at = put_pair(at, static_cast<unsigned>(ymd.month()));
  *at++ = '-';
  at = put_pair(at, static_cast<unsigned>(ymd.day()));
  *at++ = '"';
  return at;
}
constexpr std::size_t kQuotedDate = 24;

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  if (plain(text)) out.append(text);
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

bool JsonWriter::comma() {
  if (after_key_) {
    after_key_ = false;
    return false;
  }
  const bool comma = (written_ & 1) != 0;
  written_ |= depth_ != 0;  // at the top level values are not separated
  return comma;
}

void JsonWriter::separate() {
  if (comma()) put(',');
}

void JsonWriter::open(char bracket) {
  if (depth_ == kMaxDepth) throw std::length_error(fmt::format("JsonWriter: nested deeper than {} levels", kMaxDepth));
  separate();
  put(bracket);
  written_ <<= 1;
  ++depth_;
}

void JsonWriter::close(char bracket) {
  put(bracket);
  written_ >>= 1;
  --depth_;
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::text_key(std::string_view name) {
  string(name);
  put(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(Key name) {
  commit(put_key(room(kMember), comma(), name));
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::number_field(Key name, std::int64_t number) {
  char* at = put_key(room(kMember), comma(), name);
  commit(std::to_chars(at, at + 20, number).ptr);
  return *this;
}

JsonWriter& JsonWriter::text_field(Key name, std::string_view text) {
  if (text.size() > kShortText || !plain(text)) {
    key(name);
    return value(text);
  }
  commit(put_quoted(put_key(room(kMember), comma(), name), text));
  return *this;
}

JsonWriter& JsonWriter::literal_field(Key name, Literal text) {
  commit(put_quoted(put_key(room(kMember), comma(), name), text.text()));
  return *this;
}

JsonWriter& JsonWriter::date_field(Key name, Date date) {
  commit(put_date(put_key(room(kMember), comma(), name), date));
  return *this;
}

JsonWriter& JsonWriter::value(Literal text) {
  char* at = room(1 + Literal::kLongest + 2);
  if (comma()) *at++ = ',';
  commit(put_quoted(at, text.text()));
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
  if (text.size() + 3 <= kBuffer && plain(text)) {
    char* at = room(text.size() + 3);
    if (comma()) *at++ = ',';
    commit(put_quoted(at, text));
    return;
  }
  separate();
  flush();
  append_json_string(out_, text);
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  char* at = room(1 + 20);
  if (comma()) *at++ = ',';
  commit(std::to_chars(at, at + 20, number).ptr);
  return *this;
}

JsonWriter& JsonWriter::quoted(std::uint64_t number) {
  char* at = room(1 + 22);
  if (comma()) *at++ = ',';
  *at++ = '"';
  at = put_number(at, number);
  *at++ = '"';
  commit(at);
  return *this;
}

JsonWriter& JsonWriter::value(Date date) {
  char* at = room(1 + kQuotedDate);
  if (comma()) *at++ = ',';
  commit(put_date(at, date));
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  put(flag ? std::string_view("true") : std::string_view("false"));
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  put(std::string_view("null"));
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  put(json);
  return *this;
}

}  // namespace santei::output
