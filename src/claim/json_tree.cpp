#include "claim/json_tree.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/cp932.hpp"
#include "santei/result.hpp"

namespace santei::json {
namespace {

// Line and column (1-based) of a byte offset.
std::pair<std::int64_t, int> position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::int64_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(offset - line_start) + 1};
}

// The text as nlohmann's lexer reads it, remembering how far it got: an error the tree builder
// raises (a duplicate key, the depth) stops the parser without a position of its own.
class ReadingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  ReadingIterator(const char* at, const char** furthest) : at_(at), furthest_(furthest) {}
  reference operator*() const { return *at_; }
  ReadingIterator& operator++() {
    if (++at_ > *furthest_) *furthest_ = at_;
    return *this;
  }
  ReadingIterator operator++(int) {
    ReadingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const ReadingIterator& other) const { return at_ == other.at_; }

 private:
  const char* at_;
  const char** furthest_;
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit TreeBuilder(std::size_t max_depth) : max_depth_(max_depth) {}

  bool null() override { return put(Value{}); }
  bool boolean(bool v) override {
    Value value;
    value.type = Value::Type::boolean;
    value.boolean = v;
    return put(std::move(value));
  }
  bool number_integer(number_integer_t v) override { return number(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& raw) override { return number(raw); }
  bool string(string_t& v) override {
    Value value;
    value.type = Value::Type::string;
    value.text = std::move(v);
    return put(std::move(value));
  }
  bool binary(binary_t&) override { return fail("binary values are not JSON"); }
  bool start_object(std::size_t) override { return open(Value::Type::object); }
  bool key(string_t& k) override {
    Value& object = *stack_.back();
    for (const auto& member : object.members) {
      if (member.key == k) return fail(fmt::format("duplicate key \"{}\"", k));
    }
    object.members.push_back(Member{std::move(k), Value{}});
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(Value::Type::array); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    error_position_ = position;
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …" → the reason.
    if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    error_ = what;
    return false;
  }

  Value root;
  std::string error_;
  std::size_t error_position_ = 0;
  bool limit_hit_ = false;

 private:
  bool number(std::string text) {
    Value value;
    value.type = Value::Type::number;
    value.text = std::move(text);
    return put(std::move(value));
  }
  Value* slot() {
    if (stack_.empty()) return &root;
    Value& parent = *stack_.back();
    if (parent.type == Value::Type::array) {
      parent.items.emplace_back();
      return &parent.items.back();
    }
    return &parent.members.back().value;
  }
  bool put(Value value) {
    *slot() = std::move(value);
    return true;
  }
  bool open(Value::Type type) {
    if (stack_.size() >= max_depth_) {
      limit_hit_ = true;
      return fail(fmt::format("nested deeper than {} levels", max_depth_));
    }
    Value* target = slot();
    target->type = type;
    stack_.push_back(target);
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  std::size_t max_depth_;
  std::vector<Value*> stack_;
};

}  // namespace

const Value* Value::find(std::string_view key) const {
  for (const auto& member : members) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

const char* type_name(Value::Type type) {
  switch (type) {
    case Value::Type::null: return "null";
    case Value::Type::boolean: return "a boolean";
    case Value::Type::number: return "a number";
    case Value::Type::string: return "a string";
    case Value::Type::array: return "an array";
    case Value::Type::object: return "an object";
  }
  return "?";
}

Value parse(std::string_view text, const std::string& source, std::size_t max_depth) {
  // Checked before parsing so that the error names the byte (and is the same for every caller).
  if (const std::size_t bad = cp932::find_invalid_utf8(text); bad != cp932::npos) {
    const auto [line, column] = position(text, bad);
    throw Exception(ErrorInfo{Status::encoding_error, source, line, column, {},
                              fmt::format("not valid UTF-8 at byte {} (0x{:02x})", bad, static_cast<unsigned char>(text[bad]))});
  }
  TreeBuilder builder(max_depth);
  const char* reached = text.data();
  const bool ok = nlohmann::json::sax_parse(ReadingIterator(text.data(), &reached),
                                            ReadingIterator(text.data() + text.size(), &reached), &builder,
                                            nlohmann::json::input_format_t::json, /*strict=*/true);
  if (!ok) {
    // The builder stopped early (duplicate key, depth): locate by the byte the parser reached,
    // the end of the key or the bracket.
    if (builder.error_position_ == 0) builder.error_position_ = static_cast<std::size_t>(reached - text.data());
    const auto [line, column] = position(text, builder.error_position_);
    throw Exception(ErrorInfo{builder.limit_hit_ ? Status::limit_exceeded : Status::parse_error, source,
                              builder.error_position_ ? line : 0, builder.error_position_ ? column : 0, {},
                              builder.error_.empty() ? "malformed JSON" : builder.error_});
  }
  return std::move(builder.root);
}

}  // namespace santei::json
