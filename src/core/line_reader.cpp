#include "core/line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace santei::detail {

LineReader::LineReader(std::istream& in, std::size_t max_line) : in_(in), max_(max_line), buffer_(64 * 1024) {}

bool LineReader::fill() {
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  pos_ = 0;
  end_ = static_cast<std::size_t>(in_.gcount());
  return end_ > 0;
}

std::optional<LineRead> LineReader::next() {
  if (pos_ == end_ && !fill()) return std::nullopt;
  LineRead read;
  read.number = ++number_;
  line_.clear();
  char last = 0;
  for (;;) {
    const char* start = buffer_.data() + pos_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const std::size_t piece = newline ? static_cast<std::size_t>(newline - start) : end_ - pos_;
    if (piece > 0) last = start[piece - 1];
    read.length += piece;
    if (line_.size() < max_) line_.append(start, std::min(piece, max_ - line_.size()));
    read.over = read.length > max_;
    pos_ += piece;
    if (newline) {
      ++pos_;
      break;
    }
    if (!fill()) {
      read.ended = false;
      break;
    }
  }
  if (read.ended && last == '\r') {
    read.crlf = true;
    --read.length;
    read.over = read.length > max_;
    if (line_.size() > read.length) line_.pop_back();
  }
  read.text = line_;
  return read;
}

}  // namespace santei::detail
