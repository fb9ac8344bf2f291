// JSON text → json::Value, the two ways of json_tree.hpp's Parser. simdjson validates the UTF-8
// and the structure of the whole document at GB/s. The exact way (On-Demand) hands numbers over
// as their raw text, so a quantity such as 0.5 never passes through a double; the fast way (the
// DOM parser's tape) takes only whole numbers, which it can write again as they were written.
#include "claim/json_tree.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <limits>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>
#include <simdjson.h>

#include "core/cp932.hpp"
#include "core/same_text.hpp"
#include "output/json_writer.hpp"
#include "santei/result.hpp"

namespace santei::json {
namespace {

namespace od = simdjson::ondemand;

// The whitespace of JSON's grammar (RFC 8259 §2).
bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The member of `members` whose key is `key`, or nullptr: a lookup, and both ways' duplicate test.
const Member* find_member(std::span<const Member> members, std::string_view key) {
  for (const Member& member : members) {
    if (same_text(member.key, key)) return &member;
  }
  return nullptr;
}

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

// The deepest nesting of arrays and objects in `text` (strings skipped), to name a too-deep
// document as such even when it is also malformed.
std::size_t nesting(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// A failure while building the tree, with the byte where it happened when known.
struct BuildError {
  Status status;
  std::string message;
  const char* at = nullptr;
  simdjson::error_code code = simdjson::SUCCESS;
};

// The first control byte inside a string (strings are where RFC 8259 forbids them raw), or npos.
std::size_t raw_control_in_string(std::string_view text) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!in_string) {
      in_string = c == '"';
    } else if (c < 0x20) {
      return i;
    } else if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    }
  }
  return std::string_view::npos;
}

// RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool json_number(std::string_view t) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > start;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == t.size();
}

}  // namespace

class Builder {
 public:
  // `text_size`: the length of the text, which the parser iterates in `out`'s copy of it;
  // `unescaped`: room for every string of the text unescaped, plus simdjson's padding.
  Builder(const od::parser& parser, od::document& doc, std::size_t max_depth, Document& out, std::size_t text_size,
          std::uint8_t* unescaped)
      : parser_(parser),
        doc_(doc),
        max_depth_(max_depth),
        out_(out),
        text_end_(out.input_.data() + text_size),
        unescaped_(unescaped) {
    if (scratch_.members.size() < max_depth + 1) {
      scratch_.members.resize(max_depth + 1);
      scratch_.items.resize(max_depth + 1);
    }
  }

  // `result` into `into`, or a BuildError at the parser's position (else at `source`'s). Results
  // are read with get() into their destination: moving a simdjson_result out (value_unsafe) stored
  // it in halves and read it whole, a stall per value. Locations are asked for only when an error
  // names them: asking costs a lookup per value.
  template <class Result, class T, class V>
  void read(Result&& result, T& into, V& source) {
    if (const simdjson::error_code error = std::forward<Result>(result).get(into)) {
      const char* at = nullptr;
      if (doc_.current_location().get(at)) at = location(source);
      throw BuildError{Status::parse_error, simdjson::error_message(error), at, error};
    }
  }

  template <class V>
  void build(V& source, Value& out, std::size_t depth) {
    od::json_type type{};
    read(source.type(), type, source);
    switch (type) {
      case od::json_type::object: {
        if (depth >= max_depth_) throw BuildError{Status::limit_exceeded, fmt::format("nested deeper than {} levels", max_depth_), location(source)};
        out.type = Value::Type::object;
        od::object object;
        read(source.get_object(), object, source);
        std::vector<Member>& members = scratch_.members[depth];
        members.clear();
        for (auto field_result : object) {
          od::field field;
          read(std::move(field_result), field, source);
          const std::string_view key = text_of(field.key(), source);
          od::value value = field.value();
          if (find_member(members, key)) {
            throw BuildError{Status::parse_error, fmt::format("duplicate key \"{}\"", key), location(value)};
          }
          Member& member = members.emplace_back();
          member.key = key;
          build(value, member.value, depth + 1);
        }
        out.set_children_at(out_.members_.size(), members.size());
        out_.members_.insert(out_.members_.end(), members.begin(), members.end());
        break;
      }
      case od::json_type::array: {
        if (depth >= max_depth_) throw BuildError{Status::limit_exceeded, fmt::format("nested deeper than {} levels", max_depth_), location(source)};
        out.type = Value::Type::array;
        od::array array;
        read(source.get_array(), array, source);
        std::vector<Value>& items = scratch_.items[depth];
        items.clear();
        for (auto element_result : array) {
          od::value element;
          read(std::move(element_result), element, source);
          build(element, items.emplace_back(), depth + 1);
        }
        out.set_children_at(out_.items_.size(), items.size());
        out_.items_.insert(out_.items_.end(), items.begin(), items.end());
        break;
      }
      case od::json_type::number: {
        const std::string_view raw = token(source);
        if (!json_number(raw)) throw BuildError{Status::parse_error, fmt::format("'{}' is not a JSON number", raw), location(source)};
        out.type = Value::Type::number;
        out.set_text(raw);  // a view of the document's copy of the text
        break;
      }
      case od::json_type::string: {
        out.type = Value::Type::string;
        od::raw_json_string raw;
        read(source.get_raw_json_string(), raw, source);
        out.set_text(text_of(raw, source));
        break;
      }
      // Literals by their text, as numbers: a document's get_bool() and is_null() refuse one
      // followed by whitespace (by more than a few bytes of it, get_bool()).
      case od::json_type::boolean: {
        const std::string_view raw = token(source);
        if (raw != "true" && raw != "false") throw BuildError{Status::parse_error, "malformed literal", location(source)};
        out.type = Value::Type::boolean;
        out.boolean = raw == "true";
        break;
      }
      case od::json_type::null: {
        if (token(source) != "null") throw BuildError{Status::parse_error, "malformed literal", location(source)};
        out.type = Value::Type::null;
        break;
      }
    }
  }

 // Where the last number or literal read ends: reading its text does not move the parser past it.
  const char* token_end() const { return token_end_; }

 private:
  // The text of a number or a literal, without the whitespace after it.
  template <class V>
  std::string_view token(V& source) {
    std::string_view raw = source.raw_json_token();
    while (!raw.empty() && json_space(raw.back())) raw.remove_suffix(1);
    token_end_ = raw.data() + raw.size();
    return raw;
  }

  // A string's text: a view of its bytes in the document's copy of the text when it holds no
  // escape, as nearly every key and value of a claim does; else simdjson's unescaping, kept in the
  // document's texts. (perf: the call into the parser's implementation that unescaping makes for
  // each string was a third of the tree building; copying every string into the texts was 5 % of
  // a claim's parse, callgrind.) Stage 1 has already refused raw control characters and unclosed
  // strings; the scan stops at the text's end anyway.
  template <class V>
  std::string_view text_of(od::raw_json_string raw, V& source) {
    const char* const begin = raw.raw();
    const char* const end = string_end(begin);
    if (end < text_end_ && *end == '"') return {begin, static_cast<std::size_t>(end - begin)};
    std::string_view text;
    read(parser_.unescape(raw, unescaped_), text, source);
    return out_.keep(text);
  }

  // The first '"' or '\\' at or after `at`, or the text's end. 16 bytes a step with SSE2: the
  // byte-by-byte scan was a tenth of a claim's parse (callgrind). The text is followed by
  // simdjson's padding of zeros (SIMDJSON_PADDING ≥ 16 bytes), so a step that starts before its
  // end reads within the document's buffer.
  const char* string_end(const char* at) const {
#if defined(__SSE2__)
    static_assert(simdjson::SIMDJSON_PADDING >= 16);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; at < text_end_; at += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      const auto mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash))));
      if (mask != 0) return std::min(at + std::countr_zero(mask), text_end_);
    }
    return text_end_;
#else
    while (at < text_end_ && *at != '"' && *at != '\\') ++at;
    return at;
#endif
  }

  static const char* location(od::document& doc) {
    const char* at = nullptr;
    if (doc.current_location().get(at)) return nullptr;
    return at;
  }
  static const char* location(od::value& value) {
    const char* at = nullptr;
    if (value.current_location().get(at)) return nullptr;
    return at;
  }
  // An object's members (an array's elements) are gathered in the thread's vector for their depth
  // and then appended to the document's, where they lie side by side.
  struct Scratch {
    std::vector<std::vector<Member>> members;
    std::vector<std::vector<Value>> items;
  };
  static thread_local Scratch scratch_;

  const od::parser& parser_;
  od::document& doc_;
  std::size_t max_depth_;
  Document& out_;
  const char* text_end_;  // the end of the text in the document's copy, before the padding
  std::uint8_t* unescaped_;  // where the next unescaped string goes
  const char* token_end_ = nullptr;
};

thread_local Builder::Scratch Builder::scratch_;

namespace {

namespace dom = simdjson::dom;

// What the fast way leaves to the exact one (Parser).
struct NeedsExact {};

// Whether `text` may hold the number -0, which the tape gives as 0: a "-0" at the start or after
// ':', '[' or ','. One inside a string may match as well: that text then goes the exact way.
bool may_hold_minus_zero(std::string_view text) {
  for (std::size_t at = text.find("-0"); at != std::string_view::npos; at = text.find("-0", at + 2)) {
    std::size_t before = at;
    while (before > 0 && json_space(text[before - 1])) --before;
    if (before == 0 || text[before - 1] == ':' || text[before - 1] == '[' || text[before - 1] == ',') return true;
  }
  return false;
}

}  // namespace

// The tree of Parser::fast, read from the DOM parser's tape (simdjson's doc/tape.md; its own
// dump_raw_tape reads it so): a word a value, its type in the top byte. A container's word holds
// the index after its end and, in bits 32–55, its count (saturated at 0xFFFFFF); a string's, the
// offset in the string buffer of its 32-bit length and bytes; a whole number's value is the next
// word. (Read through dom::element, the tree cost more than the exact way's: 65 instructions a
// value, callgrind.)
//
// The document's arrays are given room for the whole tape first, so that nothing in them moves;
// containers are read breadth first, so that each one's children take the next slots side by side
// where they stay: every member and item is written once, in place (no gathering and copying, as
// the exact way's Builder does, and no pass to link children).
class TapeBuilder {
 public:
  // Parser::fast into `into`: `text` is followed by simdjson's padding where it lies (the document's
  // input_, or a PaddedText's). False: the text goes the exact way.
  static bool parse(std::string_view text, std::size_t max_depth, Document& into) {
    // The tape takes 8 bytes and more a byte of text, and a parser keeps the room of the largest
    // text it read: a thread's stays small, and a larger text (a claim of thousands of lines, read
    // once in a while) goes the exact way.
    constexpr std::size_t kLargestText = std::size_t{1} << 20;
    if (text.size() > kLargestText) return false;
    if (!into.tape_) into.tape_ = std::make_unique<dom::parser>();
    dom::parser& parser = *into.tape_;
    dom::element root;
    if (parser.parse(reinterpret_cast<const std::uint8_t*>(text.data()), text.size(), false).get(root)) {
      return false;
    }
    into.root_ = Value{};
    into.start_texts(text.size());
    // A member takes two words of the tape (its key's and its value's), an item or a container one
    // or more. Word 0 is the root's: it holds the index of the last. The arrays only grow: their
    // slots are overwritten, not made again, from text to text.
    const std::size_t words = parser.doc.tape[0] & kPayload;
    if (into.members_.size() < words / 2) into.members_.resize(words / 2);
    if (into.items_.size() < words) into.items_.resize(words);
    std::vector<Pending>& pending = thread_pending();
    if (pending.size() < words) pending.resize(words);
    try {
      TapeBuilder builder(into, parser.doc, max_depth, pending);
      builder.value(1, 0, into.root_);
      builder.containers();
      if (builder.zero_seen_ && may_hold_minus_zero(text)) return false;
    } catch (const NeedsExact&) {
      return false;
    }
    return true;
  }

 private:
  static constexpr std::uint64_t kPayload = (std::uint64_t{1} << 56) - 1;
  static constexpr std::size_t kSaturated = 0xFFFFFF;

  // A container met and not yet read.
  struct Pending {
    std::size_t at;  // its word
    Value* value;
    std::size_t depth;
  };

  TapeBuilder(Document& out, const dom::document& tape, std::size_t max_depth, std::vector<Pending>& pending)
      : pending_(pending), out_(out), tape_(tape.tape.get()), strings_(tape.string_buf.get()), max_depth_(max_depth) {}

  // The value whose word is tape_[at] into `out` (a container's children are read later, by
  // containers()); returns the index after it. Strings and containers, nearly every value of a
  // claim, are read here in line; the rest by scalar().
  [[gnu::always_inline]] std::size_t value(std::size_t at, std::size_t depth, Value& out) {
    const std::uint64_t word = tape_[at];
    const auto type = static_cast<char>(word >> 56);
    if (type == '"') {
      out.type = Value::Type::string;
      out.set_text(string(word));
      return at + 1;
    }
    if (type == '{' || type == '[') {
      if (depth >= max_depth_) throw NeedsExact{};
      out.type = type == '{' ? Value::Type::object : Value::Type::array;
      if (pending_used_ == pending_.size()) throw NeedsExact{};  // never: there is room for the tape
      pending_[pending_used_++] = {at, &out, depth};
      return static_cast<std::uint32_t>(word);
    }
    return scalar(at, out);
  }

  [[gnu::noinline]] std::size_t scalar(std::size_t at, Value& out) {
    const std::uint64_t word = tape_[at];
    switch (static_cast<char>(word >> 56)) {
      // A whole number of JSON's grammar is written in one way only, which std::to_chars gives
      // back; but for -0, which the tape holds as 0.
      case 'l': {
        std::int64_t number = 0;
        std::memcpy(&number, &tape_[at + 1], sizeof number);
        zero_seen_ = zero_seen_ || number == 0;
        out.type = Value::Type::number;
        out.set_text(number_text(number));
        return at + 2;
      }
      case 'u':
        out.type = Value::Type::number;
        out.set_text(number_text(tape_[at + 1]));
        return at + 2;
      case 't':
      case 'f':
        out.type = Value::Type::boolean;
        out.boolean = (word >> 56) == 't';
        return at + 1;
      case 'n':
        out.type = Value::Type::null;
        return at + 1;
      default:  // 'd': a number whose text is not on the tape
        throw NeedsExact{};
    }
  }

  // The children of every container, breadth first: those met on the way join the queue.
  void containers() {
    for (std::size_t p = 0; p < pending_used_; ++p) {
      const Pending container = pending_[p];
      const std::uint64_t word = tape_[container.at];
      const std::size_t count = (word >> 32) & kSaturated;
      if (count == kSaturated) throw NeedsExact{};
      std::size_t next = container.at + 1;
      if (container.value->type == Value::Type::object) {
        if (members_used_ + count > out_.members_.size()) throw NeedsExact{};  // never: there is room for the tape
        Member* const first = out_.members_.data() + members_used_;
        members_used_ += count;
        for (std::size_t k = 0; k < count; ++k) {
          const std::string_view key = string(tape_[next]);
          if (find_member({first, k}, key)) throw NeedsExact{};  // a duplicate: the exact way names it
          first[k].key = key;
          first[k].value = Value{};
          next = value(next + 1, container.depth + 1, first[k].value);
        }
        container.value->set_children(first, count);
      } else {
        if (items_used_ + count > out_.items_.size()) throw NeedsExact{};
        Value* const first = out_.items_.data() + items_used_;
        items_used_ += count;
        for (std::size_t k = 0; k < count; ++k) {
          first[k] = Value{};
          next = value(next, container.depth + 1, first[k]);
        }
        container.value->set_children(first, count);
      }
    }
  }

  // A string of the tape, unescaped, in the parser's string buffer.
  std::string_view string(std::uint64_t word) const {
    const std::uint8_t* const at = strings_ + (word & kPayload);
    std::uint32_t size = 0;
    std::memcpy(&size, at, sizeof size);
    return {reinterpret_cast<const char*>(at + sizeof size), size};
  }

  template <class Number>
  std::string_view number_text(Number number) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    return out_.keep({digits, static_cast<std::size_t>(end - digits)});
  }

  // The thread's queue, its memory kept from text to text. Not in line: in the shared library GCC
  // would call __tls_get_addr at each container rather than keep its address (callgrind).
  [[gnu::noinline]] static std::vector<Pending>& thread_pending() {
    thread_local std::vector<Pending> pending;
    return pending;
  }

  std::vector<Pending>& pending_;

  Document& out_;
  const std::uint64_t* tape_;
  const std::uint8_t* strings_;
  std::size_t max_depth_;
  bool zero_seen_ = false;
  // Slots taken so far in the document's members and items, and in the queue.
  std::size_t members_used_ = 0;
  std::size_t items_used_ = 0;
  std::size_t pending_used_ = 0;
};

Document::Document() = default;
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

void Document::link() {
  const auto view = [this](Value& value) {
    if (value.type == Value::Type::array) value.set_children(items_.data() + value.children_index(), value.size_);
    if (value.type == Value::Type::object) value.set_children(members_.data() + value.children_index(), value.size_);
  };
  view(root_);
  for (Value& item : items_) view(item);
  for (Member& member : members_) view(member.value);
}

void Document::start_texts(std::size_t input_size) {
  texts_.clear();
  texts_.reserve(input_size);
}

std::string_view Document::keep(std::string_view text) {
  const std::size_t at = texts_.size();
  texts_.insert(texts_.end(), text.begin(), text.end());
  return {texts_.data() + at, text.size()};
}

const Value* Value::find(std::string_view key) const {
  const Member* member = find_member(members(), key);
  return member ? &member->value : nullptr;
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

namespace {

void append_json(const Value& value, std::string& out) {
  switch (value.type) {
    case Value::Type::null: out += "null"; break;
    case Value::Type::boolean: out += value.boolean ? "true" : "false"; break;
    case Value::Type::number: out += value.text(); break;
    case Value::Type::string: output::append_json_string(out, value.text()); break;
    case Value::Type::array:
      out += '[';
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        if (i > 0) out += ',';
        append_json(value.items()[i], out);
      }
      out += ']';
      break;
    case Value::Type::object:
      out += '{';
      for (std::size_t i = 0; i < value.members().size(); ++i) {
        if (i > 0) out += ',';
        output::append_json_string(out, value.members()[i].key);
        out += ':';
        append_json(value.members()[i].value, out);
      }
      out += '}';
      break;
  }
}

}  // namespace

std::string to_json(const Value& value) {
  std::string out;
  append_json(value, out);
  return out;
}

void parse(std::string_view text, const std::string& source, std::size_t max_depth, Document& into, Parser how) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {  // a Value's text has a 32-bit length
    throw Exception(ErrorInfo{Status::limit_exceeded, source, 0, 0, {}, "a JSON text of 4 GiB or more"});
  }
  // The text copied into the document with the zero padding simdjson reads past its end.
  std::vector<char>& padded = into.input_;
  padded.assign(text.begin(), text.end());
  padded.resize(text.size() + simdjson::SIMDJSON_PADDING, '\0');
  if (how == Parser::fast && TapeBuilder::parse({padded.data(), text.size()}, max_depth, into)) return;

  thread_local od::parser parser;  // reuses its buffers across calls on a thread
  thread_local std::vector<std::uint8_t> unescaped;  // room for its strings unescaped (never longer than the text)
  if (unescaped.size() < padded.size()) unescaped.resize(padded.size());
  const auto fail = [&](Status status, std::string message, const char* at, simdjson::error_code code) -> Exception {
    // Looked for only once the parser failed: simdjson validates UTF-8 but does not say where.
    if (const std::size_t bad = status == Status::parse_error ? cp932::find_invalid_utf8(text) : cp932::npos;
        bad != cp932::npos) {
      const auto [line, column] = position(text, bad);
      return Exception(ErrorInfo{Status::encoding_error, source, line, column, {},
                                 fmt::format("not valid UTF-8 at byte {} (0x{:02x})", bad, static_cast<unsigned char>(text[bad]))});
    }
    if (status == Status::parse_error && nesting(text) > max_depth) {
      status = Status::limit_exceeded;
      message = fmt::format("nested deeper than {} levels", max_depth);
    }
    if (code == simdjson::UNESCAPED_CHARS) {
      if (const std::size_t raw = raw_control_in_string(text); raw != std::string_view::npos) {
        at = padded.data() + raw;
        message = fmt::format("control character U+{:04X} in a string must be escaped", static_cast<unsigned char>(text[raw]));
      }
    } else if (code == simdjson::EMPTY || code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
      at = padded.data() + text.size();  // the input ends too early: the error is at its end
      message = code == simdjson::EMPTY ? "no JSON value: the input is empty" : "the input ends inside an object or array";
    }
    std::int64_t line = 0;
    int column = 0;
    if (at && at >= padded.data() && at <= padded.data() + text.size()) {
      std::tie(line, column) = position(text, static_cast<std::size_t>(at - padded.data()));
    }
    return Exception(ErrorInfo{status, source, line, column, {}, std::move(message)});
  };
  od::document doc;
  if (const auto error = parser.iterate(padded.data(), text.size(), padded.size()).get(doc)) {
    throw fail(error == simdjson::DEPTH_ERROR ? Status::limit_exceeded : Status::parse_error,
               error == simdjson::DEPTH_ERROR ? fmt::format("nested deeper than {} levels", max_depth)
                                              : std::string(simdjson::error_message(error)),
               nullptr, error);
  }
  into.root_ = Value{};
  into.items_.clear();
  into.members_.clear();
  into.start_texts(text.size());
  try {
    Builder builder(parser, doc, max_depth, into, text.size(), unescaped.data());
    builder.build(doc, into.root_, 0);
    into.link();
    const char* after = nullptr;
    if (into.root_.is(Value::Type::number) || into.root_.is(Value::Type::boolean) || into.root_.is(Value::Type::null)) {
      after = builder.token_end();  // the parser is still at the value: what follows is looked at here
      const char* const end = padded.data() + text.size();
      while (after < end && json_space(*after)) ++after;
      if (after < end) throw BuildError{Status::parse_error, "text after the JSON value", after};
    } else if (!doc.current_location().get(after)) {  // in bounds: something follows the value
      throw BuildError{Status::parse_error, "text after the JSON value", after};
    }
  } catch (const BuildError& e) {
    throw fail(e.status, e.message, e.at, e.code);
  }
}

void parse(const PaddedText& text, const std::string& source, std::size_t max_depth, Document& into) {
  static_assert(PaddedText::kPadding >= simdjson::SIMDJSON_PADDING);
  if (TapeBuilder::parse(text.text(), max_depth, into)) return;
  parse(text.text(), source, max_depth, into, Parser::exact);
}

Document parse(std::string_view text, const std::string& source, std::size_t max_depth) {
  Document document;
  parse(text, source, max_depth, document);
  return document;
}

}  // namespace santei::json
