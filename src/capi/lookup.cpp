// santei_lookup, and the santei_buf it, santei_kougaku and santei_price_uke fill.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "capi/handles.hpp"
#include "santei/lookup.hpp"

namespace santei::capi {
namespace {

// The buffers santei filled and the caller has not disposed yet. santei_buf_dispose asks here
// before it touches anything: reading a header before a stranger's pointer (as a tag would need)
// reads memory the caller never gave us (found by AddressSanitizer, tests/capi/abuse_test.cpp).
// Lookups are rare next to pricing, so one mutex costs nothing that matters.
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

Code parse_code(std::string_view text) {
  Code code = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (text.empty() || text.size() > 9 || ec != std::errc() || end != text.data() + text.size()) {
    invalid_argument("code", "must be 1 to 9 ASCII digits");
  }
  return code;
}

}  // namespace

void fill(santei_buf& buf, std::span<const std::string> pieces) {
  std::size_t size = 0;
  for (const std::string& piece : pieces) size += piece.size();
  // Not zeroed first: every byte is written (a batch's results are megabytes).
  auto block = std::make_unique_for_overwrite<char[]>(size + 1);
  char* at = block.get();
  for (const std::string& piece : pieces) at = std::copy(piece.begin(), piece.end(), at);
  *at = '\0';
  live_buffers().add(block.get());
  buf.ptr = block.release();
  buf.size = size;
}

}  // namespace santei::capi

using namespace santei::capi;

extern "C" {

SANTEI_C_API void santei_buf_dispose(santei_buf* buf) {
  if (buf == nullptr || buf->ptr == nullptr) return;
  firewall([&] {
    if (!live_buffers().take(buf->ptr)) invalid_argument("buf", "was not filled by santei (or was disposed already)");
    delete[] buf->ptr;
    buf->ptr = nullptr;
    buf->size = 0;
  });
}

SANTEI_C_API int santei_lookup(santei_buf* out, const santei_masters* masters, const char* code, const char* date) {
  return firewall([&] {
    santei_buf& buf = out_param(out, "out");
    const santei_masters& m = checked(masters, Tag::masters, "masters", "santei_masters");
    const santei::Code number = parse_code(c_string(code, "code", 16));
    std::optional<santei::Date> on;
    if (date != nullptr) {
      on = santei::Date::parse_iso(c_string(date, "date", 16));
      if (!on) invalid_argument("date", "must be YYYY-MM-DD and a real day");
    }
    m.frozen.store(true, std::memory_order_release);
    fill(buf, santei::lookup_json(*m.library, number, on));
  });
}

}  // extern "C"
