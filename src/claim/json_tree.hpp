// A JSON document as a tree whose numbers keep their exact text (never a double), built with
// simdjson. Duplicate keys, depth beyond kMaxJsonDepth and malformed text are errors naming the
// line and column.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace simdjson::dom {
class parser;
}

namespace santei::json {

// How a text is read into a Document; both give the same tree or the same error.
// - `fast`: simdjson's DOM parser, whose stage 2 runs in the kernel made for the CPU (the On-Demand
//   front end is compiled for the build's target: generic x86-64), the tree made from its tape. A
//   text it refuses, a duplicate key, a depth past the limit, a number it cannot give back as
//   written (a fraction, an exponent, -0) or a text over 1 MiB goes the `exact` way.
// - `exact`: simdjson's On-Demand front end: every number's text as written, every error at its
//   line and column.
enum class Parser : unsigned char { fast, exact };

struct Member;

// A text with kPadding bytes readable after it, the bytes simdjson may read past a text's end
// (SIMDJSON_PADDING; what they hold does not matter): parsed where it lies. parse() of a plain view
// copies the text into the document first; the readers of a batch (santei price, regress) keep each
// claim so instead, and that copy on the pricing thread goes (1.75 % of `santei price -j 2`'s
// samples, perf: the line, written on the reading thread, was read from the other core's cache
// twice). A claim in bytes that go on after it (a mapped file's, a C ABI caller's) is not copied at
// all: the pricing thread reads it where the reading thread found it.
class PaddedText {
 public:
  static constexpr std::size_t kPadding = 64;
  PaddedText() { clear(); }
  // `text` copied, kPadding zero bytes after it.
  void assign(std::string_view text) {
    bytes_.assign(text);
    bytes_.append(kPadding, '\0');
    copied_ = true;
  }
  // `text` viewed where it lies if `whole` holds it and kPadding more bytes after it (`whole` then
  // outlives this); else copied.
  void assign(std::string_view text, std::string_view whole) {
    const auto at = reinterpret_cast<std::uintptr_t>(text.data());
    const auto first = reinterpret_cast<std::uintptr_t>(whole.data());
    if (at >= first && at - first + text.size() + kPadding <= whole.size()) {
      in_place_ = text;
      copied_ = false;
    } else {
      assign(text);
    }
  }
  void clear() { assign(std::string_view()); }
  std::string_view text() const { return copied_ ? std::string_view(bytes_.data(), bytes_.size() - kPadding) : in_place_; }
  std::size_t size() const { return text().size(); }

 private:
  std::string bytes_;  // a copied text, then its padding: never fewer than kPadding bytes
  std::string_view in_place_;
  bool copied_ = true;
};

// A value of a parsed Document: views into the document's memory, valid while it lives. 16 bytes:
// a value is one of a text, items or members, never two, so one pointer and one count hold any of
// them (three views made it 64 bytes, written whole for each value of a claim).
struct Value {
  enum class Type : unsigned char { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;

  // A string's value, or a number's exact text; empty for any other type.
  std::string_view text() const {
    return type == Type::string || type == Type::number ? std::string_view(static_cast<const char*>(data_), size_)
                                                        : std::string_view();
  }
  // An array's elements; empty for any other type.
  std::span<const Value> items() const {
    return type == Type::array ? std::span<const Value>(static_cast<const Value*>(data_), size_) : std::span<const Value>();
  }
  // An object's members, in document order; empty for any other type.
  std::span<const Member> members() const;

  const Value* find(std::string_view key) const;
  bool is(Type t) const { return type == t; }

  // A string viewing `text`, made outside a document (a test of a field reader with any bytes).
  static Value string(std::string_view text) {
    Value value;
    value.type = Type::string;
    value.set_text(text);
    return value;
  }

 private:
  friend class Builder;
  friend class TapeBuilder;
  friend class Document;
  void set_text(std::string_view text) {
    data_ = text.data();
    size_ = static_cast<std::uint32_t>(text.size());  // parse() refuses a text of 4 GiB or more
  }
  void set_children(const void* first, std::size_t count) {
    data_ = first;
    size_ = static_cast<std::uint32_t>(count);
  }
  // While the exact way builds the document its vectors still grow: a container's children are
  // first known by their index in them (data_ holds it), and viewed once the whole document is read.
  void set_children_at(std::size_t index, std::size_t count) {
    set_children(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(index)), count);
  }
  std::size_t children_index() const { return reinterpret_cast<std::uintptr_t>(data_); }
  std::uint32_t size_ = 0;
  const void* data_ = nullptr;
};

// A member of an object. (Not std::pair: a pair of the still incomplete Value does not compile
// with clang and libstdc++.)
struct Member {
  std::string_view key;
  Value value;
};

inline std::span<const Member> Value::members() const {
  return type == Type::object ? std::span<const Member>(static_cast<const Member*>(data_), size_)
                              : std::span<const Member>();
}

// A parsed JSON text: its values and members in two arrays, not a node allocated per value; its
// strings and numbers viewed in its own copy of the text. Moving it keeps its views valid; parsing
// into it again reuses its memory.
class Document {
 public:
  Document();
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  const Value& root() const { return root_; }

 private:
  friend class Builder;
  friend class TapeBuilder;
  friend void parse(std::string_view, const std::string&, std::size_t, Document&, Parser);
  Value root_;
  std::vector<Value> items_;
  std::vector<Member> members_;
  // The text with simdjson's zero padding. The exact way views its strings without escapes, keys
  // and numbers here; the fast way its strings and keys in the tape's parser.
  std::vector<char> input_;
  // The exact way's strings with escapes, unescaped; the fast way's whole numbers, written again
  // from the tape (never more bytes than the input).
  std::vector<char> texts_;
  std::unique_ptr<simdjson::dom::parser> tape_;

  // Once the whole document is read, containers view their children where they now lie.
  void link();
  // `text` copied into texts_, which are given room for the whole input first (`input_size`;
  // a text made from the input is never longer than it): views of them stay valid.
  void start_texts(std::size_t input_size);
  std::string_view keep(std::string_view text);
};

const char* type_name(Value::Type type);

// `value` as compact JSON text: members in their order, numbers as their exact text.
std::string to_json(const Value& value);

// Parses one JSON text into `into` (its earlier values are gone). `source` names it in errors
// ("<claim>", a file path, "stdin:12"). Throws santei::Exception: encoding_error (a byte that is
// not UTF-8, with its line and column), parse_error (syntax, duplicate key) or limit_exceeded (depth).
void parse(std::string_view text, const std::string& source, std::size_t max_depth, Document& into,
           Parser parser = Parser::fast);
// The same, the fast way reading `text` where it lies (the exact way copies it).
void parse(const PaddedText& text, const std::string& source, std::size_t max_depth, Document& into);
Document parse(std::string_view text, const std::string& source, std::size_t max_depth);

}  // namespace santei::json
