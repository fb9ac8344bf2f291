#include "masters/csv.hpp"

#include <cstring>

#include <fmt/format.h>

#include "core/control_bytes.hpp"
#include "core/cp932.hpp"
#include "santei/masters.hpp"
#include "santei/result.hpp"

namespace santei::masters {

CsvReader::CsvReader(std::string_view data, std::string file) : data_(data), file_(std::move(file)) {}

void CsvReader::fail(int column, std::string message, Status status) const {
  throw Exception(ErrorInfo{status, file_, line_, column, column > 0 ? fmt::format("column {}", column) : std::string(),
                            std::move(message)});
}

namespace {

// The 1-based column holding byte `offset` of a line (commas inside quotes do not count).
int column_at(std::string_view text, std::size_t offset) {
  int column = 1;
  bool in_quotes = false;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '"') in_quotes = !in_quotes;
    if (text[i] == ',' && !in_quotes) ++column;
  }
  return column;
}

}  // namespace

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  if (pos_ >= data_.size()) return false;
  ++line_;
  const char* const line = data_.data() + pos_;
  const auto* nl = static_cast<const char*>(std::memchr(line, '\n', data_.size() - pos_));
  const char* end = nl ? nl : data_.data() + data_.size();
  pos_ = static_cast<std::size_t>(end - data_.data()) + (nl ? 1 : 0);
  if (end > line && end[-1] == '\r') --end;
  if (end == line) fail(0, "empty line");
  if (static_cast<std::size_t>(end - line) > kMaxMasterLineBytes) {
    fail(0, fmt::format("a line of {} bytes is over the limit of {} bytes", end - line, kMaxMasterLineBytes),
         Status::limit_exceeded);
  }

  // CP932 trail bytes are 0x40 or above, so '"' (0x22) and ',' (0x2C) always delimit: split
  // on them byte-wise, then check the line's encoding in one pass that skips ASCII runs.
  const std::string_view text(line, static_cast<std::size_t>(end - line));
  if (const std::size_t bad = cp932::find_invalid(text); bad != cp932::npos) {
    fail(column_at(text, bad),
         fmt::format("byte 0x{:02X} at offset {} is not CP932", static_cast<unsigned char>(text[bad]), bad),
         Status::encoding_error);
  }
  if (const std::size_t control = find_control(text); control != std::string_view::npos) {
    fail(column_at(text, control),
         fmt::format("control byte 0x{:02X} at offset {} (masters hold text only)",
                     static_cast<unsigned char>(text[control]), control));
  }
  const char* p = line;
  for (;;) {
    const int column = static_cast<int>(fields.size()) + 1;
    if (p < end && *p == '"') {
      const auto* close = static_cast<const char*>(std::memchr(p + 1, '"', static_cast<std::size_t>(end - p - 1)));
      if (!close) fail(column, "field has no closing quote (truncated row?)");
      fields.emplace_back(p + 1, static_cast<std::size_t>(close - p - 1));
      p = close + 1;
      if (p < end && *p != ',') fail(column, "a double quote inside a field");
    } else {
      const char* start = p;
      while (p < end && *p != ',') {
        if (*p == '"') fail(column, "a double quote inside an unquoted field");
        ++p;
      }
      fields.emplace_back(start, static_cast<std::size_t>(p - start));
    }
    if (p == end) break;
    ++p;  // the comma
    if (p == end) {
      fields.emplace_back();  // a trailing comma ends with an empty field
      break;
    }
  }
  return true;
}

}  // namespace santei::masters
