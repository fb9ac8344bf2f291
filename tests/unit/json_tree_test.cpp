// The JSON document every claim, household and lookup is read through: values, members and texts
// kept in the document's own arrays (views into them stay valid when the document is moved or
// when a value's children were appended after its siblings'), a document parsed into again, and
// the line and column of errors found deep inside it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "claim/fields.hpp"
#include "claim/json_tree.hpp"
#include "core/same_text.hpp"
#include "santei/result.hpp"
#include "support.hpp"

using santei::json::Document;
using santei::json::Parser;
using santei::json::Value;
using Type = santei::json::Value::Type;

namespace {

// An object of `n` members, each an array of objects with escaped strings and exact numbers, so
// that the document's arrays grow (and move) many times while it is built.
std::string nested(int n) {
  std::string out = "{";
  for (int i = 0; i < n; ++i) {
    if (i > 0) out += ',';
    out += "\"k" + std::to_string(i) + "\":[{\"text\":\"a\\\"b\\\\c\\u00e9" + std::to_string(i) +
           "\",\"n\":0." + std::to_string(i) + "0},[" + std::to_string(i) + ",true,null]]";
  }
  return out + "}";
}

void check_nested(const Value& root, int n) {
  REQUIRE(root.is(Type::object));
  REQUIRE(root.members().size() == static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const std::string index = std::to_string(i);
    CAPTURE(i);
    const Value* member = root.find("k" + index);
    REQUIRE(member != nullptr);
    REQUIRE(member->items().size() == 2);
    const Value& object = member->items()[0];
    CHECK(object.find("text")->text() == "a\"b\\c\u00e9" + index);
    CHECK(object.find("n")->text() == "0." + index + "0");  // the number's own text, never a double
    const Value& array = member->items()[1];
    REQUIRE(array.items().size() == 3);
    CHECK(array.items()[0].text() == index);
    CHECK(array.items()[1].boolean);
    CHECK(array.items()[2].is(Type::null));
  }
}

}  // namespace

TEST_CASE("a document of 1–300 members of nested arrays and objects: every value, escaped text and number where it was") {
  for (int n : {1, 2, 17, 300}) {
    CAPTURE(n);
    check_nested(santei::json::parse(nested(n), "<test>", 64).root(), n);
  }
}

TEST_CASE("a document moved, and a document parsed into again, keep their views valid") {
  std::vector<Document> documents;
  for (int n = 1; n <= 40; ++n) documents.push_back(santei::json::parse(nested(n), "<test>", 64));  // moves as it grows
  for (int n = 1; n <= 40; ++n) check_nested(documents[static_cast<std::size_t>(n - 1)].root(), n);

  Document reused;
  for (int n : {300, 1, 50, 2}) {  // larger, then smaller, then larger again than the last
    santei::json::parse(nested(n), "<test>", 64, reused);
    check_nested(reused.root(), n);
  }
  santei::json::parse(R"(["only"])", "<test>", 64, reused);
  REQUIRE(reused.root().items().size() == 1);
  CHECK(reused.root().items()[0].text() == "only");
}

TEST_CASE("errors deep inside a document name their line and column; a document that failed is parsed into again") {
  Document document;
  const auto error = [&](const std::string& text) {
    try {
      santei::json::parse(text, "<test>", 8, document);
    } catch (const santei::Exception& e) {
      return e.info();
    }
    FAIL("parsed: " << text);
    return santei::ErrorInfo{};
  };
  const santei::ErrorInfo duplicate = error("{\"a\":[{\"b\":1,\n  \"b\":2}]}");
  CHECK(duplicate.status == santei::Status::parse_error);
  CHECK(duplicate.line == 2);
  CHECK(duplicate.column == 7);  // at the repeated key's value
  CHECK(duplicate.message == "duplicate key \"b\"");

  const santei::ErrorInfo deep = error("[[[[[[[[[1]]]]]]]]]");
  CHECK(deep.status == santei::Status::limit_exceeded);
  CHECK(deep.message == "nested deeper than 8 levels");

  const santei::ErrorInfo number = error("{\"a\":\n[1, 01]}");
  CHECK(number.status == santei::Status::parse_error);
  CHECK(number.line == 2);
  CHECK(number.column == 5);

  santei::json::parse(nested(3), "<test>", 64, document);
  check_nested(document.root(), 3);
}

TEST_CASE("a claim path names every segment of a deep field, its keys quoted where they are not plain names") {
  using santei::claim::Path;
  const Path root = "visits";
  const Path visit = root.at(0);
  const Path orders = santei::claim::join(visit, "orders");
  const Path order = santei::claim::index(orders, 12);
  const Path items = order.key("items");
  const Path item = items.at(4294967295u);  // the largest index a segment holds
  CHECK(item.key("quantity").str() == "visits[0].orders[12].items[4294967295].quantity");
  CHECK(order.key("add)tions").str() == "visits[0].orders[12][\"add)tions\"]");
  const Path none;  // no root: the path starts at its first key
  const Path patient = none.key("patient");
  CHECK(patient.key("").str() == "patient[\"\"]");
  CHECK(Path("(claim)").str() == "(claim)");
}

// Keys and strings without an escape are taken as they stand in the text; those with one are
// unescaped (json_tree.cpp, text_of). Both ways must give the same keys and texts.
// A claim's texts are tested for control bytes a word at a time (core/control_bytes.hpp), the last
// word overlapping the one before: each byte value at each offset of texts of 1–20 bytes.
TEST_CASE("a text field refuses each control byte (U+0000–U+001F, U+007F) at every offset of 1–20 bytes, and no other byte") {
  for (std::size_t length = 1; length <= 20; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int c = 0; c < 256; ++c) {
        std::string text(length, 'a');
        text[at] = static_cast<char>(c);
        const santei::json::Value value = santei::json::Value::string(text);
        CAPTURE(length);
        CAPTURE(at);
        CAPTURE(c);
        if (c < 0x20 || c == 0x7F) {
          try {
            (void)santei::claim::text(value, "id");
            FAIL("control byte not refused");
          } catch (const santei::Exception& e) {
            CHECK(e.info().field == "id");
            CHECK(e.info().message == fmt::format("control character U+{:04X} at byte {} of the text", c, at));
          }
        } else {
          CHECK(santei::claim::text(value, "id") == text);
        }
      }
    }
  }
}

TEST_CASE("escaped and plain keys and strings read alike; an escaped key repeating a plain one is a duplicate") {
  const Document document = santei::json::parse(
      R"({"vis\u0069ts":"a","plain":"b\u0063d","k\"q":"\\","t":"\u65e5\u672c","last":"x"})", "<test>", 8);
  const Value& root = document.root();
  REQUIRE(root.members().size() == 5);
  const auto text = [&](std::string_view key) {
    const Value* value = root.find(key);
    REQUIRE_MESSAGE(value != nullptr, "no key " << key);
    return value->text();
  };
  CHECK(text("visits") == "a");
  CHECK(text("plain") == "bcd");
  CHECK(text("k\"q") == "\\");
  CHECK(text("t") == "\u65e5\u672c");  // 日本, from its escapes
  CHECK(text("last") == "x");

  try {
    santei::json::parse(R"({"a":1,"\u0061":2})", "<test>", 8);
    FAIL("a key repeated through an escape was not refused");
  } catch (const santei::Exception& e) {
    CHECK(e.info().message == "duplicate key \"a\"");
  }
  for (const char* bad : {R"({"a\q":1})", R"({"a":"b\q"})"}) {
    CAPTURE(bad);
    try {
      santei::json::parse(bad, "<test>", 8);
      FAIL("a bad escape was not refused");
    } catch (const santei::Exception& e) {
      CHECK(e.info().status == santei::Status::parse_error);
      CHECK(e.info().line == 1);
    }
  }
}

// A string's end is found 16 bytes a step (json_tree.cpp, string_end): a quote or a backslash at
// every offset of the step, and strings ending at every distance from the end of the text.
TEST_CASE("strings of 0–40 bytes, plain or with an escape at every offset, read whole as keys and as values") {
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string plain;
    for (std::size_t i = 0; i < length; ++i) plain += static_cast<char>('a' + i % 26);
    std::vector<std::pair<std::string, std::string>> cases{{plain, plain}};  // as written, as read
    for (std::size_t at = 0; at < length; ++at) {
      for (const auto& [escape, meaning] : {std::pair<std::string, std::string>{"\\\"", "\""}, {"\\\\", "\\"}}) {
        cases.emplace_back(plain.substr(0, at) + escape + plain.substr(at), plain.substr(0, at) + meaning + plain.substr(at));
      }
    }
    for (const auto& written_read : cases) {
      const std::string& written = written_read.first;  // not a structured binding: clang 14's CAPTURE cannot take one
      const std::string& read = written_read.second;
      CAPTURE(written);
      for (const Parser way : {Parser::fast, Parser::exact}) {
        CAPTURE(static_cast<int>(way));
        Document value, key, last;
        santei::json::parse("[\"" + written + "\"]", "<test>", 8, value, way);
        REQUIRE(value.root().items().size() == 1);
        CHECK(value.root().items()[0].text() == read);
        santei::json::parse("{\"" + written + "\":1}", "<test>", 8, key, way);
        REQUIRE(key.root().members().size() == 1);
        CHECK(key.root().members()[0].key == read);
        santei::json::parse("\"" + written + "\"", "<test>", 8, last, way);  // the text ends with it
        CHECK(last.root().text() == read);
      }
    }
  }
}

// Keys are compared as words (core/same_text.hpp, same_text): keys of 0–20 bytes that differ in one byte,
// at each offset, are two keys; the same bytes are a duplicate.
TEST_CASE("keys of 0–20 bytes differing in one byte at any offset are distinct; the same key twice is a duplicate") {
  for (std::size_t length = 0; length <= 20; ++length) {
    const std::string key(length, 'k');
    for (std::size_t at = 0; at < length; ++at) {
      std::string other = key;
      other[at] = 'j';
      CAPTURE(other);
      CHECK_FALSE(santei::same_text(key, other));
      const Document document = santei::json::parse("{\"" + key + "\":1,\"" + other + "\":2}", "<test>", 8);
      REQUIRE(document.root().find(other) != nullptr);
      CHECK(document.root().find(other)->text() == "2");
      CHECK(document.root().find(key)->text() == "1");
    }
    CHECK(santei::same_text(key, std::string(length, 'k')));
    CHECK_FALSE(santei::same_text(key, key + "k"));
    try {
      santei::json::parse("{\"" + key + "\":1,\"" + key + "\":2}", "<test>", 8);
      FAIL("a repeated key of " << length << " bytes was not refused");
    } catch (const santei::Exception& e) {
      CHECK(e.info().message == "duplicate key \"" + key + "\"");
    }
  }
}

namespace {

// What a way of parsing makes of `text`: the tree as compact JSON (which spells every value's type
// and every number's text), or the error as santei reports it.
std::string read(const std::string& text, Parser way, std::size_t max_depth = 8) {
  try {
    Document document;
    santei::json::parse(text, "<test>", max_depth, document, way);
    return santei::json::to_json(document.root());
  } catch (const santei::Exception& e) {
    return "error: " + e.info().to_string();
  }
}

// What the reader of a batch makes of `text` kept padded (json::PaddedText), as read() says.
std::string read_padded(const std::string& text, std::size_t max_depth = 8) {
  try {
    santei::json::PaddedText padded;
    padded.assign(text);
    Document document;
    santei::json::parse(padded, "<test>", max_depth, document);
    return santei::json::to_json(document.root());
  } catch (const santei::Exception& e) {
    return "error: " + e.info().to_string();
  }
}

// The example claims and texts at the edges of what each way reads.
std::vector<std::string> edge_texts() {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(SANTEI_SOURCE_DIR "/examples/claims")) {
    texts.push_back(santei::test::file_bytes(entry.path()));
  }
  REQUIRE(texts.size() >= 3);
  for (int n : {1, 17}) texts.push_back(nested(n));
  for (const char* text : {
           // numbers: whole, beyond 64 bits, with a fraction or an exponent, -0 (the tape holds 0)
           R"({"u":18446744073709551615,"l":-9223372036854775808,"z":0,"m":-1,"p":42})",
           R"({"big":123456789012345678901234567890,"neg":-123456789012345678901234567890})",
           R"({"a":1.50,"b":1E2,"c":-1.0e-5,"d":0.0})", R"({"a":-0})", R"([0, -0 ,0])", "-0", " 0 ", "7",
           R"({"s":"a -0 in a text","n":0})", R"({"date":"2024-07-05","beds":0})", "7 x", "-1 ]", "0 0",
           // strings and keys: escapes, surrogate pairs, a lone surrogate, empty keys
           R"({"e":"\u00e9\n\"\\\/\ud83d\ude00","\u0061":"b"})", R"(["\ud800"])", R"({"":{"":[]}})",
           // containers: empty and nested; scalars at the root
           R"([[],{},[[]],"",[{}]])", "true", "false", "null", R"("text")", "[[[[[[[1]]]]]]]", "null ", " true\n", "false\t", "       false     ", "  true      ", "  null      ", R"( "text" )", "7 ", "nul", "truex", "null x",
           // errors: a duplicate key, nesting past the limit, trailing text, syntax, raw controls,
           // bytes that are not UTF-8, a byte order mark
           R"({"a":1,"b":{"c":2,"c":3}})", R"({"a":1,"a":2})", "[[[[[[[[[1]]]]]]]]]", "{\"a\":1} x", "{} {}",
           R"({"a":})", R"({"a":[1,2,)", "[01]", "[1.]", "[-]", "\"a\tb\"", "", "   ", R"({"a":tru})",
           "{\"a\":\"\xff\"}", R"({"a" 1})", "[1,]", "\xef\xbb\xbf{}"}) {
    texts.emplace_back(text);
  }
  return texts;
}

}  // namespace

// json_tree.hpp, Parser: the fast way (simdjson's DOM tape) leaves to the exact way (On-Demand)
// what it cannot give back as written. Each text here is read both ways.
TEST_CASE("the fast and the exact way give the same tree or the same error: the example claims and edge cases") {
  for (const std::string& text : edge_texts()) {
    CAPTURE(text);
    CHECK(read(text, Parser::fast) == read(text, Parser::exact));
    CHECK(read(text, Parser::fast, 32) == read(text, Parser::exact, 32));
  }
}

// json_tree.hpp, PaddedText: santei price and regress keep each claim so and parse it where it
// lies; what the fast way cannot read goes the exact way, as for a plain view.
TEST_CASE("a text kept padded reads as the same tree or the same error as its plain view: example claims and edge cases") {
  for (const std::string& text : edge_texts()) {
    CAPTURE(text);
    CHECK(read_padded(text) == read(text, Parser::exact));
    CHECK(read_padded(text, 32) == read(text, Parser::exact, 32));
  }
}

TEST_CASE("a padded text views what was assigned, followed by kPadding zero bytes, after a longer one and before any") {
  santei::json::PaddedText padded;
  REQUIRE(padded.text().empty());
  CHECK(std::all_of(padded.text().data(), padded.text().data() + santei::json::PaddedText::kPadding,
                    [](char c) { return c == '\0'; }));  // readable before any text, as after clear()
  for (const std::string& text : {std::string(300, 'x'), std::string("{\"a\":1}"), std::string()}) {
    CAPTURE(text.size());
    padded.assign(text);
    CHECK(padded.text() == text);
    CHECK(padded.size() == text.size());
    const char* const after = padded.text().data() + text.size();
    CHECK(std::all_of(after, after + santei::json::PaddedText::kPadding, [](char c) { return c == '\0'; }));
  }
}

// PaddedText::assign(text, whole): a claim of a mapped file or a C ABI caller's bytes is read where
// it lies when the bytes go on for kPadding more, whatever they hold (simdjson reads past a text's
// end and does not use what it reads there).
TEST_CASE("a text within bytes that go on for kPadding more is read where it lies, as its plain view reads, whatever "
          "follows it; nearer their end or outside them it is copied") {
  using santei::json::PaddedText;
  for (const std::string& text : edge_texts()) {
    for (const std::string& after : {std::string(PaddedText::kPadding, '}'), std::string(PaddedText::kPadding, '"'),
                                     "\n" + std::string(PaddedText::kPadding, '9'), std::string(PaddedText::kPadding, '\0')}) {
      CAPTURE(text);
      CAPTURE(after);
      const std::string whole = "[1,2]\n" + text + after;
      const std::string_view line = std::string_view(whole).substr(6, text.size());
      PaddedText padded;
      padded.assign(line, whole);
      REQUIRE(padded.text().data() == line.data());  // not copied
      std::string tree;
      try {
        Document document;
        santei::json::parse(padded, "<test>", 8, document);
        tree = santei::json::to_json(document.root());
      } catch (const santei::Exception& e) {
        tree = "error: " + e.info().to_string();
      }
      CHECK(tree == read(text, Parser::exact));
    }
  }
  const std::string whole = "{\"a\":1}" + std::string(PaddedText::kPadding, ' ');
  PaddedText padded;
  padded.assign(std::string_view(whole).substr(0, 7), whole);
  CHECK(padded.text().data() == whole.data());
  padded.assign(std::string_view(whole).substr(0, 8), whole);  // one byte short of kPadding after it
  CHECK(padded.text().data() != whole.data());
  CHECK(padded.text() == whole.substr(0, 8));
  const std::string elsewhere = whole;
  padded.assign(std::string_view(elsewhere).substr(0, 7), whole);  // not within `whole`
  CHECK(padded.text().data() != elsewhere.data());
  CHECK(padded.text() == "{\"a\":1}");
  const char* const zeros = padded.text().data() + 7;
  CHECK(std::all_of(zeros, zeros + PaddedText::kPadding, [](char c) { return c == '\0'; }));
  padded.assign(std::string_view(whole).substr(0, 7), whole);
  const PaddedText moved = std::move(padded);  // a batch's jobs move when its vector grows
  CHECK(moved.text().data() == whole.data());
}

TEST_CASE("numbers keep their text as written, -0, fractions and exponents included, read the default way") {
  for (const char* text : {R"({"a":1.50,"b":-0,"c":1E2,"d":0,"e":-7})", R"([-0])", R"({"x":0,"y":[ -0 ]})", R"({"n":-0.0})"}) {
    CAPTURE(text);
    std::string compact(text);
    std::erase(compact, ' ');
    CHECK(santei::json::to_json(santei::json::parse(text, "<test>", 8).root()) == compact);
  }
  // Whole numbers, as the fast way writes them again from the tape.
  const Document whole = santei::json::parse("[0,-1,9223372036854775807,-9223372036854775808,18446744073709551615]", "<test>", 8);
  REQUIRE(whole.root().items().size() == 5);
  CHECK(whole.root().items()[2].text() == "9223372036854775807");
  CHECK(whole.root().items()[3].text() == "-9223372036854775808");
  CHECK(whole.root().items()[4].text() == "18446744073709551615");
}
