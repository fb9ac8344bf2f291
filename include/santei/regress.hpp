// santei/regress.hpp — the same claims priced under two fee revisions, compared receipt by receipt
// and code by code: what a revision does to a month of real (or generated) claims.
//
// Each claim is priced twice with PricingOptions::revision set to the old and the new revision id
// (ages and copayment still use the claim's real dates). A receipt's points under a revision are
// its 合計点数, or 0 when that revision cannot price it (RegressSide::priced says so); totals and
// per-code sums are over exactly those points, so the per-receipt rows, the per-code rows and the
// headline figures always add up to each other.
//
// Per-code figures attribute each priced line (a 剤 or 行為 on a date, points × count) to its lead
// code: the first code of the line in UKE record order (the base 診療行為 of a procedure with its
// additions, the first drug of a 剤, the first test of a 包括対象検査 bundle).
//
// Thread-safety: a Regression is immutable; compare() may be called from any number of threads.
// RegressSummary is a value: build one per thread and merge().
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "santei/pricing.hpp"
#include "santei/uke.hpp"

namespace santei {

// One revision's pricing of one receipt.
struct RegressSide {
  bool priced = false;               // false: the revision could not price the claim (see error)
  Points points;                     // 合計点数; 0 when not priced
  std::optional<Yen> patient_yen;    // the window charge, when the copayment was computed
  std::int32_t errors = 0;           // diagnostics of severity error
  std::int32_t diagnostics = 0;      // diagnostics of every severity
  std::string error;                 // why it could not be priced, one line
};

// One receipt under both revisions.
struct RegressReceipt {
  std::int64_t sequence = 0;  // 0-based position in the input
  std::int64_t line = 0;      // 1-based input line (JSON Lines) or RE record line (UKE)
  std::string id;             // the claim's id
  RegressSide old_side;
  RegressSide new_side;
  // Why the receipt fails under the new revision when it did not under the old: the pricing
  // error, or each error diagnostic ("rule codes: message") the old revision did not raise.
  std::vector<std::string> new_failures;

  Points delta() const { return new_side.points - old_side.points; }
};

// One lead code under both revisions.
struct RegressCode {
  std::int64_t old_count = 0;  // times billed (Σ line count) under the old revision
  std::int64_t new_count = 0;
  Points old_points;           // Σ line points × count
  Points new_points;

  Points delta() const { return new_points - old_points; }
};

// The histogram of per-receipt point changes (receipts priced by both revisions): bucket
// kHistogramZero holds the unchanged ones; the buckets below it the decreases, above it the
// increases, bounded by kHistogramEdges (|delta| in [edge[i-1], edge[i]) per side, the last open).
inline constexpr std::array<std::int64_t, 9> kHistogramEdges = {1, 5, 10, 20, 50, 100, 200, 500, 1000};
inline constexpr std::size_t kHistogramBuckets = 2 * kHistogramEdges.size() + 1;
inline constexpr std::size_t kHistogramZero = kHistogramEdges.size();
SANTEI_API std::size_t histogram_bucket(Points delta);
// The bucket's range as text, e.g. "−49 … −20", "0", "1000 or more".
SANTEI_API std::string histogram_label(std::size_t bucket);

// Receipts newly failing under the new revision that a summary keeps (the first ones in input
// order); all of them are counted.
inline constexpr std::size_t kMaxFailingListed = 200;

struct RegressSummary {
  std::string old_revision;
  std::string new_revision;
  // The JSON Lines input's lines read, blank ones and a last one without a newline among them: a
  // partition's count numbers the lines of the partitions after it (a Dask run). 0 where the
  // claims came otherwise (regress_claims, regress_uke_file).
  std::int64_t lines = 0;
  std::int64_t receipts = 0;
  std::int64_t priced_both = 0;
  std::int64_t failed_old = 0;      // receipts the old revision could not price
  std::int64_t failed_new = 0;      // receipts the new revision could not price
  std::int64_t newly_failing = 0;   // receipts with new_failures
  Points old_points;                // Σ RegressSide::points
  Points new_points;
  Yen old_patient_yen;              // Σ window charges (receipts with a copayment)
  Yen new_patient_yen;
  std::int64_t up = 0;              // priced by both: points went up / down / unchanged
  std::int64_t down = 0;
  std::int64_t unchanged = 0;
  std::array<std::int64_t, kHistogramBuckets> histogram{};
  std::map<Code, RegressCode> codes;
  std::vector<RegressReceipt> failing;  // newly failing receipts, smallest sequence first, at most kMaxFailingListed

  Points delta() const { return new_points - old_points; }
  // Adds another summary of the same two revisions (other threads, other partitions).
  SANTEI_API void merge(const RegressSummary& other);
};

// One receipt compared, with the lead-code attribution of both pricings.
struct RegressOutcome {
  RegressReceipt receipt;
  struct CodePoints {
    Code code = 0;
    std::int64_t count = 0;
    Points points;
  };
  std::vector<CodePoints> old_codes;
  std::vector<CodePoints> new_codes;
};

// Adds one compared receipt to a summary.
SANTEI_API void add_outcome(RegressSummary& summary, RegressOutcome outcome);

class SANTEI_API Regression {
 public:
  // `old_masters` and `new_masters` must each hold the revision named; they are shared, not
  // copied, and must outlive the Regression. `pricing` is used for both (its revision is set
  // to each id in turn). Throws Status::not_found when a revision is not loaded.
  Regression(const MasterLibrary& old_masters, std::string old_revision, const MasterLibrary& new_masters,
             std::string new_revision, PricingOptions pricing = {.copay = true, .explain = false});

  const std::string& old_revision() const { return old_revision_; }
  const std::string& new_revision() const { return new_revision_; }
  // The pricing options in force: whether window charges are computed.
  const PricingOptions& pricing() const { return old_options_; }

  // Prices `claim` under both revisions. Never throws for the claim's content: a revision that
  // cannot price it gives RegressSide::priced = false.
  RegressOutcome compare(const Claim& claim, std::int64_t sequence = 0, std::int64_t line = 0) const;
  // A receipt whose claim could not be read at all: failed under both revisions.
  RegressOutcome unreadable(const ErrorInfo& error, std::int64_t sequence, std::int64_t line) const;
  // A code's name: the new revision's master name, else the old one's, else "".
  std::string code_name(Code code) const;

 private:
  const MasterLibrary* old_masters_;
  const MasterLibrary* new_masters_;
  std::string old_revision_;
  std::string new_revision_;
  PricingOptions old_options_;
  PricingOptions new_options_;
};

// ───────────────────────────── Running over an input ─────────────────────────────

struct RegressRunOptions {
  unsigned threads = 0;  // 0 = the hardware threads
  // Called on the calling thread for every receipt, in input order (e.g. to write CSV rows).
  std::function<void(const RegressReceipt&)> on_receipt;
  // Called on the calling thread after each batch: receipts done so far, input bytes consumed.
  std::function<void(std::int64_t receipts, std::int64_t bytes)> on_progress;
  // The input line of the first line read: a part of a larger file (a Dask partition) reports and
  // names its receipts by the file's lines.
  std::int64_t first_line = 1;
};

// Reads santei.claim/1 JSON Lines from `in` (blank lines skipped), compares every claim, and
// returns the summary. Memory is bounded: the input is read in batches. A line that is not a
// claim counts as a receipt that neither revision could price (the reason names its line). A read
// error of `in` throws Status::io_error naming `source` and the line it stopped in.
SANTEI_API RegressSummary regress_json_lines(std::istream& in, std::string_view source, const Regression& regression,
                                             const RegressRunOptions& options = {});
// The same of JSON Lines already in memory (a mapped file, a caller's buffer), which must stay
// there until the call returns: each claim is parsed where it lies, not copied first.
SANTEI_API RegressSummary regress_json_lines(std::string_view lines, std::string_view source,
                                             const Regression& regression, const RegressRunOptions& options = {});
// The same of the JSON Lines file at `path`, mapped rather than read, as price_file() maps its
// claims (santei/price_stream.hpp): memory stays bounded however large the file. Throws
// Status::io_error when it cannot be opened or mapped.
SANTEI_API RegressSummary regress_json_lines_file(const std::filesystem::path& path, std::string_view source,
                                                  const Regression& regression, const RegressRunOptions& options = {});

// Compares claims already read (e.g. from a UKE file); `lines` gives each one's input line
// (may be empty).
SANTEI_API RegressSummary regress_claims(const std::vector<Claim>& claims, const std::vector<std::int64_t>& lines,
                                         const Regression& regression, const RegressRunOptions& options = {});

// Reads the UKE file at `path` and compares each receipt as soon as it is read: the receipts of
// regress_claims on the file's claims, with the reading overlapped with the comparing and memory
// bounded by the batches in flight. `read` gets the file's reading errors, findings and count of RE
// records (`receipts_seen`); its receipts stay empty.
SANTEI_API RegressSummary regress_uke_file(const std::filesystem::path& path, const UkeReadOptions& read_options,
                                           const Regression& regression, const RegressRunOptions& options, UkeFile& read);

// ───────────────────────────── Writing ─────────────────────────────

// The CSV (RFC 4180, UTF-8, header line first). One table with a `record` column:
//   receipt rows: id, line, old/new points, delta, old/new patient yen, old/new error and
//                 diagnostic counts, status (ok | old_failed | new_failed | both_failed) and
//                 notes (the new failures, or why the old revision could not price it);
//   code rows:    code, name, old/new count, old/new points, delta.
// The header and receipt rows are written while the run goes; the code rows at the end.
SANTEI_API std::string regress_csv_header();
SANTEI_API std::string regress_csv_receipt(const RegressReceipt& receipt);
SANTEI_API std::string regress_csv_codes(const RegressSummary& summary, const Regression& regression);

// The summary as JSON (santei.regress/1): the headline figures, the histogram, every code and
// the listed failing receipts. Two runs over the same claims give the same text.
SANTEI_API std::string regress_summary_json(const RegressSummary& summary, const Regression& regression);

// A single self-contained HTML page (inline CSS and SVG, no script, nothing fetched): headline
// figures, the histogram of per-receipt changes, the codes that moved the most and the receipts
// that now fail a rule. `title` names the input.
SANTEI_API std::string regress_html(const RegressSummary& summary, const Regression& regression, std::string_view title);

}  // namespace santei
