// santei_regress_json_lines: a regression run over JSON Lines bytes, in native code.
#include <fmt/format.h>

#include "capi/handles.hpp"
#include "santei/regress.hpp"

namespace santei::capi {
namespace {

constexpr std::size_t kMaxRegressBytes = std::size_t{1} << 31;

const std::string& revision_of(const santei_context& context, const char* field) {
  if (context.options.revision.empty()) {
    invalid_argument(field, "its options name no revision (santei_price_options.revision): a regression prices under two");
  }
  return context.options.revision;
}

}  // namespace
}  // namespace santei::capi

using namespace santei::capi;

SANTEI_C_API int santei_regress_json_lines(santei_buf* out, santei_context* old_context, santei_context* new_context,
                                           const char* lines, size_t length, int64_t first_line, unsigned threads) {
  return firewall([&] {
    santei_buf& buf = out_param(out, "out");
    santei_context& old_side = checked(old_context, Tag::context, "old_context", "santei_context");
    santei_context& new_side = checked(new_context, Tag::context, "new_context", "santei_context");
    if (&old_side == &new_side) invalid_argument("new_context", "is old_context: a regression compares two contexts");
    if (lines == nullptr) invalid_argument("lines", "is NULL");
    if (first_line < 1) invalid_argument("first_line", fmt::format("{} is not a line number (1 or more)", first_line));
    if (length > kMaxRegressBytes) {
      throw santei::Exception(santei::ErrorInfo{santei::Status::limit_exceeded, {}, 0, 0, "length",
                                                fmt::format("{} bytes is over the {} bytes one call reads", length, kMaxRegressBytes)});
    }
    const santei::Regression regression(*old_side.library, revision_of(old_side, "old_context"), *new_side.library,
                                        revision_of(new_side, "new_context"), old_side.options);
    const BusyGuard old_busy(old_side, "old_context");
    const BusyGuard new_busy(new_side, "new_context");
    santei::RegressRunOptions run;
    run.threads = threads;
    run.first_line = first_line;
    fill(buf, santei::regress_summary_json(santei::regress_json_lines(std::string_view(lines, length), "<lines>", regression, run), regression));
  });
}
