// Running a regression over an input on N threads: batches read in order, compared in parallel,
// each thread adding into its own summary, receipts reported in input order.
#include <atomic>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "santei/regress.hpp"

namespace santei {
namespace {

// JSON Lines read per batch: large enough to keep every thread busy, small enough to bound memory.
constexpr std::size_t kBatch = 8192;

unsigned thread_count(const RegressRunOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

struct Job {
  std::string text;
  std::int64_t line = 0;
  std::int64_t sequence = 0;
  RegressReceipt receipt;  // kept for on_receipt
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

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r") == std::string::npos; }

}  // namespace

RegressSummary regress_json_lines(std::istream& in, std::string_view source, const Regression& regression,
                                  const RegressRunOptions& options) {
  const unsigned threads = thread_count(options);
  std::vector<RegressSummary> parts = summaries(threads, regression);
  const bool report = static_cast<bool>(options.on_receipt);
  std::vector<Job> jobs;
  jobs.reserve(kBatch);
  std::int64_t line = 0;
  std::int64_t sequence = 0;
  std::int64_t bytes = 0;
  bool more = true;
  while (more) {
    jobs.clear();
    std::string text;
    while (jobs.size() < kBatch && (more = static_cast<bool>(std::getline(in, text)))) {
      ++line;
      bytes += static_cast<std::int64_t>(text.size()) + 1;
      if (blank(text)) continue;
      jobs.push_back(Job{std::move(text), line, sequence++, {}});
    }
    parallel(threads, jobs.size(), [&](unsigned t, std::size_t i) {
      Job& job = jobs[i];
      RegressOutcome outcome;
      try {
        outcome = regression.compare(parse_claim(job.text), job.sequence, job.line);
      } catch (const Exception& e) {
        ErrorInfo info = e.info();
        info.file = std::string(source);
        info.line = job.line;  // a claim is one line: its own line numbers are all 1
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
