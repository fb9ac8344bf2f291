#include "output/batch_pipeline.hpp"

namespace santei::detail {

ClaimJob& Batch::add() {
  if (size_ == jobs_.size()) {
    jobs_.emplace_back();
    answers_.emplace_back();
  }
  ClaimJob& job = jobs_[size_++];
  job.text.clear();
  job.rejected.reset();
  return job;
}

// Two batches a worker besides the one being filled: workers keep busy while the oldest waits to
// be sunk, in bounded memory.
BatchPipeline::BatchPipeline(unsigned threads, const PriceJob& price, const AnswerSink& sink)
    : price_(price), sink_(sink), ring_(threads > 1 ? 2 * std::size_t{threads} + 2 : 1) {
  for (unsigned t = 0; threads > 1 && t < threads; ++t) workers_.emplace_back([this] { work(); });
}

BatchPipeline::~BatchPipeline() {
  stop();
  for (std::thread& worker : workers_) worker.join();
}

void BatchPipeline::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  submitted_cv_.notify_all();
}

bool BatchPipeline::sink(Batch& batch) {
  for (const ClaimAnswer& answer : batch.answers()) {
    if (answer.status != Status::ok) ++errors_;
  }
  if (!sink_(batch.answers())) {
    stop();
    return false;
  }
  return true;
}

bool BatchPipeline::submit() {
  if (workers_.empty()) {
    Batch& batch = ring_.front();
    for (std::size_t i = 0; i < batch.size(); ++i) price_(batch.jobs()[i], batch.answers()[i], inline_priced_);
    const bool more = sink(batch);
    batch.clear();
    return more;
  }
  {
    const std::lock_guard lock(mutex_);
    ++submitted_;
  }
  submitted_cv_.notify_one();
  // The batch to fill next takes the slot of the oldest when the ring is full.
  return drain(submitted_ + 1 > ring_.size() ? submitted_ + 1 - ring_.size() : 0);
}

bool BatchPipeline::finish() {
  if (batch().size() > 0 && !submit()) return false;
  return workers_.empty() || drain(submitted_);
}

// Sinks in order every batch before number `until`, waiting for each, then those already priced.
bool BatchPipeline::drain(std::uint64_t until) {
  for (;;) {
    Batch* oldest = nullptr;
    {
      std::unique_lock lock(mutex_);
      if (sunk_ == submitted_) return true;
      oldest = &slot(sunk_);
      if (sunk_ < until) priced_cv_.wait(lock, [&] { return oldest->priced; });
      if (!oldest->priced) return true;
      oldest->priced = false;
    }
    if (!sink(*oldest)) return false;
    oldest->clear();
    ++sunk_;
  }
}

void BatchPipeline::work() {
  PricedClaim priced;  // this thread's, claim after claim
  std::unique_lock lock(mutex_);
  for (;;) {
    submitted_cv_.wait(lock, [&] { return stopping_ || taken_ < submitted_; });
    if (stopping_) return;
    Batch& batch = slot(taken_++);
    lock.unlock();
    for (std::size_t i = 0; i < batch.size() && !stopping_.load(std::memory_order_relaxed); ++i) {
      price_(batch.jobs()[i], batch.answers()[i], priced);
    }
    lock.lock();
    batch.priced = true;
    priced_cv_.notify_one();
  }
}

}  // namespace santei::detail
