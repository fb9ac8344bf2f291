// santei/result.hpp — status codes and the error every santei failure carries.
//
// Every error names where it came from: the file (master, rule XML, claim, UKE), the line,
// the column or field, and a message a clerk can act on. The C++ API throws santei::Exception;
// the C ABI (santei.h) catches everything and returns the same Status with the same ErrorInfo.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "santei/config.h"

namespace santei {

// Pinned values: the C ABI's santei_status uses the same numbers (santei.h).
enum class Status : int {
  ok = 0,
  invalid_argument = -1,   // a NULL pointer, a bad length, an option out of range
  io_error = -2,           // a file or directory could not be read
  parse_error = -3,        // malformed text: CSV, XML, JSON, UKE, a date or a number
  master_error = -4,       // a master file that cannot be trusted (wrong shape, duplicate key…)
  claim_error = -5,        // a claim that cannot be priced (missing field, date outside month…)
  unknown_code = -6,       // a code that is not in the masters, or not in force on that date
  rule_error = -7,         // a rule definition (masters/rules/*.xml) that is inconsistent
  overflow = -8,           // a number beyond what exact arithmetic can hold
  limit_exceeded = -9,     // an input beyond a documented maximum (lines, size, depth)
  encoding_error = -10,    // bytes that are not valid CP932 or UTF-8
  not_found = -11,         // a lookup that found nothing (no revision in force, no record)
  internal_error = -99,    // a bug in santei; please report it
};

// A short English name of a status, e.g. "parse_error".
SANTEI_API const char* status_name(Status status) noexcept;

// Where and why something failed. Empty file/field and zero line/column mean "not applicable".
struct ErrorInfo {
  Status status = Status::ok;
  std::string file;       // path of the input file, or "<claim>" / "<stdin>" for streams
  std::int64_t line = 0;  // 1-based line (or record) number in that file
  int column = 0;         // 1-based column (CSV/UKE field number, or character offset)
  std::string field;      // the named field, e.g. "点数 (col 12)" or "visits[0].date"
  std::string message;    // what is wrong, in one sentence

  // "file:line:column: field: message" with the empty parts left out.
  SANTEI_API std::string to_string() const;

  // This error as met while handling the item (a claim) that starts at `first_line` of `input`:
  // an error of the item itself (file "<claim>" or none) takes the input's name and its line
  // within the input; an error of another file (a rule file such as masters/rules/kougaku.xml)
  // keeps its own file and line in the message ("rule masters/rules/kougaku.xml:53: …") and is
  // placed at the item, so both places are named.
  SANTEI_API ErrorInfo in_input(std::string_view input, std::int64_t first_line) const;
};

// The exception thrown by the C++ API. what() returns ErrorInfo::to_string().
class SANTEI_API Exception : public std::exception {
 public:
  explicit Exception(ErrorInfo info);
  Exception(Status status, std::string message);
  const ErrorInfo& info() const noexcept { return info_; }
  Status status() const noexcept { return info_.status; }
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  ErrorInfo info_;
  std::string what_;
};

}  // namespace santei
