// Running a regression over an input on N threads: batches read in order and compared on worker
// threads while the next are read (core/ordered_batches.hpp), each thread adding into its own
// summary, receipts reported in input order.
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "claim/json_lines.hpp"
#include "core/line_reader.hpp"
#include "core/mapped_file.hpp"
#include "core/ordered_batches.hpp"
#include "core/thread_count.hpp"
#include "regress/part.hpp"
#include "santei/regress.hpp"
#include "uke/read.hpp"

namespace santei {
namespace {

// Claims go to the workers in batches of these many claims (or bytes of JSON Lines) at most, small
// enough that the ring of batches stays small and the threads share out the end of the input.
constexpr std::size_t kBatch = 256;
constexpr std::size_t kBatchBytes = std::size_t{1} * 1024 * 1024;

// The pipeline's worker threads: none (compared on the reading thread) for one thread.
unsigned worker_count(const RegressRunOptions& options) {
  const unsigned threads = detail::thread_count(options.threads);
  return threads > 1 ? threads : 0;
}

// One line of the input as read.
struct Job {
  json::PaddedText text;
  std::int64_t line = 0;
  std::int64_t sequence = 0;
  std::size_t over_length = 0;  // a line over kMaxClaimBytes, not read: its length

  void reuse() {
    text.clear();
    line = sequence = 0;
    over_length = 0;
  }
};

// A claim already read (regress_claims): its index.
struct ClaimAt {
  std::size_t index = 0;

  void reuse() { index = 0; }
};

// A receipt of a UKE file as read (regress_uke_file): its claim, moved out of it.
struct UkeClaim {
  Claim claim;
  std::int64_t line = 0;
  std::int64_t sequence = 0;

  void reuse() {}  // every field is assigned when the job is filled
};

// Each thread adds its receipts into its own part; the answers are the receipts, kept for
// on_receipt.
using Pipeline = detail::OrderedBatches<Job, RegressReceipt, regress::Part>;
using ClaimsPipeline = detail::OrderedBatches<ClaimAt, RegressReceipt, regress::Part>;
using UkePipeline = detail::OrderedBatches<UkeClaim, RegressReceipt, regress::Part>;

// The calling thread's part of a run: each batch's receipts to on_receipt, in order, then the
// progress — `done` receipts so far and `bytes` of input read (0 for claims already read).
std::function<bool(std::span<const RegressReceipt>)> reporter(const RegressRunOptions& options, std::int64_t& done,
                                                              const std::int64_t& bytes) {
  return [&options, &done, &bytes](std::span<const RegressReceipt> receipts) {
    if (options.on_receipt) {
      for (const RegressReceipt& receipt : receipts) options.on_receipt(receipt);
    }
    done += static_cast<std::int64_t>(receipts.size());
    if (options.on_progress) options.on_progress(done, bytes);
    return true;
  };
}

void name_revisions(std::span<regress::Part> parts, const Regression& regression) {
  for (regress::Part& part : parts) {
    part.summary.old_revision = regression.old_revision();
    part.summary.new_revision = regression.new_revision();
  }
}

// A compared receipt added into its thread's part, and kept as the answer when `report` (on_receipt).
void add_to(regress::Part& part, RegressOutcome&& outcome, RegressReceipt& answer, bool report) {
  if (report) answer = outcome.receipt;
  regress::add_codes(part.codes, outcome);
  regress::add_receipt(part.summary, std::move(outcome.receipt));
}

RegressSummary merged(std::span<regress::Part> parts) {
  RegressSummary out = std::move(parts.front().summary);
  for (std::size_t i = 1; i < parts.size(); ++i) out.merge(parts[i].summary);
  for (const regress::Part& part : parts) {
    for (const auto& [code, totals] : part.codes) regress::add(out.codes[code], totals);
  }
  return out;
}

// The body of both regress_json_lines(): the claims of `reader`, whose lines lie in `whole` when
// it reads memory (empty: a stream, each line gone by the next).
RegressSummary compare_lines(detail::LineReader& reader, std::string_view whole, std::string_view source,
                             const Regression& regression, const RegressRunOptions& options) {
  const bool report = static_cast<bool>(options.on_receipt);
  const Pipeline::Work compare = [&](const Job& job, RegressReceipt& receipt, regress::Part& part) {
    RegressOutcome outcome;
    try {
      if (job.over_length > 0) throw Exception(claim::over_size(job.over_length));
      claim::parse_claim(job.text, part.claim);
      outcome = regression.compare(part.claim, job.sequence, job.line);
    } catch (const Exception& e) {
      const ErrorInfo info = e.info().in_input(source, job.line);  // a claim is one line: its own lines are all 1
      outcome = regression.unreadable(info, job.sequence, job.line);
    }
    add_to(part, std::move(outcome), receipt, report);
  };
  std::int64_t sequence = 0;
  std::int64_t bytes = 0;
  std::int64_t done = 0;
  const Pipeline::Sink sink = reporter(options, done, bytes);
  Pipeline pipeline(worker_count(options), compare, sink);
  name_revisions(pipeline.workers(), regression);
  std::int64_t lines = 0;
  while (const std::optional<detail::LineRead> line = reader.next()) {
    lines = line->number;
    bytes += static_cast<std::int64_t>(line->length) + 1;
    Pipeline::Batch& batch = pipeline.batch();
    const std::int64_t number = line->number + options.first_line - 1;
    if (line->over) {
      Job& job = batch.add();
      job.line = number;
      job.sequence = sequence++;
      job.over_length = line->length;
    } else if (!claim::blank_line(line->text)) {
      Job& job = batch.add();
      job.text.assign(line->text, whole);
      job.line = number;
      job.sequence = sequence++;
      batch.bytes += line->length;
    }
    if (batch.size() >= kBatch || batch.bytes >= kBatchBytes) pipeline.submit();
  }
  pipeline.finish();
  if (options.on_progress && done == 0) options.on_progress(0, bytes);  // an input with no claim
  RegressSummary summary = merged(pipeline.workers());
  summary.lines = lines;
  return summary;
}

}  // namespace

RegressSummary regress_json_lines(std::istream& in, std::string_view source, const Regression& regression,
                                  const RegressRunOptions& options) {
  // A line longer than any claim (kMaxClaimBytes) is read past, not held, and counted unreadable.
  detail::LineReader reader(in, source, kMaxClaimBytes);
  return compare_lines(reader, {}, source, regression, options);
}

RegressSummary regress_json_lines(std::string_view lines, std::string_view source, const Regression& regression,
                                  const RegressRunOptions& options) {
  detail::LineReader reader(lines, kMaxClaimBytes);
  return compare_lines(reader, lines, source, regression, options);
}

RegressSummary regress_json_lines_file(const std::filesystem::path& path, std::string_view source,
                                       const Regression& regression, const RegressRunOptions& options) {
  const MappedFile file(path, std::numeric_limits<std::uintmax_t>::max(), MappedFile::Reading::sequential);
  detail::LineReader reader(file, kMaxClaimBytes);
  return compare_lines(reader, file.bytes(), source, regression, options);
}

RegressSummary regress_claims(const std::vector<Claim>& claims, const std::vector<std::int64_t>& lines,
                              const Regression& regression, const RegressRunOptions& options) {
  const bool report = static_cast<bool>(options.on_receipt);
  const ClaimsPipeline::Work compare = [&](const ClaimAt& at, RegressReceipt& receipt, regress::Part& part) {
    const std::size_t k = at.index;
    add_to(part, regression.compare(claims[k], static_cast<std::int64_t>(k), k < lines.size() ? lines[k] : 0), receipt, report);
  };
  std::int64_t done = 0;
  const std::int64_t no_bytes = 0;
  const ClaimsPipeline::Sink sink = reporter(options, done, no_bytes);
  ClaimsPipeline pipeline(worker_count(options), compare, sink);
  name_revisions(pipeline.workers(), regression);
  for (std::size_t k = 0; k < claims.size(); ++k) {
    pipeline.batch().add().index = k;
    if (pipeline.batch().size() >= kBatch) pipeline.submit();
  }
  pipeline.finish();
  return merged(pipeline.workers());
}

RegressSummary regress_uke_file(const std::filesystem::path& path, const UkeReadOptions& read_options,
                                const Regression& regression, const RegressRunOptions& options, UkeFile& read) {
  const bool report = static_cast<bool>(options.on_receipt);
  const UkePipeline::Work compare = [&](const UkeClaim& job, RegressReceipt& receipt, regress::Part& part) {
    add_to(part, regression.compare(job.claim, job.sequence, job.line), receipt, report);
  };
  std::int64_t done = 0;
  const std::int64_t no_bytes = 0;
  const UkePipeline::Sink sink = reporter(options, done, no_bytes);
  UkePipeline pipeline(worker_count(options), compare, sink);
  name_revisions(pipeline.workers(), regression);
  std::int64_t sequence = 0;
  read = uke::read_uke_file(path, read_options, [&](UkeReceipt&& receipt) {
    UkeClaim& job = pipeline.batch().add();
    job.claim = std::move(receipt.claim);
    job.line = receipt.line;
    job.sequence = sequence++;
    if (pipeline.batch().size() >= kBatch) pipeline.submit();
  });
  pipeline.finish();
  return merged(pipeline.workers());
}

}  // namespace santei
