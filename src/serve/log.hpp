// The service's log: one JSON object a line on stderr, each with its time, level and event, so a
// collector reads it without a pattern. Requests are logged with their id, endpoint, status and
// duration — never their bodies (claims hold patients' data) unless --log-bodies is given.
#pragma once

#include <string_view>

#include "output/json_writer.hpp"

namespace santei::serve {

// One log line: add fields, and it is written (whole, never interleaved) when it goes out of scope.
class LogLine {
 public:
  LogLine(std::string_view level, std::string_view event);
  ~LogLine();
  LogLine(const LogLine&) = delete;
  LogLine& operator=(const LogLine&) = delete;

  template <class T>
  LogLine& field(std::string_view name, const T& value) {
    json_.field(name, value);
    return *this;
  }
  output::JsonWriter& json() { return json_; }

 private:
  output::JsonWriter json_;
};

}  // namespace santei::serve
