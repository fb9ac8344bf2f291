// A caller's bytes as an input stream, without a copy (the C ABI's JSON Lines entry points).
#pragma once

#include <cstddef>
#include <streambuf>

namespace santei::capi {

class BorrowedBytes : public std::streambuf {
 public:
  BorrowedBytes(const char* bytes, std::size_t length) {
    char* begin = const_cast<char*>(bytes);  // read only: std::streambuf's get area is char*
    setg(begin, begin, begin + length);
  }
};

}  // namespace santei::capi
