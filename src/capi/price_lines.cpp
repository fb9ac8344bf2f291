// santei_price_json_lines and santei_price_json_lines_to: JSON Lines of claims priced in native code
// into result lines, through price_stream — the path of `santei price`, so the bytes are the ones it
// prints — held in a buffer, or handed to the caller's write function a batch at a time.
#include <algorithm>

#include <fmt/format.h>

#include "capi/caller_write.hpp"
#include "capi/handles.hpp"
#include "core/thread_count.hpp"
#include "output/price_workers.hpp"

namespace santei::capi {
namespace {

// santei_price_json_lines holds the answers of one call until it returns (about 2.5 KB a claim
// without explanations): larger inputs go to santei_price_json_lines_to, or in partitions of whole
// lines, as santei.dask_regress cuts its files.
constexpr std::size_t kMaxPriceLinesBytes = std::size_t{256} * 1024 * 1024;
// The most room taken for the results before the first is written; more is realloc'd as it comes.
constexpr std::size_t kMaxFirstRoom = std::size_t{64} * 1024 * 1024;

// The arguments both entries share, checked; the stream options they give.
santei::PriceStreamOptions stream_options(const char* lines, int64_t first_line, unsigned threads) {
  if (lines == nullptr) invalid_argument("lines", "is NULL");
  if (first_line < 1) invalid_argument("first_line", fmt::format("{} is not a line number (1 or more)", first_line));
  santei::PriceStreamOptions stream;
  stream.layout = santei::ClaimsLayout::json_lines;
  stream.threads = santei::detail::thread_count(threads);
  stream.first_line = first_line;
  return stream;
}

}  // namespace
}  // namespace santei::capi

using namespace santei::capi;

SANTEI_C_API int santei_price_json_lines(santei_buf* out, size_t* errors, santei_context* context, const char* lines,
                                         size_t length, int64_t first_line, unsigned threads) {
  return firewall([&] {
    santei_buf& buf = out_param(out, "out");
    if (errors != nullptr) *errors = 0;
    santei_context& c = checked(context, Tag::context, "context", "santei_context");
    const santei::PriceStreamOptions stream = stream_options(lines, first_line, threads);
    if (length > kMaxPriceLinesBytes) {
      throw santei::Exception(santei::ErrorInfo{santei::Status::limit_exceeded, {}, 0, 0, "length",
                                                fmt::format("{} bytes is over the {} bytes one call reads (santei_price_json_lines_to "
                                                            "reads any length)",
                                                            length, kMaxPriceLinesBytes)});
    }
    const BusyGuard busy(c);
    // Each answer copied once, into the caller's buffer: each batch's lines joined into a piece,
    // then the pieces into the buffer, took two copies of the results (perf: 8 % of a call on one
    // thread). Room for results 8 times the claims' bytes (5.6 KB of result with explanations for
    // a claim of 0.9 KB); more is realloc'd.
    BufBuilder results(std::min(length * 8, kMaxFirstRoom));
    // Each claim parsed where it lies in the caller's bytes.
    const std::size_t failed = santei::price_stream(std::string_view(lines, length), "<lines>", *c.library, c.options, stream,
                                                    [&](std::span<const santei::ClaimAnswer> answers) {
      for (const santei::ClaimAnswer& answer : answers) {  // as santei::json_lines() joins them
        results.append(answer.json);
        results.append("\n");
      }
      return true;
    }, c.price_workers);
    results.hand_over(buf);
    if (errors != nullptr) *errors = failed;
  });
}

SANTEI_C_API int santei_price_json_lines_to(size_t* errors, santei_context* context, const char* lines, size_t length,
                                            int64_t first_line, unsigned threads, santei_write_fn write, void* user) {
  return firewall([&] {
    if (errors != nullptr) *errors = 0;
    santei_context& c = checked(context, Tag::context, "context", "santei_context");
    const santei::PriceStreamOptions stream = stream_options(lines, first_line, threads);
    CallerWrite caller(write, user);
    const BusyGuard busy(c);
    // The sink is called a batch at a time (at most 256 claims): one write a batch.
    const std::size_t failed = santei::price_stream(std::string_view(lines, length), "<lines>", *c.library, c.options, stream,
                                                    [&](std::span<const santei::ClaimAnswer> answers) {
      return caller.put(santei::json_lines(answers));
    }, c.price_workers);
    if (errors != nullptr) *errors = failed;
    caller.check();
  });
}
