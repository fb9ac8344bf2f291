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

namespace santei {
class MappedFile;
}

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
  // A read error of `in` (EIO, a directory opened as a file) is thrown as Status::io_error naming
  // `source` and the line it stopped in, never taken for the end of the input.
  LineReader(std::istream& in, std::string_view source, std::size_t max_line);
  LineReader(std::string_view bytes, std::size_t max_line);
  // A mapped file's bytes, its pages let go of once the reader is kKeptBehind past them: a line
  // handed on (a claim on its way to a pricing thread) may still be read there, and is mapped again
  // if it had been let go.
  LineReader(const MappedFile& file, std::size_t max_line);
  // What stays mapped behind the reader: more than the claims in flight to the pricing threads (a
  // ring of 2 batches a thread and 2 more, a batch 1 MiB at most) on a few threads; let go 1 MiB
  // at a time.
  static constexpr std::size_t kKeptBehind = std::size_t{8} * 1024 * 1024;
  static constexpr std::size_t kLetGoStep = std::size_t{1} * 1024 * 1024;

  // The next line, or nullopt at the end of the input. Its text is valid until the next call when
  // read from a stream, as long as the bytes when read from memory.
  std::optional<LineRead> next();

 private:
  bool fill();
  const char* find_newline(std::size_t from);
  void let_go_behind(std::size_t at);

  std::istream* in_;  // null: the whole input is in memory, `bytes_`
  std::string source_;
  const MappedFile* file_ = nullptr;
  std::size_t let_go_ = 0;  // the bytes of file_ before this are let go
  std::size_t max_;
  std::vector<char> buffer_;
  std::string_view bytes_;  // what is read: in buffer_, or the caller's bytes
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::string line_;
  std::int64_t number_ = 0;
};

}  // namespace santei::detail
