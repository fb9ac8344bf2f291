// Running a regression over an input on N threads: batches read in order, compared in parallel,
// each thread adding into its own summary, receipts reported in input order.
#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include <fmt/format.h>

#include "claim/json_lines.hpp"
#include "core/line_reader.hpp"
#include "santei/regress.hpp"

namespace santei {
namespace {

// JSON Lines read per batch: large enough to keep every thread busy, small enough to bound memory
// (at most kBatch claims and about kBatchBytes of claim text).
constexpr std::size_t kBatch = 8192;
constexpr std::int64_t kBatchBytes = 64 * 1024 * 1024;

unsigned thread_count(const RegressRunOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

struct Job {
  std::string text;
  std::int64_t line = 0;
  std::int64_t sequence = 0;
  RegressReceipt receipt;  // kept for on_receipt
  std::size_t over_length = 0;  // a line over kMaxClaimBytes, not read: its length
};

// Runs work(thread, index) for index in [0, n) on `threads` threads.
template <class Work>
void parallel(unsigned threads, std::size_t n, Work work) {
  std::atomic<std::size_t> next{0};
  const auto run = [&](unsigned t) {
    for (std::size_t i = next++; i < n; i = next++) work(t, i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(run, t);
  run(0);
  for (std::thread& t : pool) t.join();
}

std::vector<RegressSummary> summaries(unsigned threads, const Regression& regression) {
  std::vector<RegressSummary> out(threads);
  for (RegressSummary& s : out) {
    s.old_revision = regression.old_revision();
    s.new_revision = regression.new_revision();
  }
  return out;
}

RegressSummary merged(std::vector<RegressSummary>& parts) {
  RegressSummary out = std::move(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) out.merge(parts[i]);
  return out;
}

}  // namespace

RegressSummary regress_json_lines(std::istream& in, std::string_view source, const Regression& regression,
                                  const RegressRunOptions& options) {
  const unsigned threads = thread_count(options);
  std::vector<RegressSummary> parts = summaries(threads, regression);
  const bool report = static_cast<bool>(options.on_receipt);
  std::vector<Job> jobs;
  jobs.reserve(kBatch);
  std::int64_t sequence = 0;
  std::int64_t bytes = 0;
  // A line longer than any claim (kMaxClaimBytes) is read past, not held, and counted unreadable.
  detail::LineReader reader(in, kMaxClaimBytes);
  bool more = true;
  while (more) {
    jobs.clear();
    std::optional<detail::LineRead> line;
    const std::int64_t batch_start = bytes;
    while (jobs.size() < kBatch && bytes - batch_start < kBatchBytes && (more = static_cast<bool>(line = reader.next()))) {
      bytes += static_cast<std::int64_t>(line->length) + 1;
      const std::int64_t number = line->number + options.first_line - 1;
      if (line->over) {
        jobs.push_back(Job{{}, number, sequence++, {}, line->length});
      } else if (!claim::blank_line(line->text)) {
        jobs.push_back(Job{std::string(line->text), number, sequence++, {}});
      }
    }
    parallel(threads, jobs.size(), [&](unsigned t, std::size_t i) {
      Job& job = jobs[i];
      RegressOutcome outcome;
      try {
        if (job.over_length > 0) throw Exception(claim::over_size(job.over_length));
        outcome = regression.compare(parse_claim(job.text), job.sequence, job.line);
      } catch (const Exception& e) {
        const ErrorInfo info = e.info().in_input(source, job.line);  // a claim is one line: its own lines are all 1
        outcome = regression.unreadable(info, job.sequence, job.line);
      }
      if (report) job.receipt = outcome.receipt;
      add_outcome(parts[t], std::move(outcome));
    });
    if (report) {
      for (const Job& job : jobs) options.on_receipt(job.receipt);
    }
    if (options.on_progress) options.on_progress(sequence, bytes);
  }
  return merged(parts);
}

RegressSummary regress_claims(const std::vector<Claim>& claims, const std::vector<std::int64_t>& lines,
                              const Regression& regression, const RegressRunOptions& options) {
  const unsigned threads = thread_count(options);
  std::vector<RegressSummary> parts = summaries(threads, regression);
  std::vector<RegressReceipt> receipts;
  for (std::size_t begin = 0; begin < claims.size(); begin += kBatch) {
    const std::size_t n = std::min(kBatch, claims.size() - begin);
    receipts.assign(options.on_receipt ? n : 0, RegressReceipt{});
    parallel(threads, n, [&](unsigned t, std::size_t i) {
      const std::size_t k = begin + i;
      RegressOutcome outcome = regression.compare(claims[k], static_cast<std::int64_t>(k), k < lines.size() ? lines[k] : 0);
      if (!receipts.empty()) receipts[i] = outcome.receipt;
      add_outcome(parts[t], std::move(outcome));
    });
    for (const RegressReceipt& r : receipts) options.on_receipt(r);
    if (options.on_progress) options.on_progress(static_cast<std::int64_t>(begin + n), 0);
  }
  return merged(parts);
}

}  // namespace santei
