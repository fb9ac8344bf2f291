// santei_context, santei_price (JSON in, a santei_result out) and santei_price_uke (a UKE file's
// bytes in, its check report out, in a buffer or, santei_price_uke_to, to the caller's write function).
#include <fmt/format.h>

#include "capi/caller_write.hpp"
#include "capi/handles.hpp"
#include "core/thread_count.hpp"
#include "claim/json_lines.hpp"
#include "santei/dpc.hpp"
#include "santei/local_programmes.hpp"
#include "santei/uke.hpp"

namespace santei::capi {
namespace {

constexpr std::size_t kMaxRevisionBytes = 64;

PricingOptions pricing_options(const santei_price_options* options, const MasterLibrary& library) {
  PricingOptions out;
  if (options == nullptr) return out;
  if (options->version < 1 || options->version > SANTEI_PRICE_OPTIONS_VERSION) {
    invalid_argument("options", fmt::format("version {} is not supported (this library knows versions 1–{})",
                                            options->version, SANTEI_PRICE_OPTIONS_VERSION));
  }
  out.copay = options->copay != 0;
  out.explain = options->explain != 0;
  if (options->revision != nullptr) {
    out.revision = std::string(c_string(options->revision, "options.revision", kMaxRevisionBytes));
    if (!out.revision.empty() && library.revision(out.revision) == nullptr) {
      throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, "options.revision",
                                fmt::format("revision {} is not among the loaded masters", out.revision)});
    }
  }
  if (options->version < 2) return out;  // a version 1 struct ends before `mode`
  switch (options->mode) {
    case SANTEI_MODE_CLAIM: break;
    case SANTEI_MODE_AUTOMATIC: out.mode = ClaimMode::automatic; break;
    case SANTEI_MODE_AS_CLAIMED: out.mode = ClaimMode::as_claimed; break;
    default: invalid_argument("options.mode", fmt::format("{} is not a santei_mode (0, 1, 2)", options->mode));
  }
  if (options->local_programmes != nullptr) {
    const std::string_view path = c_string(options->local_programmes, "options.local_programmes", kMaxPathBytes);
    out.local_programmes = LocalProgrammes::load(std::filesystem::path(std::string(path)));
  }
  if (options->version < 3) return out;  // a version 2 struct ends before `dpc`
  if (options->dpc != nullptr) {
    const std::string_view path = c_string(options->dpc, "options.dpc", kMaxPathBytes);
    out.dpc = DpcTables::load(std::filesystem::path(std::string(path)));
  }
  return out;
}

// The handle of `priced` (the context's reused result): its figures and texts, its strings taken.
// `json_bytes`: the size of the context's last result JSON, reserved for this one's at once (grown
// by the writer's appends, a result of 5.6 KB took two allocations and a copy).
std::unique_ptr<santei_result> make_result(PricedClaim& priced, const MasterLibrary& library, std::size_t& json_bytes) {
  auto result = std::make_unique<santei_result>();
  result->json.reserve(json_bytes);
  result_json(priced, library, result->json);
  json_bytes = result->json.size();
  result->revision = std::move(priced.revision);
  result->total_points = priced.total.value;
  if (priced.copay) {
    CopayResult& copay = *priced.copay;
    result->has_copay = true;
    result->patient_yen = copay.patient_yen.value;
    result->insurer_yen = copay.insurer_yen.value;
    result->medical_cost_yen = copay.medical_cost.value;
    for (PublicExpenseShare& share : copay.public_expenses) {
      PublicExpense& view = result->public_expenses.emplace_back(PublicExpense{std::move(share.law), share.yen.value, {}});
      for (const CapLedgerLine& line : share.ledger) {
        view.ledger.push_back(LedgerLine{line.date.iso(), line.cost.value, line.patient_yen.value, line.cumulative_yen.value, line.reached});
      }
    }
  }
  for (Diagnostic& d : priced.diagnostics) {
    result->diagnostics.push_back(DiagnosticView{static_cast<int>(d.severity), std::move(d.rule), std::move(d.message)});
  }
  return result;
}

static_assert(SANTEI_SEVERITY_ERROR == static_cast<int>(Severity::error));
static_assert(SANTEI_SEVERITY_WARNING == static_cast<int>(Severity::warning));
static_assert(SANTEI_SEVERITY_INFO == static_cast<int>(Severity::info));

// santei_price_uke's arguments checked and its file priced: the report, each receipt let go once
// compared; what cannot be read is in the report's errors.
santei::UkePriceReport price_uke(santei_context& c, const char* bytes, size_t length, const char* name,
                                 unsigned threads) {
  if (bytes == nullptr) invalid_argument("bytes", "is NULL");
  const std::string path(name == nullptr ? std::string_view("<uke>") : c_string(name, "name", kMaxPathBytes));
  if (length > santei::kMaxUkeBytes) {  // refused before its bytes are touched
    throw santei::Exception(santei::ErrorInfo{santei::Status::limit_exceeded, path, 0, 0, "length",
                                              fmt::format("{} bytes is over the {} bytes a UKE file may have", length,
                                                          santei::kMaxUkeBytes)});
  }
  return santei::price_uke_bytes(std::string_view(bytes, length), path, {}, *c.library, c.options, threads);
}

}  // namespace
}  // namespace santei::capi

using namespace santei::capi;

extern "C" {

SANTEI_C_API int santei_price_options_init(santei_price_options* options, unsigned version) {
  return firewall([&] {
    santei_price_options& out = out_param(options, "options");
    if (version < 1 || version > SANTEI_PRICE_OPTIONS_VERSION) {
      invalid_argument("version", fmt::format("{} is not supported (this library knows versions 1–{})", version,
                                              SANTEI_PRICE_OPTIONS_VERSION));
    }
    // An older struct is shorter: write its fields only.
    const santei_price_options defaults SANTEI_PRICE_OPTIONS_INIT;
    out.version = version;
    out.copay = defaults.copay;
    out.explain = defaults.explain;
    out.revision = defaults.revision;
    if (version < 2) return;
    out.mode = defaults.mode;
    out.local_programmes = defaults.local_programmes;
    if (version < 3) return;
    out.dpc = defaults.dpc;
  });
}

SANTEI_C_API int santei_context_new(santei_context** out, const santei_masters* masters,
                                    const santei_price_options* options) {
  return firewall([&] {
    santei_context*& context = out_param(out, "out");
    context = nullptr;
    const santei_masters& m = checked(masters, Tag::masters, "masters", "santei_masters");
    if (m.library->empty()) invalid_argument("masters", "holds no revision: load masters first");
    auto created = std::make_unique<santei_context>();
    created->options = pricing_options(options, *m.library);
    m.frozen.store(true, std::memory_order_release);
    created->library = m.library;
    context = created.release();
  });
}

SANTEI_C_API void santei_context_free(santei_context* context) {
  free_handle(context, Tag::context, "context", "santei_context");
}

SANTEI_C_API int santei_price(santei_result** out, santei_context* context, const char* claim_json, size_t length) {
  return firewall([&] {
    santei_result*& result = out_param(out, "out");
    result = nullptr;
    santei_context& c = checked(context, Tag::context, "context", "santei_context");
    if (claim_json == nullptr) invalid_argument("claim_json", "is NULL");
    if (length > santei::kMaxClaimBytes) {  // refused before its bytes are touched
      santei::ErrorInfo error = santei::claim::over_size(length);
      error.field = "length";
      throw santei::Exception(std::move(error));
    }
    const BusyGuard busy(c);
    // parse_claim reports a byte that is not UTF-8 (claim-format.md) with its line and column.
    santei::parse_claim(std::string_view(claim_json, length), c.claim);
    santei::price(c.claim, *c.library, c.options, c.priced);
    result = make_result(c.priced, *c.library, c.json_bytes).release();
  });
}

SANTEI_C_API int santei_price_uke(santei_buf* out, santei_context* context, const char* bytes, size_t length,
                                  const char* name) {
  return firewall([&] {
    santei_buf& buf = out_param(out, "out");
    santei_context& c = checked(context, Tag::context, "context", "santei_context");
    const BusyGuard busy(c);
    fill(buf, santei::uke_report_json(price_uke(c, bytes, length, name, 1)));
  });
}

SANTEI_C_API int santei_price_uke_to(santei_context* context, const char* bytes, size_t length, const char* name,
                                     unsigned threads, santei_write_fn write, void* user) {
  return firewall([&] {
    santei_context& c = checked(context, Tag::context, "context", "santei_context");
    CallerWrite caller(write, user);
    const BusyGuard busy(c);
    const santei::UkePriceReport report = price_uke(c, bytes, length, name, santei::detail::thread_count(threads));
    santei::write_uke_report_json(report, [&](std::string_view piece) { return caller.put(piece); });
    caller.check();
  });
}

}  // extern "C"
