// The structs behind the opaque handles of santei.h. Each starts with a tag, so a NULL, a handle
// of another kind or garbage is reported as SANTEI_ERR_INVALID_ARGUMENT instead of being used.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "capi/firewall.hpp"
#include "output/price_workers.hpp"
#include "santei/pricing.hpp"

namespace santei::capi {

enum class Tag : std::uint32_t {
  masters = 0x4d53544eu,  // "MSTN"
  context = 0x43545854u,  // "CTXT"
  result = 0x52534c54u,   // "RSLT"
  freed = 0xdeadf4eeu,    // set by the free functions
};

struct LedgerLine {
  std::string date;
  std::int64_t cost = 0, patient = 0, cumulative = 0;
  bool reached = false;
};

struct PublicExpense {
  std::string law;
  std::int64_t yen = 0;
  std::vector<LedgerLine> ledger;  // the 上限額管理票 lines (capped 公費)
};

struct DiagnosticView {
  int severity = SANTEI_SEVERITY_ERROR;
  std::string rule;
  std::string message;
};

}  // namespace santei::capi

struct santei_masters {
  santei::capi::Tag tag = santei::capi::Tag::masters;
  std::shared_ptr<santei::MasterLibrary> library = std::make_shared<santei::MasterLibrary>();
  // Set by the first context or lookup: from then on the library is shared and never changes.
  mutable std::atomic<bool> frozen{false};
};

struct santei_context {
  santei::capi::Tag tag = santei::capi::Tag::context;
  std::shared_ptr<const santei::MasterLibrary> library;
  santei::PricingOptions options;
  std::atomic<bool> busy{false};  // a call is running: a second thread is refused
  // santei_price reads into this one claim and prices into this one result (under `busy`), so
  // their visits, orders, items, lines and explanation steps keep their memory from call to call;
  // the santei_result handed out takes copies.
  santei::Claim claim;
  santei::PricedClaim priced;
  std::size_t json_bytes = 0;  // the size of the last result JSON (make_result reserves it)
  // santei_price_json_lines' threads, kept for its next call: starting them and warming their
  // scratch and batches at each call cost 1.1 ms of a 2-thread call of 1,000 claims (7.1–8.3 ms).
  santei::PriceWorkers price_workers;
};

struct santei_result {
  santei::capi::Tag tag = santei::capi::Tag::result;
  std::string json;
  std::string revision;
  std::int64_t total_points = 0;
  bool has_copay = false;
  std::int64_t patient_yen = 0;
  std::int64_t insurer_yen = 0;
  std::int64_t medical_cost_yen = 0;
  std::vector<santei::capi::PublicExpense> public_expenses;
  std::vector<santei::capi::DiagnosticView> diagnostics;
};

namespace santei::capi {

// Marks a context busy for one call; a second thread using it at the same time is refused.
class BusyGuard {
 public:
  explicit BusyGuard(santei_context& context, std::string_view parameter = "context") : context_(context) {
    if (context_.busy.exchange(true, std::memory_order_acquire)) {
      invalid_argument(parameter, "is in use by another thread: use one santei_context per thread");
    }
  }
  ~BusyGuard() { context_.busy.store(false, std::memory_order_release); }
  BusyGuard(const BusyGuard&) = delete;
  BusyGuard& operator=(const BusyGuard&) = delete;

 private:
  santei_context& context_;
};

// The bytes of a santei_buf written in place, piece by piece (santei_price_json_lines' result
// lines), then handed over NUL-terminated, owned by the library until santei_buf_dispose.
class BufBuilder {
 public:
  explicit BufBuilder(std::size_t expected);  // room for this many bytes at first
  ~BufBuilder();                              // frees what was not handed over
  BufBuilder(const BufBuilder&) = delete;
  BufBuilder& operator=(const BufBuilder&) = delete;
  void append(std::string_view text);
  void hand_over(santei_buf& buf);  // `buf` is overwritten, not read; this builder is empty after

 private:
  void reserve(std::size_t capacity);
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// `text` copied into a new library-owned, NUL-terminated santei_buf.
void fill(santei_buf& buf, std::string_view text);

// The handle behind `pointer`, checked for NULL, alignment and kind; throws invalid_argument.
template <class Handle>
Handle& checked(Handle* pointer, Tag tag, std::string_view parameter, std::string_view kind) {
  if (pointer == nullptr) invalid_argument(parameter, "is NULL");
  if (reinterpret_cast<std::uintptr_t>(pointer) % alignof(Handle) != 0) {
    invalid_argument(parameter, std::string("is not a ") + std::string(kind) + " handle (misaligned pointer)");
  }
  Tag found;
  std::memcpy(&found, static_cast<const void*>(pointer), sizeof found);
  if (found != tag) {
    invalid_argument(parameter, std::string("is not a ") + std::string(kind) +
                                    (found == Tag::freed ? " handle (already freed)" : " handle (another kind, or garbage)"));
  }
  return *pointer;
}

// An output pointer: NULL is an invalid argument.
template <class T>
T& out_param(T* pointer, std::string_view parameter) {
  if (pointer == nullptr) invalid_argument(parameter, "is NULL");
  return *pointer;
}

// Frees a handle created with new, marking it freed first so a stale copy is likely recognised.
// NULL is a no-op; anything that is not a live handle of this kind is left alone and reported as
// this thread's last error (a free function returns nothing).
template <class Handle>
void free_handle(Handle* pointer, Tag tag, std::string_view parameter, std::string_view kind) noexcept {
  if (pointer == nullptr) return;
  firewall([&] {
    checked(pointer, tag, parameter, kind).tag = Tag::freed;
    delete pointer;
  });
}

}  // namespace santei::capi
