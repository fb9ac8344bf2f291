// The claims of price_stream in batches: priced on worker threads while the calling thread reads
// the next claims and hands the priced batches to the sink, in input order (price_stream.cpp).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "santei/price_stream.hpp"

namespace santei::detail {

// One claim as read.
struct ClaimJob {
  std::string text;
  std::int64_t line = 0;
  std::optional<ErrorInfo> rejected;  // not read: over the size limit
};

// Claims read together, answered together and handed to the sink in one call. Its jobs and
// answers keep their memory when it is refilled, so the steady state allocates no buffers.
class Batch {
 public:
  ClaimJob& add();  // an empty job at the end
  std::size_t size() const { return size_; }
  std::span<ClaimJob> jobs() { return {jobs_.data(), size_}; }
  std::span<ClaimAnswer> answers() { return {answers_.data(), size_}; }
  void clear() { size_ = 0; bytes = 0; }

  std::size_t bytes = 0;  // of the claims' lines
  bool priced = false;    // guarded by the pipeline's mutex

 private:
  std::vector<ClaimJob> jobs_;
  std::vector<ClaimAnswer> answers_;  // answers_[i] answers jobs_[i]; contiguous for the sink
  std::size_t size_ = 0;
};

// Prices one job into its answer with the thread's own PricedClaim; throws nothing.
using PriceJob = std::function<void(const ClaimJob&, ClaimAnswer&, PricedClaim&)>;
using AnswerSink = std::function<bool(std::span<const ClaimAnswer>)>;

// A fixed ring of batches. The calling thread fills batch() and submit()s it; `threads` workers
// price submitted batches; the sink is called on the calling thread, batch after batch in the
// order submitted. With one thread there is no worker: submit() prices inline.
// Once the sink returns false nothing more is priced or sunk. The destructor joins the workers.
class BatchPipeline {
 public:
  BatchPipeline(unsigned threads, const PriceJob& price, const AnswerSink& sink);
  ~BatchPipeline();
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  Batch& batch() { return slot(submitted_); }  // the batch being filled
  // Hands batch() on (it must hold a claim) and makes room for the next, sinking the batches
  // already priced. @return false once the sink has said stop.
  bool submit();
  // Submits what batch() holds and sinks everything. @return false if the sink said stop.
  bool finish();
  std::size_t errors() const { return errors_; }  // answers sunk that are errors

 private:
  Batch& slot(std::uint64_t number) { return ring_[number % ring_.size()]; }
  bool sink(Batch& batch);
  bool drain(std::uint64_t until);
  void stop();
  void work();

  const PriceJob& price_;
  const AnswerSink& sink_;
  std::vector<Batch> ring_;
  std::vector<std::thread> workers_;
  PricedClaim inline_priced_;  // the one-thread pipeline's
  std::size_t errors_ = 0;
  // Batches are numbered in input order: sunk_ <= taken_ <= submitted_ (the one being filled).
  std::uint64_t sunk_ = 0;       // the calling thread's alone
  std::uint64_t taken_ = 0;      // by a worker; under the mutex
  std::uint64_t submitted_ = 0;  // written only by the calling thread, under the mutex
  std::mutex mutex_;
  std::condition_variable submitted_cv_;  // workers wait for a batch
  std::condition_variable priced_cv_;     // the calling thread waits for the oldest batch
  std::atomic<bool> stopping_ = false;  // read by workers between claims, too
};

}  // namespace santei::detail
