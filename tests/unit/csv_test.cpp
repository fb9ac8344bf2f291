// The SSK master CSV reader (src/masters/csv.hpp): quoted fields, CRLF or LF, CP932 trail bytes
// that look like ASCII, and every error it gives with its line and column.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "error_of.hpp"
#include "masters/csv.hpp"
#include "santei/result.hpp"

using namespace std::string_literals;
using santei::ErrorInfo;
using santei::Exception;
using santei::Status;
using santei::masters::CsvReader;

namespace {

using Row = std::vector<std::string>;

std::vector<Row> read_all(std::string_view data) {
  CsvReader reader(data, "test.csv");
  std::vector<Row> rows;
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    rows.emplace_back(fields.begin(), fields.end());
    CHECK(reader.line() == static_cast<std::int64_t>(rows.size()));
  }
  return rows;
}

// The error reading all of `data` gives.
ErrorInfo error_of(std::string_view data) {
  INFO(std::string(data));
  return santei::test::error_of([&] {
    CsvReader reader(data, "bad.csv");
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
    }
  });
}

}  // namespace

TEST_CASE("csv: quoted fields split on commas, quotes removed, CRLF on every line") {
  const auto rows = read_all("\"0\",\"S\",\"111000110\",\"291.00\"\r\n\"0\",\"S\",\"112007410\",\"75.00\"\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == Row{"0", "S", "111000110", "291.00"});
  CHECK(rows[1] == Row{"0", "S", "112007410", "75.00"});
}

TEST_CASE("csv: LF line ends, a last line without a line end, empty and unquoted fields") {
  CHECK(read_all("\"a\",\"b\"\n\"c\",\"d\"") == std::vector<Row>{{"a", "b"}, {"c", "d"}});
  CHECK(read_all("\"\",\"\",\"\"\r\n") == std::vector<Row>{{"", "", ""}});
  CHECK(read_all("1,\"two\",,3\r\n") == std::vector<Row>{{"1", "two", "", "3"}});
  CHECK(read_all("\"a\",\r\n") == std::vector<Row>{{"a", ""}});  // a trailing comma ends with an empty field
  CHECK(read_all("\"only\"") == std::vector<Row>{{"only"}});
  CHECK(read_all("").empty());
}

TEST_CASE("csv: CP932 trail bytes 0x5C/0x7C (ソ 表 能) and half-width kana stay inside their field") {
  // ソ = 83 5C, 表 = 95 5C, 能 = 94 5C: the trail byte is '\'; ｿ = BF.
  const std::string data = "\"\x83\x5C\x95\x5C\",\"\x94\x5C\x81\x62\",\"\xBF\"\r\n";
  const auto rows = read_all(data);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == Row{"\x83\x5C\x95\x5C", "\x94\x5C\x81\x62", "\xBF"});
}

TEST_CASE("csv: fields are views into the data (no copies)") {
  const std::string data = "\"abc\",\"de\"\r\n";
  CsvReader reader(data, "view.csv");
  std::vector<std::string_view> fields;
  REQUIRE(reader.next(fields));
  REQUIRE(fields.size() == 2);
  CHECK(fields[0].data() == data.data() + 1);
  CHECK(fields[1].data() == data.data() + 7);
  CHECK_FALSE(reader.next(fields));
  CHECK(fields.empty());
  CHECK(reader.file() == "view.csv");
}

TEST_CASE("csv: a field without its closing quote (a truncated row) — parse_error at that line and column") {
  const ErrorInfo e = error_of("\"0\",\"S\"\r\n\"0\",\"S\",\"1110");
  CHECK(e.status == Status::parse_error);
  CHECK(e.file == "bad.csv");
  CHECK(e.line == 2);
  CHECK(e.column == 3);
  CHECK(e.field == "column 3");
  CHECK(e.message.find("no closing quote") != std::string::npos);
  CHECK(error_of("\"0\",\"S\r\n\"next\"\r\n").line == 1);  // the quote does not run on into the next line
}

TEST_CASE("csv: a double quote inside a quoted or an unquoted field — parse_error at its column") {
  const ErrorInfo quoted = error_of("\"a\",\"b\"c\",\"d\"\r\n");
  CHECK(quoted.status == Status::parse_error);
  CHECK(quoted.line == 1);
  CHECK(quoted.column == 2);
  CHECK(quoted.message == "a double quote inside a field");
  const ErrorInfo unquoted = error_of("\"a\"\r\n\"a\",b\"c\r\n");
  CHECK(unquoted.status == Status::parse_error);
  CHECK(unquoted.line == 2);
  CHECK(unquoted.column == 2);
  CHECK(unquoted.message == "a double quote inside an unquoted field");
}

TEST_CASE("csv: an empty line (also a blank line at the end) — parse_error with the line and no column") {
  const ErrorInfo middle = error_of("\"a\"\r\n\r\n\"b\"\r\n");
  CHECK(middle.status == Status::parse_error);
  CHECK(middle.line == 2);
  CHECK(middle.column == 0);
  CHECK(middle.field.empty());
  CHECK(middle.message == "empty line");
  CHECK(error_of("\"a\"\r\n\r\n").line == 2);
  CHECK(error_of("\n").line == 1);
}

TEST_CASE("csv: a byte that is not CP932 — encoding_error naming the column it sits in") {
  const ErrorInfo e = error_of("\"0\",\"B\"\r\n\"0\",\"B\",\"\x82\x51\x8C\x5E\xFF\"\r\n");
  CHECK(e.status == Status::encoding_error);
  CHECK(e.line == 2);
  CHECK(e.column == 3);
  CHECK(e.field == "column 3");
  CHECK(e.message == "byte 0xFF at offset 13 is not CP932");
  // A lead byte whose trail is the closing quote (a double-byte character cut in half).
  const ErrorInfo cut = error_of("\"\x8F\x89\x90\",\"x\"\r\n");
  CHECK(cut.status == Status::encoding_error);
  CHECK(cut.column == 1);
  CHECK(cut.message == "byte 0x90 at offset 3 is not CP932");
  // Commas inside quotes do not count as column separators when locating the byte.
  CHECK(error_of("\"a,b\",\"\x80\"\r\n").column == 2);
}
