// santei_price_json_lines: JSON Lines of claims priced in native code into result lines, through
// price_stream — the path of `santei price`, so the bytes are the ones it prints.
#include <istream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "capi/borrowed_bytes.hpp"
#include "capi/handles.hpp"
#include "output/price_workers.hpp"

namespace santei::capi {
namespace {

// The answers of one call are held until it returns (about 2.5 KB a claim without explanations):
// larger inputs go in partitions of whole lines, as santei.dask_regress cuts its files.
constexpr std::size_t kMaxPriceLinesBytes = std::size_t{256} * 1024 * 1024;

}  // namespace
}  // namespace santei::capi

using namespace santei::capi;

SANTEI_C_API int santei_price_json_lines(santei_buf* out, size_t* errors, santei_context* context, const char* lines,
                                         size_t length, int64_t first_line, unsigned threads) {
  return firewall([&] {
    santei_buf& buf = out_param(out, "out");
    if (errors != nullptr) *errors = 0;
    santei_context& c = checked(context, Tag::context, "context", "santei_context");
    if (lines == nullptr) invalid_argument("lines", "is NULL");
    if (first_line < 1) invalid_argument("first_line", fmt::format("{} is not a line number (1 or more)", first_line));
    if (length > kMaxPriceLinesBytes) {
      throw santei::Exception(santei::ErrorInfo{santei::Status::limit_exceeded, {}, 0, 0, "length",
                                                fmt::format("{} bytes is over the {} bytes one call reads", length,
                                                            kMaxPriceLinesBytes)});
    }
    const BusyGuard busy(c);
    BorrowedBytes bytes(lines, length);
    std::istream in(&bytes);
    santei::PriceStreamOptions stream;
    stream.layout = santei::ClaimsLayout::json_lines;
    stream.threads = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    stream.first_line = first_line;
    // Each batch's result lines in a piece of their own, joined once into the caller's buffer at
    // the end: one string grown to megabytes was copied again at each doubling (perf: copying was
    // most of the calling thread's time).
    std::vector<std::string> pieces;
    const std::size_t failed = santei::price_stream(in, "<lines>", *c.library, c.options, stream,
                                                    [&](std::span<const santei::ClaimAnswer> answers) {
      pieces.push_back(santei::json_lines(answers));
      return true;
    }, c.price_workers);
    fill(buf, pieces);
    if (errors != nullptr) *errors = failed;
  });
}
