#include "serve/log.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace santei::serve {
namespace {

std::mutex& stderr_mutex() {
  static std::mutex mutex;
  return mutex;
}

// RFC 3339 in UTC with milliseconds: "2024-06-01T09:30:00.123Z".
std::string now_utc() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(std::chrono::system_clock::to_time_t(now)), ms);
}

}  // namespace

LogLine::LogLine(std::string_view level, std::string_view event) {
  json_.begin_object().field("time", now_utc()).field("level", level).field("event", event);
}

LogLine::~LogLine() {
  json_.end_object();
  std::string line = json_.take();
  line += '\n';
  const std::lock_guard lock(stderr_mutex());
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace santei::serve
