// A JSON document as a tree whose numbers keep their exact text (never a double), built with
// simdjson's On-Demand parser. Duplicate keys, depth beyond kMaxJsonDepth and malformed text
// are errors naming the line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace santei::json {

struct Member;

struct Value {
  enum class Type : unsigned char { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  std::string text;  // a string's value, or a number's exact text
  std::vector<Value> items;                            // array elements
  std::vector<Member> members;  // object members, in document order

  const Value* find(std::string_view key) const;
  bool is(Type t) const { return type == t; }
};

// A member of an object. (Not std::pair: a pair of the still incomplete Value does not compile
// with clang and libstdc++.)
struct Member {
  std::string key;
  Value value;
};

const char* type_name(Value::Type type);

// `value` as compact JSON text: members in their order, numbers as their exact text.
std::string to_json(const Value& value);

// Parses one JSON text. `source` names it in errors ("<claim>", a file path, "stdin:12").
// Throws santei::Exception: encoding_error (a byte that is not UTF-8, with its line and column),
// parse_error (syntax, duplicate key) or limit_exceeded (depth).
Value parse(std::string_view text, const std::string& source, std::size_t max_depth);

}  // namespace santei::json
