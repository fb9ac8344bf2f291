// The santei_buf: bytes santei writes for the caller (BufBuilder, fill) and santei_buf_dispose.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <unordered_set>

#include "capi/handles.hpp"

namespace santei::capi {
namespace {

// The buffers santei filled and the caller has not disposed yet. santei_buf_dispose asks here
// before it touches anything: reading a header before a stranger's pointer (as a tag would need)
// reads memory the caller never gave us (found by AddressSanitizer, tests/capi/abuse_test.cpp).
// A buffer a call (not a claim) costs one lock, which is nothing next to what fills it.
class LiveBuffers {
 public:
  void add(const char* ptr) {
    const std::lock_guard lock(mutex_);
    live_.insert(ptr);
  }
  // True (and forgotten) if santei filled `ptr` and it was not disposed yet.
  bool take(const char* ptr) {
    const std::lock_guard lock(mutex_);
    return live_.erase(ptr) == 1;
  }

 private:
  std::mutex mutex_;
  std::unordered_set<const char*> live_;
};

LiveBuffers& live_buffers() {
  static LiveBuffers* live = new LiveBuffers;  // never destroyed: buffers may be disposed during exit
  return *live;
}

}  // namespace

BufBuilder::BufBuilder(std::size_t expected) { reserve(expected + 1); }

BufBuilder::~BufBuilder() { std::free(data_); }

void BufBuilder::reserve(std::size_t capacity) {
  if (capacity <= capacity_) return;
  // realloc, not a new block and a copy: glibc moves a large block's pages (mremap), not its bytes.
  char* const grown = static_cast<char*>(std::realloc(data_, capacity));
  if (grown == nullptr) throw std::bad_alloc();
  data_ = grown;
  capacity_ = capacity;
}

void BufBuilder::append(std::string_view text) {
  if (size_ + text.size() + 1 > capacity_) reserve(std::max(2 * capacity_, size_ + text.size() + 1));
  if (!text.empty()) std::memcpy(data_ + size_, text.data(), text.size());
  size_ += text.size();
}

void BufBuilder::hand_over(santei_buf& buf) {
  reserve(size_ + 1);
  data_[size_] = '\0';
  live_buffers().add(data_);
  buf.ptr = data_;
  buf.size = size_;
  data_ = nullptr;
  size_ = capacity_ = 0;
}

void fill(santei_buf& buf, std::string_view text) {
  BufBuilder bytes(text.size());
  bytes.append(text);
  bytes.hand_over(buf);
}

}  // namespace santei::capi

using namespace santei::capi;

extern "C" {

SANTEI_C_API void santei_buf_dispose(santei_buf* buf) {
  if (buf == nullptr || buf->ptr == nullptr) return;
  firewall([&] {
    if (!live_buffers().take(buf->ptr)) invalid_argument("buf", "was not filled by santei (or was disposed already)");
    std::free(buf->ptr);
    buf->ptr = nullptr;
    buf->size = 0;
  });
}

}  // extern "C"
