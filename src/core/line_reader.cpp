#include "core/line_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "core/mapped_file.hpp"
#include "santei/result.hpp"

namespace santei::detail {

LineReader::LineReader(std::istream& in, std::string_view source, std::size_t max_line)
    : in_(&in), source_(source), max_(max_line), buffer_(64 * 1024) {}

LineReader::LineReader(std::string_view bytes, std::size_t max_line)
    : in_(nullptr), max_(max_line), bytes_(bytes), end_(bytes.size()) {}

LineReader::LineReader(const MappedFile& file, std::size_t max_line) : LineReader(file.bytes(), max_line) {
  file_ = &file;
}

// Through a mapped file, a step at a time, letting go behind: a line of gigabytes is read past in
// bounded memory, as from a stream.
const char* LineReader::find_newline(std::size_t from) {
  if (!file_) return static_cast<const char*>(std::memchr(bytes_.data() + from, '\n', end_ - from));
  for (std::size_t at = from; at < end_; at += kLetGoStep) {
    const std::size_t step = std::min(kLetGoStep, end_ - at);
    if (const auto* newline = static_cast<const char*>(std::memchr(bytes_.data() + at, '\n', step))) return newline;
    let_go_behind(at + step);
  }
  return nullptr;
}

void LineReader::let_go_behind(std::size_t at) {
  if (!file_ || at < let_go_ + kKeptBehind + kLetGoStep) return;
  file_->let_go(let_go_, at - kKeptBehind);
  let_go_ = at - kKeptBehind;
}

bool LineReader::fill() {
  if (!in_) return false;  // the bytes in memory were the whole input
  errno = 0;
  in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (in_->bad()) {
    const std::string why = errno != 0 ? std::strerror(errno) : "a read error";
    throw Exception(ErrorInfo{Status::io_error, source_, number_, 0, {}, "cannot be read any further: " + why});
  }
  pos_ = 0;
  end_ = static_cast<std::size_t>(in_->gcount());
  bytes_ = {buffer_.data(), end_};
  return end_ > 0;
}

std::optional<LineRead> LineReader::next() {
  if (pos_ == end_ && !fill()) return std::nullopt;
  LineRead read;
  read.number = ++number_;
  line_.clear();
  // A line that ends in the bytes it began in (all of them, in memory) is viewed there; one that
  // crosses the end of the stream's buffer is gathered in line_.
  const char* first = bytes_.data() + pos_;
  bool gathered = false;
  char last = 0;
  for (;;) {
    const char* start = bytes_.data() + pos_;
    const char* newline = find_newline(pos_);
    const std::size_t piece = newline ? static_cast<std::size_t>(newline - start) : end_ - pos_;
    if (piece > 0) last = start[piece - 1];
    read.length += piece;
    pos_ += piece + (newline ? 1 : 0);
    let_go_behind(pos_);
    if (!in_ || (newline && !gathered)) {
      read.ended = newline != nullptr;
      break;
    }
    gathered = true;
    if (line_.size() < max_) line_.append(start, std::min(piece, max_ - line_.size()));
    if (newline) break;
    if (!fill()) {
      read.ended = false;
      break;
    }
  }
  if (read.ended && last == '\r') {
    read.crlf = true;
    --read.length;
  }
  read.over = read.length > max_;
  read.text = gathered ? std::string_view(line_) : std::string_view(first, read.length);
  read.text = read.text.substr(0, std::min(read.length, max_));
  return read;
}

}  // namespace santei::detail
