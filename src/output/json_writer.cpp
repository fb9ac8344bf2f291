#include "output/json_writer.hpp"

#include <charconv>
#include <cstring>
#include <iterator>

#include <fmt/format.h>

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
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (needs_escape(word)) return false;
  }
  std::uint64_t tail = kOnes * 'a';  // the last bytes, the rest of the word a letter
  std::memcpy(&tail, text.data() + i, text.size() - i);
  return !needs_escape(tail);
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

// A short piece of output (separator, quotes, a key or number) put together on the stack and
// appended at once: one append per value instead of one per character.
class Piece {
 public:
  static constexpr std::size_t kText = 64;  // longest text a piece takes; longer goes the slow way
  void put(char c) { buffer_[size_++] = c; }
  void put(std::string_view text) {
    std::memcpy(buffer_ + size_, text.data(), text.size());
    size_ += text.size();
  }
  template <class Number>
  void put_number(Number number) {
    size_ = static_cast<std::size_t>(std::to_chars(buffer_ + size_, buffer_ + sizeof buffer_, number).ptr - buffer_);
  }
  void append_to(std::string& out) const { out.append(buffer_, size_); }

 private:
  // A comma, a quoted key and its colon, then a quoted text or a number of at most 20 digits.
  char buffer_[1 + Key::kLongest + 3 + kText + 2];
  std::size_t size_ = 0;
};

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  if (plain(text)) out.append(text);
  else append_escaped(out, text);
  out.push_back('"');
}

bool JsonWriter::comma() {
  if (after_key_) {
    after_key_ = false;
    return false;
  }
  if (first_.empty()) return false;
  const bool comma = !first_.back();
  first_.back() = false;
  return comma;
}

void JsonWriter::separate() {
  if (comma()) out_.push_back(',');
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::text_key(std::string_view name) {
  string(name);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

namespace {

// The start of a member in a piece: its separator, its quoted key and the colon.
void put_key(Piece& piece, bool comma, Key name) {
  if (comma) piece.put(',');
  piece.put('"');
  piece.put(name.name());
  piece.put('"');
  piece.put(':');
}

}  // namespace

JsonWriter& JsonWriter::key(Key name) {
  Piece piece;
  put_key(piece, comma(), name);
  piece.append_to(out_);
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::number_field(Key name, std::int64_t number) {
  Piece piece;
  put_key(piece, comma(), name);
  piece.put_number(number);
  piece.append_to(out_);
  return *this;
}

JsonWriter& JsonWriter::text_field(Key name, std::string_view text) {
  if (text.size() > Piece::kText || !plain(text)) {
    key(name);
    return value(text);
  }
  Piece piece;
  put_key(piece, comma(), name);
  piece.put('"');
  piece.put(text);
  piece.put('"');
  piece.append_to(out_);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  string(text);
  return *this;
}

void JsonWriter::string(std::string_view text) {
  if (text.size() <= Piece::kText && plain(text)) {
    Piece piece;
    if (comma()) piece.put(',');
    piece.put('"');
    piece.put(text);
    piece.put('"');
    piece.append_to(out_);
    return;
  }
  separate();
  append_json_string(out_, text);
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  Piece piece;
  if (comma()) piece.put(',');
  piece.put_number(number);
  piece.append_to(out_);
  return *this;
}

JsonWriter& JsonWriter::quoted(std::uint64_t number) {
  Piece piece;
  if (comma()) piece.put(',');
  piece.put('"');
  piece.put_number(number);
  piece.put('"');
  piece.append_to(out_);
  return *this;
}

JsonWriter& JsonWriter::value(Date date) {
  Piece piece;
  if (comma()) piece.put(',');
  piece.put('"');
  piece.put(date.iso());  // 10 characters: no allocation
  piece.put('"');
  piece.append_to(out_);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

}  // namespace santei::output
