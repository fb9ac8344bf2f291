// Texts written to a file descriptor straight from where they were made: a batch of results
// gathered into one writev(2), not copied into stdio's buffer first. On two threads the results lie
// in the other core's cache, and memmove was 7 % of `santei price -j 2`'s samples, 4 % on one (perf).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/uio.h>

namespace santei::cli {

class GatherWriter {
 public:
  // `destination` names the descriptor in errors ("<stdout>").
  GatherWriter(int fd, std::string destination) : fd_(fd), destination_(std::move(destination)) {}
  // `text` is kept as a view: it must stay where it is until flush().
  void add(std::string_view text);
  // Writes what was added, all of it. Throws santei::Exception(io_error) naming the destination
  // and the system's reason ("write failed: No space left on device").
  void flush();

 private:
  int fd_;
  std::string destination_;
  std::vector<iovec> pending_;
};

// A failed write to `destination`, with the reason of errno `error` (0: none known): io_error, exit 2.
[[noreturn]] void write_failed(const std::string& destination, int error);

}  // namespace santei::cli
