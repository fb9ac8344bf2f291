// The exception firewall of the C ABI: every santei.h entry point runs its body through
// firewall(), which turns any exception into a santei_status and the thread's santei_error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>

#include "santei/result.hpp"
#include "santei/santei.h"

namespace santei::capi {

// Records `error` as this thread's last error and returns its status.
int fail(const ErrorInfo& error) noexcept;
// Resets this thread's last error to SANTEI_OK.
int succeed() noexcept;

// Throws Status::invalid_argument naming the parameter at fault.
[[noreturn]] void invalid_argument(std::string_view parameter, std::string_view message);

// Runs `body`; returns SANTEI_OK or the status of whatever it threw. Never throws.
template <class Body>
int firewall(Body&& body) noexcept {
  try {
    body();
    return succeed();
  } catch (const Exception& e) {
    return fail(e.info());
  } catch (const std::bad_alloc&) {
    return fail(ErrorInfo{Status::internal_error, {}, 0, 0, {}, "out of memory"});
  } catch (const std::exception& e) {
    return fail(ErrorInfo{Status::internal_error, {}, 0, 0, {}, std::string("internal error: ") + e.what()});
  } catch (...) {
    return fail(ErrorInfo{Status::internal_error, {}, 0, 0, {}, "internal error: unknown exception"});
  }
}

// A NUL-terminated argument of at most `max_bytes` bytes that must be valid UTF-8. Reads at most
// max_bytes + 1 bytes, so a pointer to text without a terminator is reported, not overrun.
std::string_view c_string(const char* text, std::string_view parameter, std::size_t max_bytes);

// The longest file path a caller may pass (PATH_MAX on Linux).
constexpr std::size_t kMaxPathBytes = 4096;

}  // namespace santei::capi
