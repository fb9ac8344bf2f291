// santei_lookup and the santei_buf it fills.
#include <charconv>
#include <cstring>

#include "capi/handles.hpp"
#include "santei/lookup.hpp"

namespace santei::capi {
namespace {

// A santei_buf's bytes follow a header holding this tag, so santei_buf_dispose can tell a buffer
// santei filled from a stranger's pointer.
constexpr std::uint64_t kBufTag = 0x5341'4e54'4542'5546u;  // "SANTEBUF"
constexpr std::size_t kBufHeader = 16;                      // keeps the text 16-byte aligned

// Copies `text` into a new library-owned, NUL-terminated buffer; `buf` is overwritten, not read.
void fill(santei_buf& buf, const std::string& text) {
  auto* block = new char[kBufHeader + text.size() + 1];
  std::memcpy(block, &kBufTag, sizeof kBufTag);
  std::memcpy(block + kBufHeader, text.c_str(), text.size() + 1);
  buf.ptr = block + kBufHeader;
  buf.size = text.size();
}

// The block behind a santei-filled buffer, or throws.
char* block_of(const santei_buf& buf) {
  if (reinterpret_cast<std::uintptr_t>(buf.ptr) % kBufHeader != 0) invalid_argument("buf", "was not filled by santei");
  char* block = buf.ptr - kBufHeader;
  std::uint64_t tag = 0;
  std::memcpy(&tag, block, sizeof tag);
  if (tag != kBufTag) invalid_argument("buf", "was not filled by santei (or was disposed already)");
  return block;
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
}  // namespace santei::capi

using namespace santei::capi;

extern "C" {

SANTEI_C_API void santei_buf_dispose(santei_buf* buf) {
  if (buf == nullptr || buf->ptr == nullptr) return;
  firewall([&] {
    char* block = block_of(*buf);
    std::memset(block, 0, sizeof kBufTag);
    delete[] block;
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
