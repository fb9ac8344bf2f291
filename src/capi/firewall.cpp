#include "capi/firewall.hpp"

#include <cstring>

#include <fmt/format.h>

#include "core/cp932.hpp"

namespace santei::capi {
namespace {

// Pinned: santei.h and santei/result.hpp must agree number for number.
static_assert(SANTEI_OK == static_cast<int>(Status::ok));
static_assert(SANTEI_ERR_INVALID_ARGUMENT == static_cast<int>(Status::invalid_argument));
static_assert(SANTEI_ERR_IO == static_cast<int>(Status::io_error));
static_assert(SANTEI_ERR_PARSE == static_cast<int>(Status::parse_error));
static_assert(SANTEI_ERR_MASTER == static_cast<int>(Status::master_error));
static_assert(SANTEI_ERR_CLAIM == static_cast<int>(Status::claim_error));
static_assert(SANTEI_ERR_UNKNOWN_CODE == static_cast<int>(Status::unknown_code));
static_assert(SANTEI_ERR_RULE == static_cast<int>(Status::rule_error));
static_assert(SANTEI_ERR_OVERFLOW == static_cast<int>(Status::overflow));
static_assert(SANTEI_ERR_LIMIT_EXCEEDED == static_cast<int>(Status::limit_exceeded));
static_assert(SANTEI_ERR_ENCODING == static_cast<int>(Status::encoding_error));
static_assert(SANTEI_ERR_NOT_FOUND == static_cast<int>(Status::not_found));
static_assert(SANTEI_ERR_INTERNAL == static_cast<int>(Status::internal_error));

// This thread's last error: the owned strings and the C view of them.
struct ThreadError {
  ErrorInfo info;
  santei_error view{SANTEI_OK, "", 0, 0, "", ""};

  void point_view() noexcept {
    view = santei_error{static_cast<int>(info.status), info.file.c_str(), info.line, info.column, info.field.c_str(),
                        info.message.c_str()};
  }
};

ThreadError& thread_error() noexcept {
  thread_local ThreadError error;
  return error;
}

}  // namespace

int fail(const ErrorInfo& error) noexcept {
  ThreadError& last = thread_error();
  try {
    last.info = error;
    last.point_view();
  } catch (...) {  // no memory left even for the message: keep the status, say why
    last.info = ErrorInfo{};
    last.view = santei_error{static_cast<int>(error.status), "", error.line, error.column, "",
                             "out of memory while recording the error"};
  }
  return static_cast<int>(error.status);
}

int succeed() noexcept {
  ThreadError& last = thread_error();
  last.info.status = Status::ok;
  last.info.file.clear();
  last.info.line = 0;
  last.info.column = 0;
  last.info.field.clear();
  last.info.message.clear();
  last.point_view();
  return SANTEI_OK;
}

void invalid_argument(std::string_view parameter, std::string_view message) {
  throw Exception(ErrorInfo{Status::invalid_argument, {}, 0, 0, std::string(parameter),
                            fmt::format("{}: {}", parameter, message)});
}

std::string_view c_string(const char* text, std::string_view parameter, std::size_t max_bytes) {
  if (text == nullptr) invalid_argument(parameter, "is NULL");
  const void* end = std::memchr(text, '\0', max_bytes + 1);
  if (end == nullptr) invalid_argument(parameter, fmt::format("longer than {} bytes (or not NUL-terminated)", max_bytes));
  const std::string_view view(text, static_cast<std::size_t>(static_cast<const char*>(end) - text));
  if (const std::size_t bad = cp932::find_invalid_utf8(view); bad != cp932::npos) {
    throw Exception(ErrorInfo{Status::encoding_error, {}, 0, static_cast<int>(bad + 1), std::string(parameter),
                              fmt::format("{}: not valid UTF-8 at byte {}", parameter, bad)});
  }
  return view;
}

}  // namespace santei::capi

extern "C" {

SANTEI_C_API const santei_error* santei_last_error(void) { return &santei::capi::thread_error().view; }

SANTEI_C_API const char* santei_status_name(int status) {
  return santei::status_name(static_cast<santei::Status>(status));  // "unknown_status" for other values
}

SANTEI_C_API unsigned santei_version_number(void) { return SANTEI_VERSION_NUMBER; }

SANTEI_C_API const char* santei_version_string(void) { return SANTEI_VERSION_STRING; }

}  // extern "C"
