// A caller's santei_write_fn (santei.h): the output of a *_to entry handed to it a piece at a time.
#pragma once

#include <cstddef>
#include <string_view>

#include "santei/santei.h"

namespace santei::capi {

class CallerWrite {
 public:
  // Throws invalid_argument naming "write" for a NULL function.
  CallerWrite(santei_write_fn write, void* user);
  // `piece` handed to the caller (an empty one is not); false once the caller has said stop, and
  // from then on nothing more is handed over.
  bool put(std::string_view piece);
  // Throws io_error naming "write" if the caller said stop.
  void check() const;

 private:
  santei_write_fn write_;
  void* user_;
  std::size_t written_ = 0;  // bytes the caller took
  int refused_ = 0;          // the caller's non-zero answer
};

}  // namespace santei::capi
