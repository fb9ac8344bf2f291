// The SSK master CSV format: CP932, CRLF (LF accepted), no header, every field in double quotes,
// comma separated, no embedded quotes or line breaks. Fields are views into the file's bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "santei/result.hpp"

namespace santei::masters {

class CsvReader {
 public:
  // `data` must outlive the reader; `file` names it in errors.
  CsvReader(std::string_view data, std::string file);

  // Reads the next row into `fields` (quotes removed). Returns false at the end of the data.
  // Throws santei::Exception(parse_error / encoding_error / limit_exceeded) naming the file, line
  // and column for a field without its closing quote, a quote inside a field, an empty line, a
  // byte that is not CP932, a control byte (NUL, a stray CR) or a line over kMaxMasterLineBytes.
  bool next(std::vector<std::string_view>& fields);

  std::int64_t line() const { return line_; }  // line number of the last row read
  const std::string& file() const { return file_; }

 private:
  [[noreturn]] void fail(int column, std::string message, Status status = Status::parse_error) const;

  std::string_view data_;
  std::string file_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 0;
};

}  // namespace santei::masters
