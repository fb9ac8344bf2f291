// The JSON writer of every santei output: strings escaped as RFC 8259 §7 requires wherever the
// character falls (the escape test reads 8 bytes at a time, so each offset of a word and of the
// tail is tried), numbers and dates written whole, separators and nesting, a reused buffer.
#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "output/put_at.hpp"
#include "santei/claim.hpp"

using santei::Date;
using santei::output::append_json_string;
using santei::output::JsonWriter;

namespace {

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace

TEST_CASE("a quote, a backslash and control characters are escaped at every offset of a 1–40 byte string") {
  struct Case {
    char raw;
    const char* escaped;
  };
  // RFC 8259 §7: '"', '\' and U+0000–U+001F must be escaped; \n \r \t by their short forms.
  const Case cases[] = {{'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"},
                        {'\0', "\\u0000"}, {'\x01', "\\u0001"}, {'\x1f', "\\u001f"}};
  for (const Case& c : cases) {
    for (std::size_t size = 1; size <= 40; ++size) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string text(size, 'x');
        text[at] = c.raw;
        const std::string expected = "\"" + std::string(at, 'x') + c.escaped + std::string(size - at - 1, 'x') + "\"";
        CAPTURE(size);
        CAPTURE(at);
        REQUIRE(json_string(text) == expected);
      }
    }
  }
}

TEST_CASE("bytes that need no escape pass as they are: space, DEL, '/' and UTF-8 (初診料)") {
  CHECK(json_string("") == "\"\"");
  CHECK(json_string(" ") == "\" \"");
  CHECK(json_string("a/b\x7f") == "\"a/b\x7f\"");
  CHECK(json_string("111000110 初診料 291点 (s col 12, r06)") == "\"111000110 初診料 291点 (s col 12, r06)\"");
  // 0x20 is the first byte not escaped, 0x1f the last escaped: the word test's boundary.
  CHECK(json_string(std::string(16, ' ') + '\x1f') == "\"" + std::string(16, ' ') + "\\u001f\"");
  // Every byte from 0x20 to 0xFF but '"' and '\\', in 16-byte blocks (the SSE2 test) and a tail.
  std::string all;
  for (int c = 0x20; c <= 0xFF; ++c) {
    if (c != '"' && c != '\\') all += static_cast<char>(c);
  }
  CHECK(json_string(all) == "\"" + all + "\"");
}

TEST_CASE("keys, strings, numbers, codes, dates and nesting with their separators") {
  JsonWriter json;
  json.begin_object().field("total_points", std::int64_t{-12345}).field("max", std::numeric_limits<std::int64_t>::max());
  json.key("codes").begin_array().quoted(111000110).quoted(std::uint64_t{620000001}).end_array();
  json.field("date", Date::from_ymd(2024, 6, 1)).field("open", Date::open_end());
  json.key("empty").begin_object().end_object().key("list").begin_array().begin_object().end_object().value(true).null().end_array();
  // Longer than a literal Key may be: a key made at run time.
  json.field(std::string_view("long key needing no escape but longer than sixty-four bytes ......................"), "v\"");
  json.end_object();
  CHECK(json.str() == R"({"total_points":-12345,"max":9223372036854775807,"codes":["111000110","620000001"],)"
                      R"("date":"2024-06-01","open":"9999-12-31","empty":{},"list":[{},true,null],)"
                      R"("long key needing no escape but longer than sixty-four bytes ......................":"v\""})");
}

TEST_CASE("a member written in one piece: the longest literal key with texts of 0-80 bytes, plain and escaped, and numbers") {
  constexpr std::string_view kKey = "forty_byte_key_the_longest_a_Key_may_be_";
  static_assert(kKey.size() == santei::output::Key::kLongest);
  for (std::size_t size = 0; size <= 80; ++size) {
    for (const char fill : {'a', '"', '\n'}) {
      std::string text(size, 'x');
      if (size > 0) text[size / 2] = fill;
      JsonWriter json;
      json.begin_object().field("forty_byte_key_the_longest_a_Key_may_be_", text);
      json.field("forty_byte_key_the_longest_a_Key_may_be_", std::numeric_limits<std::int64_t>::min()).end_object();
      std::string expected = "{\"" + std::string(kKey) + "\":" + json_string(text) + ",\"" + std::string(kKey) +
                             "\":-9223372036854775808}";
      CAPTURE(size);
      CAPTURE(fill);
      REQUIRE(json.str() == expected);
    }
  }
}

TEST_CASE("output many times the writer's buffer: members, numbers, codes, dates, long and escaped texts whole across every flush") {
  std::string out = "[";  // what the writer must produce, built by hand
  std::string written;
  {
    JsonWriter json(written);
    json.begin_array();
    for (int i = 0; i < 3000; ++i) {
      if (i > 0) out += ',';
      const std::string text(static_cast<std::size_t>(i % 97), static_cast<char>('a' + i % 26));
      json.begin_object().field("total_points", std::int64_t{i} * 1000003).field("text", text);
      out += "{\"total_points\":" + std::to_string(std::int64_t{i} * 1000003) + ",\"text\":\"" + text + "\"";
      json.key("codes").begin_array().quoted(111000110u + static_cast<unsigned>(i)).value(Date::from_ymd(2024, 7, 1 + i % 31)).end_array();
      out += ",\"codes\":[\"" + std::to_string(111000110 + i) + "\",\"2024-07-" + (1 + i % 31 < 10 ? "0" : "") +
             std::to_string(1 + i % 31) + "\"]";
      if (i % 7 == 0) {
        json.field("quote", std::string(static_cast<std::size_t>(i % 150), '"'));
        out += ",\"quote\":\"";
        for (int q = 0; q < i % 150; ++q) out += "\\\"";
        out += '"';
      }
      if (i % 500 == 0) {  // plain texts about the buffer's size (4096) and past it, as members and elements
        const std::size_t sizes[] = {4092, 4093, 4094, 4095, 4096, 9000};
        const std::string long_text(sizes[i / 500], static_cast<char>('A' + i / 500));
        json.field("long", long_text);
        json.key("steps").begin_array().value(long_text).value(text).value(long_text).end_array();
        out += ",\"long\":\"" + long_text + "\",\"steps\":[\"" + long_text + "\",\"" + text + "\",\"" + long_text + "\"]";
      }
      if (i % 3 == 0) {  // texts of 0–96 bytes as an array's elements, each after a comma but the first
        json.key("explain").begin_array().value(text).value(text).value(text).end_array();
        out += ",\"explain\":[\"" + text + "\",\"" + text + "\",\"" + text + "\"]";
      }
      json.key("raw").raw(i % 2 ? "null" : "true").end_object();
      out += std::string(",\"raw\":") + (i % 2 ? "null" : "true") + "}";
    }
    json.end_array();
    out += "]";
  }
  CHECK(written.size() > 100 * 4096);
  REQUIRE(written.size() == out.size());
  CHECK(written == out);
}

TEST_CASE("a writer on a caller's string appends to it and leaves its capacity") {
  std::string out = "prefix ";
  {
    JsonWriter json(out);
    json.begin_array().value(1).value("x").end_array();
  }
  CHECK(out == R"(prefix [1,"x"])");
  out.clear();
  const std::size_t capacity = out.capacity();
  JsonWriter(out).begin_object().end_object();
  CHECK(out == "{}");
  CHECK(out.capacity() == capacity);
}

TEST_CASE("codes of nine digits and numbers either side of them, quoted") {
  // 9-digit codes are written as a digit and four pairs; every other number by std::to_chars.
  const std::uint64_t numbers[] = {0, 9, 10, 99999999, 100000000, 100000001, 111000110, 620000001,
                                   909090909, 999999999, 1000000000, 4294967295u, std::numeric_limits<std::uint64_t>::max()};
  JsonWriter json;
  json.begin_array();
  std::string expected = "[";
  for (const std::uint64_t n : numbers) {
    json.quoted(n);
    expected += (expected.size() > 1 ? ",\"" : "\"") + std::to_string(n) + "\"";
  }
  json.end_array();
  CHECK(json.str() == expected + "]");
  // A pair of each value 00–99 in each of the four places.
  for (std::uint64_t pair = 0; pair < 100; ++pair) {
    for (const std::uint64_t place : {1u, 100u, 10000u, 1000000u}) {
      const std::uint64_t code = 100000000 + pair * place;
      JsonWriter one;
      one.quoted(code);
      CAPTURE(code);
      REQUIRE(one.str() == "\"" + std::to_string(code) + "\"");
    }
  }
}

// JsonWriter::nine_digits and output::nine_digits: a code as a UKE file writes it, as fmt's "{:09}"
// wrote it in the --uke report and the UKE writer before.
TEST_CASE("codes written again and again, more of them than the writer keeps the texts of, both ways, each where it belongs") {
  // The writer keeps the texts of the codes it last wrote, a slot a code by its hash: a code written
  // again is copied, one whose slot another took since is made again. 2,000 codes (many share a
  // slot) written three times in different orders, quoted and as nine digits, as members and as
  // elements, with numbers of eight and ten digits among them, which are never kept.
  std::vector<std::uint64_t> codes;
  for (std::uint64_t i = 0; i < 2000; ++i) codes.push_back(100000000 + i * 449987);  // spread over 1xxxxxxxx–9xxxxxxxx
  codes.push_back(999999999);
  codes.push_back(99999999);
  codes.push_back(1000000000);
  JsonWriter json;
  json.begin_array();
  std::string expected = "[";
  const auto write = [&](std::uint64_t code, int way) {
    expected += expected.size() > 1 ? "," : "";
    if (way == 0) {
      json.quoted(code);
      expected += "\"" + std::to_string(code) + "\"";
    } else if (way == 1) {
      json.nine_digits(code);
      expected += fmt::format("\"{:09}\"", code);
    } else {
      json.begin_object().key("code").quoted(code).key("nine").nine_digits(code).end_object();
      expected += fmt::format("{{\"code\":\"{}\",\"nine\":\"{:09}\"}}", code, code);
    }
  };
  for (std::size_t i = 0; i < codes.size(); ++i) write(codes[i], 0);
  for (std::size_t i = codes.size(); i-- > 0;) write(codes[i], 1);
  for (std::size_t i = 0; i < codes.size(); ++i) write(codes[(i * 7) % codes.size()], static_cast<int>(i % 3));
  json.end_array();
  CHECK(json.str() == expected + "]");
}

TEST_CASE("codes as nine digits with leading zeros, and numbers of ten digits or more whole") {
  const std::uint64_t numbers[] = {0, 7, 99, 12345, 99999999, 100000000, 111000110, 620000001, 909090909,
                                   999999999, 1000000000, 4294967295u, std::numeric_limits<std::uint64_t>::max()};
  const char* const written[] = {"000000000", "000000007", "000000099", "000012345", "099999999",
                                 "100000000", "111000110", "620000001", "909090909", "999999999",
                                 "1000000000", "4294967295", "18446744073709551615"};
  JsonWriter json;
  json.begin_array();
  std::string expected = "[";
  for (std::size_t i = 0; i < std::size(numbers); ++i) {
    json.nine_digits(numbers[i]);
    expected += std::string(i > 0 ? ",\"" : "\"") + written[i] + "\"";
    CHECK(santei::output::nine_digits(numbers[i]) == written[i]);
    CHECK(santei::output::nine_digits(numbers[i]) == fmt::format("{:09}", numbers[i]));
  }
  json.end_array();
  CHECK(json.str() == expected + "]");
  // Each pair 00–99 in each of the four places of the last eight digits, with a first digit 0 and 5.
  for (std::uint64_t pair = 0; pair < 100; ++pair) {
    for (const std::uint64_t place : {1u, 100u, 10000u, 1000000u}) {
      for (const std::uint64_t first : {0u, 500000000u}) {
        const std::uint64_t code = first + pair * place;
        CAPTURE(code);
        REQUIRE(santei::output::nine_digits(code) == fmt::format("{:09}", code));
      }
    }
  }
}

TEST_CASE("dates of years 0–9999 as members and elements; years outside them as Date::iso writes them") {
  const Date dates[] = {Date::from_ymd(0, 1, 1), Date::from_ymd(1, 2, 3), Date::from_ymd(999, 10, 9),
                        Date::from_ymd(2024, 2, 29), Date::from_ymd(2026, 12, 31), Date::open_end(),
                        Date::from_ymd(-1, 1, 1), Date::from_ymd(10000, 1, 1), Date::from_ymd(-32767, 12, 31)};
  JsonWriter json;
  json.begin_object();
  std::string expected = "{";
  for (const Date date : dates) {
    json.field("on", date).key("list").begin_array().value(date).value(date).end_array();
    expected += (expected.size() > 1 ? ",\"on\":\"" : "\"on\":\"") + date.iso() + "\",\"list\":[\"" + date.iso() +
                "\",\"" + date.iso() + "\"]";
  }
  json.end_object();
  CHECK(json.str() == expected + "}");
  CHECK(Date::from_ymd(999, 10, 9).iso() == "0999-10-09");
  CHECK(Date::from_ymd(-1, 1, 1).iso() == "-001-01-01");
  CHECK(Date::from_ymd(10000, 1, 1).iso() == "10000-01-01");
}

TEST_CASE("a date written again after another, after a year outside 0–9999 and as the first date: as Date::iso writes it") {
  // The writer keeps the last date's text (put_date): each of these is written from it or anew.
  const Date a = Date::from_ymd(2024, 7, 1);
  const Date b = Date::from_ymd(2024, 7, 31);
  const Date dates[] = {Date{}, Date{}, a, b, a, a, Date::from_ymd(10000, 1, 1), a, b, Date::from_ymd(-1, 12, 31), b, Date{}};
  JsonWriter json;
  json.begin_array();
  std::string expected = "[";
  for (const Date date : dates) {
    json.value(date);
    expected += (expected.size() > 1 ? ",\"" : "\"") + date.iso() + "\"";
  }
  json.end_array();
  CHECK(json.str() == expected + "]");
  CHECK(Date{}.iso() == "1970-01-01");
}

TEST_CASE("literal texts as members and elements; texts made at run time still escaped") {
  using santei::output::Literal;
  JsonWriter json;
  const Literal kind = "procedure";
  json.begin_object().field("kind", kind).field("longest", Literal("forty_byte_text_the_longest_a_Literal_is"));
  json.key("kinds").begin_array().value(kind).value(Literal("")).value(Literal("drug")).end_array();
  json.field("text", std::string_view("a\"b")).end_object();
  CHECK(json.str() == R"({"kind":"procedure","longest":"forty_byte_text_the_longest_a_Literal_is",)"
                      R"("kinds":["procedure","","drug"],"text":"a\"b"})");
}

TEST_CASE("nesting 300 levels deep, separated at each level on the way in and out") {
  // The writer keeps one flag, not a stack: a container's closing must still separate what follows
  // it in the container around it.
  JsonWriter json;
  std::string expected;
  for (int depth = 0; depth < 300; ++depth) {
    if (depth % 2 == 0) {
      json.begin_array().value(depth);
      expected += "[" + std::to_string(depth) + ",";
    } else {
      json.begin_object().field("n", depth).key("in");
      expected += "{\"n\":" + std::to_string(depth) + ",\"in\":";
    }
  }
  json.value(true);
  expected += "true";
  for (int depth = 299; depth >= 0; --depth) {
    if (depth % 2 == 0) {
      json.value(-depth).end_array();
      expected += "," + std::to_string(-depth) + "]";
    } else {
      json.field("after", depth).end_object();
      expected += ",\"after\":" + std::to_string(depth) + "}";
    }
  }
  CHECK(json.str() == expected);
}

TEST_CASE("values at the top level are written one after the other, unseparated") {
  JsonWriter json;
  json.value(1).begin_object().end_object().value("x").begin_array().value(2).end_array();
  CHECK(json.str() == R"(1{}"x"[2])");
}

TEST_CASE("whole numbers of one to four digits, and either side of them, as members and elements") {
  // 0–9999 are written from digit pairs; the rest, negatives included, by std::to_chars.
  JsonWriter json;
  json.begin_array();
  std::string expected = "[";
  for (std::int64_t n = -1001; n <= 10001; ++n) {
    json.value(n).begin_object().field("n", n).end_object();
    expected += (n == -1001 ? "" : ",") + std::to_string(n) + ",{\"n\":" + std::to_string(n) + "}";
  }
  for (const std::int64_t n : {std::int64_t{99999}, std::int64_t{100000}, std::numeric_limits<std::int64_t>::min()}) {
    json.value(n);
    expected += "," + std::to_string(n);
  }
  json.end_array();
  CHECK(json.str() == expected + "]");
}

TEST_CASE("whole numbers either side of every power of ten to 10^10, negatives and the extremes") {
  // As std::to_chars writes them, as members and as elements, each one followed by more output:
  // the way from the digit pairs (below 10^4) and the way past it meet at the right number.
  std::vector<std::int64_t> numbers = {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min(),
                                       std::numeric_limits<std::int64_t>::min() + 1};
  for (std::int64_t power = 1000; power <= 10000000000; power *= 10) {
    for (const std::int64_t n : {power - 1, power, power + 1, 2 * power - 1, 5 * power + 3}) {
      numbers.push_back(n);
      numbers.push_back(-n);
    }
  }
  for (std::int64_t n = 10000; n < 100000000; n += 7919) numbers.push_back(n);  // every digit in every place
  JsonWriter json;
  json.begin_array();
  std::string expected = "[";
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const std::int64_t n = numbers[i];
    json.value(n).begin_object().field("n", n).field("after", 7).end_object();
    expected += (i == 0 ? "" : ",") + std::to_string(n) + ",{\"n\":" + std::to_string(n) + ",\"after\":7}";
  }
  json.end_array();
  CHECK(json.str() == expected + "]");
}

TEST_CASE("true and false as members and elements, each followed by more output") {
  JsonWriter json;
  json.begin_object().field("yes", true).field("no", false).key("both").begin_array().value(false).value(true).value(false);
  json.end_array().field("last", true).end_object();
  CHECK(json.str() == R"({"yes":true,"no":false,"both":[false,true,false],"last":true})");
}

TEST_CASE("exact decimals as JSON strings, in canonical text, as members and elements") {
  using santei::Decimal;
  JsonWriter json;
  json.begin_object().field("rate", *Decimal::parse("0.30")).key("list").begin_array();
  json.value(*Decimal::parse("-0.5")).value(*Decimal::parse("10.10")).value(Decimal(291));
  json.value(Decimal::from_parts(std::numeric_limits<std::int64_t>::min(), 12)).end_array().end_object();
  CHECK(json.str() == R"({"rate":"0.3","list":["-0.5","10.1","291","-9223372.036854775808"]})");
}

// claim-format.md: a 診療識別 is two digits ("01", "21", "99"); santei::category_text and the
// results' "category" write it so. 0 (none) is written as nothing; above 99 it is not a 診療識別 and
// is kept whole rather than cut to two digits.
TEST_CASE("診療識別 as two digits, none as nothing, a number above 99 whole: put_category and category_text agree") {
  const struct {
    std::uint8_t category;
    const char* text;
  } cases[] = {{0, ""}, {1, "01"}, {9, "09"}, {10, "10"}, {21, "21"}, {99, "99"}, {100, "100"}, {255, "255"}};
  for (const auto& c : cases) {
    CAPTURE(static_cast<int>(c.category));
    char at[3];
    CHECK(std::string(at, santei::output::put_category(at, c.category)) == c.text);
    CHECK(santei::category_text(c.category) == c.text);
    // As a member (the result's lines, the --uke report's units): quoted, followed by more output.
    JsonWriter json;
    json.begin_object().field("category", santei::output::CategoryDigits(c.category)).field("after", 1).end_object();
    CHECK(json.str() == std::string(R"({"category":")") + c.text + R"(","after":1})");
  }
}
