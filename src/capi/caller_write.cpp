#include "capi/caller_write.hpp"

#include <fmt/format.h>

#include "capi/firewall.hpp"
#include "santei/result.hpp"

namespace santei::capi {

CallerWrite::CallerWrite(santei_write_fn write, void* user) : write_(write), user_(user) {
  if (write == nullptr) invalid_argument("write", "is NULL");
}

bool CallerWrite::put(std::string_view piece) {
  if (refused_ != 0) return false;
  if (piece.empty()) return true;
  refused_ = write_(user_, piece.data(), piece.size());
  if (refused_ == 0) written_ += piece.size();
  return refused_ == 0;
}

void CallerWrite::check() const {
  if (refused_ == 0) return;
  throw Exception(ErrorInfo{Status::io_error, {}, 0, 0, "write",
                            fmt::format("the write callback returned {} after taking {} bytes: nothing more was "
                                        "priced or written",
                                        refused_, written_)});
}

}  // namespace santei::capi
