// core/line_reader.hpp: lines read from a stream (in a 64 KiB buffer) and from bytes in memory (a
// mapped file's, a C ABI caller's) are the same lines — LF or CRLF, a last one without its newline,
// lines over the maximum, lines crossing the stream's buffer — and from memory each is a view of
// the bytes, not a copy.
#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "big_input.hpp"
#include "core/line_reader.hpp"
#include "core/mapped_file.hpp"
#include "santei/result.hpp"

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
  detail::LineReader reader(in, "<test>", max_line);
  std::vector<Line> lines;
  while (const std::optional<detail::LineRead> l = reader.next()) {
    lines.push_back({l->number, std::string(l->text), l->length, l->ended, l->crlf, l->over});
  }
  return lines;
}

// This process's resident memory now, in KiB (/proc/self/statm): pages mapped and let go leave it.
long resident_kib() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * (::sysconf(_SC_PAGESIZE) / 1024);
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

// LineReader(const MappedFile&): santei price FILE and santei regress FILE (price_file,
// regress_json_lines_file) map their claims; the pages behind the reader are let go.
TEST_CASE("a line reader of a mapped file reads a stream reader's lines, and a line of 512 MiB (a sparse file of NULs, "
          "made at test time) is read past in bounded memory") {
  const ScratchDirectory dir("santei-line-reader");
  const auto path = dir.path() / "lines.jsonl";
  const std::string head = "{\"a\":1}\r\nsecond\n";
  write_sparse(path, head, std::size_t{512} << 20, "\nlast\r\nunended");
  const MappedFile file(path, std::size_t{1} << 30, MappedFile::Reading::sequential);
  detail::LineReader reader(file, 64);
  std::vector<Line> lines;
  long grown_kib = 0;
  const long before = resident_kib();
  while (const std::optional<detail::LineRead> l = reader.next()) {
    grown_kib = std::max(grown_kib, resident_kib() - before);
    lines.push_back({l->number, std::string(l->text), l->length, l->ended, l->crlf, l->over});
  }
  const std::vector<Line> expected = {{1, "{\"a\":1}", 7, true, true, false},
                                      {2, "second", 6, true, false, false},
                                      {3, std::string(64, '\0'), std::size_t{512} << 20, true, false, true},
                                      {4, "last", 4, true, true, false},
                                      {5, "unended", 7, false, false, false}};
  CHECK(lines == expected);
  MESSAGE("resident memory grew by at most " << grown_kib << " KiB reading a 512 MiB line");
  // What is kept behind the reader and the step it lets go by, and a few pages more.
  CHECK(grown_kib < static_cast<long>((detail::LineReader::kKeptBehind + 2 * detail::LineReader::kLetGoStep) / 1024) + 1024 +
                       test::sanitizer_shadow_kib(std::size_t{512} << 20));
}

// A read error is not the end of the input: claims after it would be lost unseen. A directory
// opened as a file reads as one (EISDIR).
TEST_CASE("a line reader of a stream that cannot be read throws io_error naming its source, not an empty input") {
  const ScratchDirectory dir("santei-line-reader-dir");
  std::ifstream in(dir.path(), std::ios::binary);
  REQUIRE(in.is_open());
  detail::LineReader reader(in, "claims.jsonl", 64);
  try {
    (void)reader.next();
    FAIL("no error");
  } catch (const Exception& e) {
    CHECK(e.status() == Status::io_error);
    CHECK(e.info().file == "claims.jsonl");
    CHECK(e.info().message == "cannot be read any further: Is a directory");
  }
}

}  // namespace santei::test
