// A small streaming JSON writer: compact output, correct string escaping, no floating point.
#pragma once

#include <concepts>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>

#include "output/put_at.hpp"
#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei::output {

// A text as santei's source spells it (a key such as "total_points", a kind such as "procedure"):
// checked when santei is compiled to need no escape and to be short, so that it is copied as it
// is, in one piece with its key or value.
class Literal {
 public:
  static constexpr std::size_t kLongest = 40;
  template <std::size_t N>
  consteval Literal(const char (&text)[N]) : text_(text, N - 1) {  // NOLINT: implicit, for literals
    if (text_.size() > kLongest) throw "a literal longer than Literal::kLongest";
    for (const char c : text_) {
      if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') throw "a literal that needs an escape";
    }
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};
using Key = Literal;  // a member's key

// A key made at run time (a 診療識別, a reason's name): escaped as any text.
template <class S>
concept KeyText = std::same_as<S, std::string> || std::same_as<S, std::string_view>;

// Whether `text` can be written between quotes as it is: no byte of it needs an escape.
bool plain_text(std::string_view text);

class JsonWriter {
 public:
  JsonWriter() = default;
  // Appends to `out` instead of its own string: a caller writing result after result into one
  // buffer keeps its capacity (str() and take() are then not for use). What is written reaches
  // `out` a buffer at a time, all of it once the writer is gone.
  explicit JsonWriter(std::string& out) : out_(out) {}
  // The same, handing `out` to `drain` and emptying it whenever it holds kDrainAt bytes or more
  // (a month's --uke report is tens of MB that need not be held whole): what is left when the
  // writer is gone is the caller's to hand over. An exception from `drain` leaves the writer
  // between values: it is only to be destroyed.
  static constexpr std::size_t kDrainAt = std::size_t{1} << 20;
  JsonWriter(std::string& out, const std::function<void(std::string_view)>& drain) : out_(out), drain_(&drain) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  [[gnu::always_inline]] JsonWriter& begin_object() {
    open('{');
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& end_object() {
    close('}');
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& begin_array() {
    open('[');
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& end_array() {
    close(']');
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& key(Key name) {
    commit(member(name));
    need_comma_ = false;  // the value follows the colon
    return *this;
  }
  template <KeyText S>
  JsonWriter& key(const S& name) {
    return text_key(name);
  }

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  [[gnu::always_inline]] JsonWriter& value(std::int64_t number) {
    commit(put_number(separate(room(1 + 20)), number));
    return *this;
  }
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  [[gnu::always_inline]] JsonWriter& value(bool flag) {
    commit(put_bool(separate(room(1 + 5)), flag));
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& value(Literal text) {
    commit(put_quoted(separate(room(1 + Literal::kLongest + 2)), text.text()));
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& value(Date date) {  // "YYYY-MM-DD"
    commit(put_date(separate(room(1 + kQuotedDate)), date));
    return *this;
  }
  // A string whose text `write(char* at) -> char*` puts at `at`: at most `most` bytes (at most
  // kLongestPlainString), none of which JSON escapes — the caller has made sure. Written in place,
  // not made first and then tested and copied (an explanation step, output/explain.cpp).
  static constexpr std::size_t kLongestPlainString = 4096 - 3;
  template <class Write>
  [[gnu::always_inline]] JsonWriter& plain_string(std::size_t most, Write&& write) {
    char* at = separate(room(most + 3));
    *at++ = '"';
    at = write(at);
    *at++ = '"';
    commit(at);
    return *this;
  }
  // A number as a JSON string: codes ("111000110"), which santei.result/1 writes as strings.
  [[gnu::always_inline]] JsonWriter& quoted(std::uint64_t number) {
    if (number - kFirstCode <= kLastCode - kFirstCode) return code(static_cast<std::uint32_t>(number));
    return plain_string(20, [number](char* at) { return put_code(at, number); });
  }
  // A code as a UKE file writes it, nine digits with leading zeros (put_nine_digits).
  [[gnu::always_inline]] JsonWriter& nine_digits(std::uint64_t number) {
    if (number - kFirstCode <= kLastCode - kFirstCode) return code(static_cast<std::uint32_t>(number));
    return plain_string(20, [number](char* at) { return put_nine_digits(at, number); });
  }
  JsonWriter& null();
  // An exact decimal as a JSON string ("10.1"): consumers must not read it through a double.
  JsonWriter& value(Decimal number);
  // Already-serialised JSON, inserted as one value.
  JsonWriter& raw(std::string_view json);

  // A member: a literal key with a whole number or a short plain text is written as one piece.
  template <class T>
  [[gnu::always_inline]] JsonWriter& field(Key name, const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      commit(put_bool(member(name), v));
      return *this;
    } else if constexpr (std::is_integral_v<T>) {
      return number_field(name, static_cast<std::int64_t>(v));
    } else if constexpr (std::is_same_v<T, Literal>) {
      return literal_field(name, v);
    } else if constexpr (std::is_same_v<T, Date>) {
      return date_field(name, v);
    } else if constexpr (std::is_same_v<T, CategoryDigits>) {
      commit(v.put_quoted(member(name)));
      return *this;
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
      return text_field(name, std::string_view(v));
    } else {
      key(name);
      return value(v);
    }
  }
  template <KeyText S, class T>
  [[gnu::always_inline]] JsonWriter& field(const S& name, const T& v) {
    text_key(name);
    return value(v);
  }

  const std::string& str() {
    flush();
    return out_;
  }
  std::string take() {
    flush();
    return std::move(out_);
  }

 private:
  JsonWriter& text_key(std::string_view name);
  // A short plain text is written in one piece with its key; any other goes the way of value().
  [[gnu::always_inline]] JsonWriter& text_field(Key name, std::string_view text) {
    if (text.size() <= kShortText && plain_text(text)) {
      commit(put_quoted(member(name), text));
      return *this;
    }
    key(name);
    return value(text);
  }
  void string(std::string_view text);  // a quoted, escaped string after its separator
  void put(std::string_view text);

  // The writes of a result's members, elements and brackets are in line (always_inline: GCC's -O2
  // kept them calls): a key or literal is then copied with its size known when santei is compiled,
  // in a few moves instead of a call into memcpy. Out of line they were most of a result's writing
  // (callgrind).

  // The separator the next value needs, written at `at`: a ',' but before the first value in a
  // container, and none between values at the top level.
  [[gnu::always_inline]] char* separate(char* at) {
    *at = ',';
    at += static_cast<int>(need_comma_);
    need_comma_ = depth_ != 0;
    return at;
  }
  // true or false: five bytes written either way (a size known when santei is compiled, not a call
  // into memcpy), the pointer after the word returned.
  [[gnu::always_inline]] static char* put_bool(char* at, bool flag) {
    std::memcpy(at, flag ? "true " : "false", 5);
    return at + 5 - static_cast<int>(flag);
  }
  [[gnu::always_inline]] static char* put_quoted(char* at, std::string_view text) {
    *at++ = '"';
    at = put_text(at, text);
    *at++ = '"';
    return at;
  }
  // A member's start: its separator, its quoted key and the colon. The next value is separated
  // from this member: a field writes its value at the pointer returned; key() says otherwise.
  [[gnu::always_inline]] char* member(Key name) {
    char* at = put_quoted(separate(room(kMember)), name.text());
    *at++ = ':';
    return at;
  }
  [[gnu::always_inline]] JsonWriter& number_field(Key name, std::int64_t number) {
    commit(put_number(member(name), number));
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& literal_field(Key name, Literal text) {
    commit(put_quoted(member(name), text.text()));
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& date_field(Key name, Date date) {
    commit(put_date(member(name), date));
    return *this;
  }
  [[gnu::always_inline]] void open(char bracket) {
    char* at = separate(room(2));
    *at++ = bracket;
    commit(at);
    ++depth_;
    need_comma_ = false;
  }
  [[gnu::always_inline]] void close(char bracket) {
    put(bracket);
    --depth_;
    need_comma_ = depth_ != 0;
  }

  // A master code of nine digits (both ways of writing one agree on them), quoted. A result or a
  // report writes the same few codes again and again (a line's in its "codes" and its "items", a
  // month's 再診料 in most receipts): the texts of the last ones are kept, a slot a code by its
  // hash, and copied; put_code made each one (about 40 instructions, callgrind).
  static constexpr std::uint64_t kFirstCode = 100000000;
  static constexpr std::uint64_t kLastCode = 999999999;
  static constexpr std::size_t kKeptCodes = 256;
  [[gnu::always_inline]] JsonWriter& code(std::uint32_t number) {
    const std::size_t slot = (number * 0x9E3779B1u) >> 24;
    if (kept_codes_[slot] != number) {
      put_code(kept_code_texts_[slot], number);
      kept_codes_[slot] = number;
    }
    char* at = separate(room(1 + 2 + sizeof kept_code_texts_[0]));
    *at = '"';
    std::memcpy(at + 1, kept_code_texts_[slot], sizeof kept_code_texts_[0]);  // nine digits and what follows
    at[10] = '"';
    commit(at + 11);
    return *this;
  }

  // Quoted "YYYY-MM-DD", as Date::iso(). A result writes the same few dates again and again (each
  // line's, the copayment's days): the last one's text is kept and copied, not made again from the
  // calendar (about 86 instructions a date, callgrind).
  [[gnu::always_inline]] char* put_date(char* at, Date date) {
    if (date != last_date_) return put_new_date(at, date);
    std::memcpy(at, last_date_text_, kQuotedIsoDate);
    return at + kQuotedIsoDate;
  }
  char* put_new_date(char* at, Date date);

  // A comma, a quoted key and its colon; then a quoted short text or a number of at most 20 digits.
  static constexpr std::size_t kShortText = 64;  // the longest text written in one piece with its key
  static constexpr std::size_t kMember = 1 + Key::kLongest + 3 + kShortText + 2;
  static constexpr std::size_t kQuotedDate = 24;  // a date of any year Date::iso() writes, quoted
  static constexpr std::size_t kQuotedIsoDate = 12;  // "YYYY-MM-DD" of a year 0–9999, quoted

  // Output is gathered here and appended to out_ a few KiB at a time: a value's separator, key,
  // quotes and text are written straight into it, not appended to a string piece by piece.
  static constexpr std::size_t kBuffer = kLongestPlainString + 3;
  // Room for `size` (at most kBuffer) more bytes; write them at the pointer, then commit().
  [[gnu::always_inline]] char* room(std::size_t size) {
    if (static_cast<std::size_t>(buffer_ + kBuffer - at_) < size) make_room();
    return at_;
  }
  void make_room();  // flush(), then the drain when it is due
  void commit(char* end) { at_ = end; }
  [[gnu::always_inline]] void put(char c) { *room(1) = c, ++at_; }
  void flush() {
    out_.append(buffer_, static_cast<std::size_t>(at_ - buffer_));
    at_ = buffer_;
  }

  std::string own_;
  std::string& out_ = own_;
  const std::function<void(std::string_view)>* drain_ = nullptr;
  char buffer_[kBuffer];
  char* at_ = buffer_;  // where the next byte goes (the writer is neither copied nor moved)
  unsigned depth_ = 0;       // containers open
  bool need_comma_ = false;  // whether the next value is separated from one before it
  // The last date of a year 0–9999 written, and its quoted text; before any, Date{}'s.
  Date last_date_;
  char last_date_text_[kQuotedIsoDate] = {'"', '1', '9', '7', '0', '-', '0', '1', '-', '0', '1', '"'};
  // The codes whose texts are kept (0: none, never a code of nine digits), and those texts.
  std::uint32_t kept_codes_[kKeptCodes] = {};
  char kept_code_texts_[kKeptCodes][16];
};

// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace santei::output
