// Reading a stream line by line in bounded memory: of a line longer than the reader's maximum only
// the first `max_line` bytes are kept and the rest is read past, so a 1 GB line costs the maximum,
// not a gigabyte. Used by the JSON Lines readers (santei price, regress_json_lines) and the UKE
// file reader. Bytes already in memory (a mapped file, a C ABI caller's buffer) are read where
// they lie: each line is a view of them, never copied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace santei::detail {

struct LineRead {
  std::int64_t number = 0;  // 1-based
  std::string_view text;    // without its line end; over the limit: the first max_line bytes
  std::size_t length = 0;   // the line's whole length in bytes without its line end
  bool ended = true;        // false: the input ended inside the line (no '\n')
  bool crlf = false;        // it ended with CR LF (the CR is not in `text` or `length`)
  bool over = false;        // longer than the reader's maximum: `text` is only its beginning
};

class LineReader {
 public:
  LineReader(std::istream& in, std::size_t max_line);
  LineReader(std::string_view bytes, std::size_t max_line);

  // The next line, or nullopt at the end of the input. Its text is valid until the next call when
  // read from a stream, as long as the bytes when read from memory.
  std::optional<LineRead> next();

 private:
  bool fill();

  std::istream* in_;  // null: the whole input is buffer_'s view `bytes_`
  std::size_t max_;
  std::vector<char> buffer_;
  std::string_view bytes_;  // what is read: in buffer_, or the caller's bytes
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::string line_;
  std::int64_t number_ = 0;
};

}  // namespace santei::detail
