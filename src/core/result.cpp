#include "santei/result.hpp"

#include <charconv>

#include <fmt/format.h>

namespace santei {

const char* status_name(Status status) noexcept {
  switch (status) {
    case Status::ok: return "ok";
    case Status::invalid_argument: return "invalid_argument";
    case Status::io_error: return "io_error";
    case Status::parse_error: return "parse_error";
    case Status::master_error: return "master_error";
    case Status::claim_error: return "claim_error";
    case Status::unknown_code: return "unknown_code";
    case Status::rule_error: return "rule_error";
    case Status::overflow: return "overflow";
    case Status::limit_exceeded: return "limit_exceeded";
    case Status::encoding_error: return "encoding_error";
    case Status::not_found: return "not_found";
    case Status::internal_error: return "internal_error";
  }
  return "unknown_status";
}

namespace {

void append_number(std::string& out, std::int64_t n) {
  char digits[20];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// "file:line:column" of an error, the line and column left out when not known.
void append_place(std::string& out, std::string_view file, std::int64_t line, int column) {
  out += file;
  if (line > 0) {
    out += ':';
    append_number(out, line);
  }
  if (column > 0) {
    out += ':';
    append_number(out, column);
  }
}

}  // namespace

std::string ErrorInfo::to_string() const {
  // One string made at its size, the numbers written into it: a month's --uke text report writes
  // thousands of these, and the pieces formatted apart and the string grown by doubling were 2k
  // instructions each (callgrind).
  std::string out;
  out.reserve(file.size() + field.size() + message.size() + 48);
  if (!file.empty()) {
    append_place(out, file, line, column);
    out += ": ";
  } else if (line > 0) {
    out += "line ";
    append_number(out, line);
    out += ": ";
  }
  if (!field.empty()) {
    out += field;
    out += ": ";
  }
  out += message;
  return out;
}

ErrorInfo ErrorInfo::in_input(std::string_view input, std::int64_t first_line) const {
  ErrorInfo out = *this;
  out.file = std::string(input);
  if (file.empty() || file.starts_with("<claim")) {
    out.line = line > 0 ? line + first_line - 1 : first_line;
    return out;
  }
  // Another file's error: its place goes into the message, the item's place is the error's.
  std::string where;
  append_place(where, file, line, column);
  out.message = fmt::format("rule {}: {}{}", where, field.empty() ? "" : field + ": ", message);
  out.line = first_line;
  out.column = 0;
  out.field.clear();
  return out;
}

Exception::Exception(ErrorInfo info) : info_(std::move(info)), what_(info_.to_string()) {}

Exception::Exception(Status status, std::string message)
    : Exception(ErrorInfo{status, {}, 0, 0, {}, std::move(message)}) {}

}  // namespace santei
