#include "cli/gather_writer.hpp"

#include <cerrno>
#include <climits>
#include <cstring>

#include <poll.h>
#include <unistd.h>

#include "santei/result.hpp"

namespace santei::cli {

void write_failed(const std::string& destination, int error) {
  const std::string reason = error != 0 ? std::string(": ") + std::strerror(error) : std::string();
  throw Exception(ErrorInfo{Status::io_error, destination, 0, 0, {}, "write failed" + reason});
}

void GatherWriter::add(std::string_view text) {
  if (text.empty()) return;
  if (pending_.size() == IOV_MAX) flush();
  pending_.push_back(iovec{const_cast<char*>(text.data()), text.size()});  // writev does not write into it
}

void GatherWriter::flush() {
  iovec* next = pending_.data();
  std::size_t left = pending_.size();
  while (left > 0) {
    const ssize_t written = ::writev(fd_, next, static_cast<int>(left));
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {  // a non-blocking descriptor that is full: wait
        pollfd ready{fd_, POLLOUT, 0};
        (void)::poll(&ready, 1, -1);
        continue;
      }
      const int error = errno;
      pending_.clear();
      write_failed(destination_, error);
    }
    // A write may stop short (a signal, a non-blocking descriptor): on from where it stopped.
    auto done = static_cast<std::size_t>(written);
    while (left > 0 && done >= next->iov_len) {
      done -= next->iov_len;
      ++next;
      --left;
    }
    if (left > 0) {
      next->iov_base = static_cast<char*>(next->iov_base) + done;
      next->iov_len -= done;
    }
  }
  pending_.clear();
}

}  // namespace santei::cli
