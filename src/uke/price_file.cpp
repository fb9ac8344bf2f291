// Prices every receipt of a read UKE file with santei::price and compares it with the file.
#include <charconv>
#include <span>

#include <fmt/format.h>

#include "core/ordered_batches.hpp"
#include "pricing/copay_step.hpp"
#include "uke/compare.hpp"
#include "uke/read.hpp"

namespace santei {
namespace {

// The order an error names: "visits[2].orders[0].items[1].code" → (2, 0).
std::optional<std::pair<std::size_t, std::size_t>> order_of(std::string_view field) {
  const auto index_after = [&](std::string_view key) -> std::optional<std::size_t> {
    const std::size_t at = field.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t value = 0;
    const char* begin = field.data() + at + key.size();
    const auto [end, ec] = std::from_chars(begin, field.data() + field.size(), value);
    if (ec != std::errc() || end == begin) return std::nullopt;
    return value;
  };
  const auto visit = index_after("visits[");
  const auto order = index_after("orders[");
  if (!visit || !order) return std::nullopt;
  return std::pair{*visit, *order};
}

UkeReceiptComparison unpriced(const UkeReceipt& receipt, const ErrorInfo& error_met, std::string_view path) {
  // Named at the receipt's RE record; a rule file's error keeps its own place in the message.
  const ErrorInfo error = error_met.in_input(path, receipt.line);
  UkeReceiptComparison out;
  out.number = receipt.number;
  out.line = receipt.line;
  out.stated_total = receipt.stated_total();
  for (const UkeUnit& u : receipt.units) out.units_total += u.total();
  out.error = error;
  for (std::size_t i = 0; i < receipt.units.size(); ++i) {
    const UkeUnit& unit = receipt.units[i];
    UkeUnitComparison c;
    c.unit = i;
    c.line = unit.line;
    c.category = unit.category;
    for (const UkeItem& item : unit.items) {
      if (item.kind != ItemKind::comment) c.codes.push_back(item.code);
    }
    c.stated_points = unit.points;
    c.stated_count = unit.count;
    c.stated_total = unit.total();
    c.differences.push_back(UkeDifference{UkeReason::not_priced, 0, error.to_string()});
    out.units.push_back(std::move(c));
  }
  return out;
}

// The comparison of a priced receipt, with what its copayment says beside the points.
UkeReceiptComparison compared(const UkeReceipt& receipt, const PricedClaim& priced, const MasterLibrary& masters,
                              std::span<const uke::Excluded> excluded, const std::optional<ErrorInfo>& copay_error) {
  UkeReceiptComparison out = uke::compare(receipt, priced, *masters.revision(priced.revision), excluded);
  out.copay_error = copay_error;
  if (priced.copay) {
    for (const PublicExpenseShare& share : priced.copay->public_expenses) {
      if (!share.needs.empty()) out.copay_needs.push_back(share.needs);
    }
  }
  return out;
}

// Prices a receipt's claim; an order that makes pricing fail is taken out (and reported on its
// unit) and the rest priced again, so one unknown code does not hide the receipt's other units.
// A copayment the receipt cannot give (a 公費 whose 受給者証 figures a UKE file does not hold)
// never stops the points: they are priced first (`points_only`: options without the copayment),
// the copayment is put onto them, and the receipt says why it could not be.
UkeReceiptComparison price_receipt(const UkeReceipt& receipt, const MasterLibrary& masters, const PricingOptions& options,
                                   const PricingOptions& points_only, std::string_view path, PricedClaim& reused) {
  // Almost every receipt prices whole: priced as read, into the thread's reused result. Its claim
  // is copied only to take out an order that fails.
  std::optional<Claim> trimmed;
  std::vector<std::vector<std::size_t>> units_of;  // visit → order → unit index (add_visits' order)
  std::vector<uke::Excluded> excluded;
  const std::size_t orders = [&] {
    std::size_t n = 0;
    for (const Visit& v : receipt.claim.visits) n += v.orders.size();
    return n;
  }();
  // price() does the same in one call; apart, a receipt whose copayment fails (two in five of a
  // clinic's month) keeps its points, not priced again.
  for (std::size_t attempt = 0; attempt <= orders + 1; ++attempt) {
    const Claim& claim = trimmed ? *trimmed : receipt.claim;
    std::optional<ErrorInfo> failed;
    try {
      price(claim, masters, points_only, reused);
    } catch (const Exception& e) {
      failed = e.info();
    } catch (const std::exception& e) {
      return unpriced(receipt, ErrorInfo{Status::internal_error, {}, 0, 0, {}, e.what()}, path);
    }
    if (!failed) {
      if (!options.copay) return compared(receipt, reused, masters, excluded, std::nullopt);
      const std::size_t diagnostics = reused.diagnostics.size();
      // The points as priced without the copayment, and why it could not be given.
      const auto without_copay = [&](ErrorInfo copay) {
        reused.diagnostics.resize(diagnostics);
        if (copay.message.empty()) copay.message = status_name(copay.status);
        return compared(receipt, reused, masters, excluded, copay.in_input(path, receipt.line));
      };
      try {
        if (std::optional<ErrorInfo> undecided = pricing::add_copay(claim, reused, options)) {
          return without_copay(std::move(*undecided));
        }
        return compared(receipt, reused, masters, excluded, std::nullopt);
      } catch (const Exception& e) {
        return without_copay(e.info());
      } catch (const std::exception& e) {
        return unpriced(receipt, ErrorInfo{Status::internal_error, {}, 0, 0, {}, e.what()}, path);
      }
    }
    ErrorInfo& error = *failed;
    if (error.message.empty()) error.message = status_name(error.status);
    if (!trimmed) {
      trimmed = receipt.claim;
      for (const Visit& visit : trimmed->visits) {
        std::vector<std::size_t> units;
        for (std::size_t u = 0; u < receipt.units.size(); ++u) {
          if (receipt.units[u].days[visit.date.day() - 1] > 0) units.push_back(u);
        }
        units_of.push_back(std::move(units));
      }
    }
    Claim& claim_left = *trimmed;
    const auto where = order_of(error.field);
    if (!where || where->first >= claim_left.visits.size() ||
        where->second >= claim_left.visits[where->first].orders.size() || error.status == Status::internal_error) {
      return unpriced(receipt, error, path);
    }
    auto& visit_orders = claim_left.visits[where->first].orders;
    auto& visit_units = units_of[where->first];
    excluded.push_back(uke::Excluded{visit_units[where->second], claim_left.visits[where->first].date.day(), error});
    visit_orders.erase(visit_orders.begin() + static_cast<std::ptrdiff_t>(where->second));
    visit_units.erase(visit_units.begin() + static_cast<std::ptrdiff_t>(where->second));
    if (visit_orders.empty()) {
      claim_left.visits.erase(claim_left.visits.begin() + static_cast<std::ptrdiff_t>(where->first));
      units_of.erase(units_of.begin() + static_cast<std::ptrdiff_t>(where->first));
    }
    if (claim_left.visits.empty()) {
      const MasterSet* set = options.revision.empty() ? masters.for_date(claim_left.month.first_day())
                                                      : masters.revision(options.revision);
      if (!set) return unpriced(receipt, error, path);
      PricedClaim none;
      none.id = claim_left.id;
      none.revision = set->revision();
      return compared(receipt, none, masters, excluded, std::nullopt);
    }
  }
  return unpriced(receipt, ErrorInfo{Status::internal_error, {}, 0, 0, {}, "pricing did not settle"}, path);
}

// A receipt to price: read from the file and owned (streaming) or one of a UkeFile's.
struct ReceiptJob {
  UkeReceipt owned;
  const UkeReceipt* borrowed = nullptr;
  const UkeReceipt& receipt() const { return borrowed != nullptr ? *borrowed : owned; }
  void reuse() { borrowed = nullptr; }
};
// Each thread prices into its own result, receipt after receipt.
using Pipeline = detail::OrderedBatches<ReceiptJob, UkeReceiptComparison, PricedClaim>;

// A report for `path`, once the revision forced, if any, is known to be loaded.
UkePriceReport report_for(std::string path, const MasterLibrary& masters, const PricingOptions& options) {
  if (!options.revision.empty() && !masters.revision(options.revision)) {
    throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, "revision", fmt::format("revision {} is not loaded", options.revision)});
  }
  UkePriceReport report;
  report.path = std::move(path);
  report.revision = options.revision;
  return report;
}

// Receipts per batch: a clinic's receipt is a few dozen records, a hospital's a few hundred.
constexpr std::size_t kBatchReceipts = 64;

// Prices the receipts handed to add() in order into `report` (whose path names the file), on
// `workers` threads beside the caller's (none: on the caller's).
class Checker {
 public:
  Checker(const MasterLibrary& masters, const PricingOptions& options, unsigned workers, UkePriceReport& report)
      : report_(report),
        points_only_(without_copay(options)),
        work_([this, &masters, &options, &report](const ReceiptJob& job, UkeReceiptComparison& answer, PricedClaim& priced) {
          answer = price_receipt(job.receipt(), masters, options, points_only_, report.path, priced);
        }),
        // On worker threads an answer is copied onto the calling thread, not moved: the report holds
        // every receipt until it is written, and glibc grows a thread's own arena a page at a time,
        // an mprotect(2) each (17,647 calls for a month of 20,000 receipts, strace), which also
        // stalls the other thread's page faults. Copied, the pricing thread's memory is reused
        // receipt after receipt and the report grows where it is kept.
        sink_([&report, copy = workers > 0](std::span<UkeReceiptComparison> answers) {
          for (UkeReceiptComparison& answer : answers) {
            if (copy) report.receipts.push_back(answer);
            else report.receipts.push_back(std::move(answer));
          }
          return true;
        }),
        pipeline_(workers, work_, sink_) {}

  void add(UkeReceipt&& receipt) { next().owned = std::move(receipt); }
  void add(const UkeReceipt& receipt) { next().borrowed = &receipt; }
  // The file's own figures, once it is read.
  void finish(const UkeFile& file) {
    pipeline_.finish();
    report_.receipts_in_file = file.receipts_seen;
    report_.errors = file.errors;
    report_.findings = file.findings;
  }

 private:
  ReceiptJob& next() {
    if (pipeline_.batch().size() >= kBatchReceipts) pipeline_.submit();
    return pipeline_.batch().add();
  }

  static PricingOptions without_copay(PricingOptions options) {
    options.copay = false;
    return options;
  }

  UkePriceReport& report_;
  const PricingOptions points_only_;  // made once, not per receipt (its shared_ptrs' counts are shared)
  const Pipeline::Work work_;
  const Pipeline::Sink sink_;
  Pipeline pipeline_;
};

// Prices each receipt `read` hands on (a uke::read_uke* call given the sink) as it is read.
template <class Read>
UkePriceReport price_as_read(std::string path, const MasterLibrary& masters, const PricingOptions& options,
                             unsigned threads, const Read& read) {
  UkePriceReport report = report_for(std::move(path), masters, options);
  // Reading is a third of a check: the reading thread is one of the `threads`.
  Checker checker(masters, options, threads > 1 ? threads - 1 : 0, report);
  const UkeFile file = read([&](UkeReceipt&& r) {
    report.receipt_findings.push_back(r.findings);
    checker.add(std::move(r));
  });
  checker.finish(file);
  return report;
}

}  // namespace

UkePriceReport price_uke(const UkeFile& file, const MasterLibrary& masters, const PricingOptions& options,
                         unsigned threads) {
  UkePriceReport report = report_for(file.path, masters, options);
  Checker checker(masters, options, threads > 1 ? threads : 0, report);
  for (const UkeReceipt& r : file.receipts) {
    report.receipt_findings.push_back(r.findings);
    checker.add(r);
  }
  checker.finish(file);
  return report;
}

UkePriceReport price_uke_file(const std::filesystem::path& path, const UkeReadOptions& read,
                              const MasterLibrary& masters, const PricingOptions& options, unsigned threads) {
  return price_as_read(path.string(), masters, options, threads,
                       [&](const uke::ReceiptSink& sink) { return uke::read_uke_file(path, read, sink); });
}

UkePriceReport price_uke_bytes(std::string_view bytes, std::string_view path, const UkeReadOptions& read,
                               const MasterLibrary& masters, const PricingOptions& options, unsigned threads) {
  return price_as_read(std::string(path), masters, options, threads,
                       [&](const uke::ReceiptSink& sink) { return uke::read_uke(bytes, path, read, sink); });
}

std::size_t UkePriceReport::units() const {
  std::size_t n = 0;
  for (const UkeReceiptComparison& r : receipts) n += r.units.size();
  return n;
}

std::size_t UkePriceReport::agreeing_units() const {
  std::size_t n = 0;
  for (const UkeReceiptComparison& r : receipts) n += r.agreeing_units();
  return n;
}

}  // namespace santei
