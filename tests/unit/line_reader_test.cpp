// core/line_reader.hpp: lines read from a stream (in a 64 KiB buffer) and from bytes in memory (a
// mapped file's, a C ABI caller's) are the same lines — LF or CRLF, a last one without its newline,
// lines over the maximum, lines crossing the stream's buffer — and from memory each is a view of
// the bytes, not a copy.
#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/line_reader.hpp"

namespace santei::test {
namespace {

struct Line {
  std::int64_t number;
  std::string text;
  std::size_t length;
  bool ended, crlf, over;
  bool operator==(const Line&) const = default;
};

std::vector<Line> stream_lines(const std::string& input, std::size_t max_line) {
  std::istringstream in(input);
  detail::LineReader reader(in, max_line);
  std::vector<Line> lines;
  while (const std::optional<detail::LineRead> l = reader.next()) {
    lines.push_back({l->number, std::string(l->text), l->length, l->ended, l->crlf, l->over});
  }
  return lines;
}

}  // namespace

TEST_CASE("a line reader of bytes in memory reads the lines a stream reader reads, each a view of the bytes") {
  const std::string long_line(200 * 1024, 'y');  // crosses the stream's 64 KiB buffer more than once
  const std::vector<std::string> inputs = {
      "", "\n", "a", "a\n", "a\nb", "a\nb\n", "a\r\nb\r\n", "a\r\nb\r", "\r\n", "\r", "\n\n\n",
      "0123456789\n0123456789\r\n", "012345678\n01234567\r\n0123456\r",  // at and around the maximum of 8
      "abc\r\r\n", long_line + "\n" + long_line + "\r\nz", "x\n" + long_line, long_line + "\r"};
  for (const std::size_t max_line : {std::size_t{8}, std::size_t{1} << 20}) {
    for (const std::string& input : inputs) {
      CAPTURE(max_line);
      CAPTURE(input.size());
      CAPTURE(input.substr(0, 40));
      const std::vector<Line> expected = stream_lines(input, max_line);
      detail::LineReader reader(std::string_view(input), max_line);
      std::vector<Line> lines;
      const char* at = input.data();
      while (const std::optional<detail::LineRead> l = reader.next()) {
        CHECK(static_cast<const void*>(l->text.data()) == static_cast<const void*>(at));  // where it lies
        at += l->length + (l->crlf ? 1 : 0) + (l->ended ? 1 : 0);
        lines.push_back({l->number, std::string(l->text), l->length, l->ended, l->crlf, l->over});
      }
      CHECK(lines == expected);
    }
  }
  // What the stream reader gives, checked on its own: the maxima, CRLF and the unended last line.
  CHECK(stream_lines("0123456789\r\nab", 8) ==
        std::vector<Line>{{1, "01234567", 10, true, true, true}, {2, "ab", 2, false, false, false}});
  CHECK(stream_lines("ab\r", 8) == std::vector<Line>{{1, "ab\r", 3, false, false, false}});
}

}  // namespace santei::test
