// A small streaming JSON writer: compact output, correct string escaping, no floating point.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

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

class JsonWriter {
 public:
  JsonWriter() = default;
  // Appends to `out` instead of its own string: a caller writing result after result into one
  // buffer keeps its capacity (str() and take() are then not for use). What is written reaches
  // `out` a buffer at a time, all of it once the writer is gone.
  explicit JsonWriter(std::string& out) : out_(out) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(Key name);
  template <KeyText S>
  JsonWriter& key(const S& name) {
    return text_key(name);
  }

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(Literal text);
  JsonWriter& value(Date date);  // "YYYY-MM-DD"
  // A number as a JSON string: codes ("111000110"), which santei.result/1 writes as strings.
  JsonWriter& quoted(std::uint64_t number);
  JsonWriter& null();
  // An exact decimal as a JSON string ("10.1"): consumers must not read it through a double.
  JsonWriter& value(Decimal number) { return value(number.to_string()); }
  // Already-serialised JSON, inserted as one value.
  JsonWriter& raw(std::string_view json);

  // A member: a literal key with a whole number or a short plain text is written as one piece.
  template <class T>
  JsonWriter& field(Key name, const T& v) {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      return number_field(name, static_cast<std::int64_t>(v));
    } else if constexpr (std::is_same_v<T, Literal>) {
      return literal_field(name, v);
    } else if constexpr (std::is_same_v<T, Date>) {
      return date_field(name, v);
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
      return text_field(name, std::string_view(v));
    } else {
      key(name);
      return value(v);
    }
  }
  template <KeyText S, class T>
  JsonWriter& field(const S& name, const T& v) {
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
  bool comma();  // whether the next value needs a ',' before it (and it is written now)
  JsonWriter& text_key(std::string_view name);
  JsonWriter& number_field(Key name, std::int64_t number);
  JsonWriter& text_field(Key name, std::string_view text);
  JsonWriter& literal_field(Key name, Literal text);
  JsonWriter& date_field(Key name, Date date);
  void separate();
  void string(std::string_view text);  // a quoted, escaped string after its separator
  void open(char bracket);             // '{' or '[' after its separator
  void close(char bracket);

  // Output is gathered here and appended to out_ a few KiB at a time: a value's separator, key,
  // quotes and text are written straight into it, not appended to a string piece by piece.
  static constexpr std::size_t kBuffer = 4096;
  // Room for `size` (at most kBuffer) more bytes; write them at the pointer, then commit().
  char* room(std::size_t size) {
    if (used_ + size > kBuffer) flush();
    return buffer_ + used_;
  }
  void commit(const char* end) { used_ = static_cast<std::size_t>(end - buffer_); }
  void put(char c) { *room(1) = c, ++used_; }
  void put(std::string_view text);
  void flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }

  std::string own_;
  std::string& out_ = own_;
  std::size_t used_ = 0;
  char buffer_[kBuffer];
  // Per open container, innermost in bit 0: whether an element has been written in it. Bits as a
  // stack of bools: a small_vector<bool>'s push_back was 5 % of writing a result (callgrind).
  static constexpr unsigned kMaxDepth = 64;
  std::uint64_t written_ = 0;
  unsigned depth_ = 0;
  bool after_key_ = false;
};

// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace santei::output
