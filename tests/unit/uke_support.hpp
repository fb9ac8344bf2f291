// Hand-made UKE text for tests: UTF-8 lines → CP932 records ending with CR LF.
#pragma once

#include <initializer_list>
#include <string>

#include "core/cp932.hpp"

namespace santei::test {

inline std::string uke_bytes(std::initializer_list<std::string> lines) {
  std::string out;
  for (const std::string& line : lines) {
    santei::cp932::encode_append(line, out);
    out += "\r\n";
  }
  return out;
}

// A record with `n` fields: the given leading fields, then blanks.
inline std::string uke_record(std::initializer_list<std::string> leading, int n) {
  std::string out;
  int i = 0;
  for (const std::string& field : leading) {
    if (i++ > 0) out += ',';
    out += field;
  }
  for (; i < n; ++i) out += ',';
  return out;
}

}  // namespace santei::test
