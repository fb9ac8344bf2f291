// Work read in batches on the calling thread, done on worker threads, handed on in input order:
// reading, working and writing overlap (price_stream, the regression run). A fixed ring of
// batches bounds the memory; a batch's jobs and answers keep theirs when it is refilled. A pipeline
// may be kept for another run (rebind()): its threads, their states and its batches with it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace santei::detail {

// `Job` has reuse(): empty it for the next job, keeping its memory. `Worker` is each thread's own
// state (a reused result, a partial summary), default-constructible.
template <class Job, class Answer, class Worker>
class OrderedBatches {
 public:
  class Batch {
   public:
    Job& add() {  // an empty job at the end
      if (size_ == jobs_.size()) {
        jobs_.emplace_back();
        answers_.emplace_back();
      }
      Job& job = jobs_[size_++];
      job.reuse();
      return job;
    }
    std::size_t size() const { return size_; }
    std::span<Job> jobs() { return {jobs_.data(), size_}; }
    std::span<Answer> answers() { return {answers_.data(), size_}; }
    void clear() {
      size_ = 0;
      bytes = 0;
    }

    std::size_t bytes = 0;  // of the jobs' input, for the caller's batch limit
    bool done = false;      // guarded by the pipeline's mutex

   private:
    std::vector<Job> jobs_;
    std::vector<Answer> answers_;  // answers_[i] answers jobs_[i]; contiguous for the sink
    std::size_t size_ = 0;
  };

  // Does one job into its answer with the thread's own Worker; must not throw.
  using Work = std::function<void(const Job&, Answer&, Worker&)>;
  // Called on the calling thread with each batch's answers, in order (it may move them out: the
  // next job's work overwrites its answer); false: stop.
  using Sink = std::function<bool(std::span<Answer>)>;

  // `workers` worker threads and a ring of two batches a worker and two more, so they keep busy
  // while the oldest is sunk. With none, submit() works inline on the calling thread.
  OrderedBatches(unsigned workers, const Work& work, const Sink& sink)
      : work_(&work), sink_(&sink), ring_(workers > 0 ? 2 * std::size_t{workers} + 2 : 1), states_(workers > 0 ? workers : 1) {
    for (unsigned t = 0; t < workers; ++t) workers_.emplace_back([this, t] { run(states_[t]); });
  }
  ~OrderedBatches() {
    stop();
    for (std::thread& worker : workers_) worker.join();
  }
  OrderedBatches(const OrderedBatches&) = delete;
  OrderedBatches& operator=(const OrderedBatches&) = delete;

  // The work and sink of the next run, on a pipeline whose last run finished (finish() returned
  // true: every batch sunk, the workers waiting).
  void rebind(const Work& work, const Sink& sink) {
    const std::lock_guard lock(mutex_);
    work_ = &work;
    sink_ = &sink;
  }
  std::size_t thread_count() const { return workers_.size(); }  // 0: work is done inline

  Batch& batch() { return slot(submitted_); }  // the batch being filled
  // Hands batch() on (it must hold a job) and makes room for the next, sinking the batches already
  // done. @return false once the sink has said stop.
  bool submit() {
    if (workers_.empty()) {
      Batch& batch = ring_.front();
      for (std::size_t i = 0; i < batch.size(); ++i) (*work_)(batch.jobs()[i], batch.answers()[i], states_.front());
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
  // Submits what batch() holds and sinks everything. @return false if the sink said stop.
  bool finish() {
    if (batch().size() > 0 && !submit()) return false;
    return workers_.empty() || drain(submitted_);
  }
  // Each thread's state; read it once finish() has returned.
  std::span<Worker> workers() { return states_; }

 private:
  Batch& slot(std::uint64_t number) { return ring_[number % ring_.size()]; }

  bool sink(Batch& batch) {
    if ((*sink_)(batch.answers())) return true;
    stop();
    return false;
  }

  // Sinks in order every batch before number `until`, waiting for each, then those already done.
  bool drain(std::uint64_t until) {
    for (;;) {
      Batch* oldest = nullptr;
      {
        std::unique_lock lock(mutex_);
        if (sunk_ == submitted_) return true;
        oldest = &slot(sunk_);
        if (sunk_ < until) done_cv_.wait(lock, [&] { return oldest->done; });
        if (!oldest->done) return true;
        oldest->done = false;
      }
      if (!sink(*oldest)) return false;
      oldest->clear();
      ++sunk_;
    }
  }

  void stop() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    submitted_cv_.notify_all();
  }

  void run(Worker& state) {
    std::unique_lock lock(mutex_);
    for (;;) {
      submitted_cv_.wait(lock, [&] { return stopping_ || taken_ < submitted_; });
      if (stopping_) return;
      Batch& batch = slot(taken_++);
      const Work& work = *work_;  // rebind() writes it under the mutex, between runs
      lock.unlock();
      for (std::size_t i = 0; i < batch.size() && !stopping_.load(std::memory_order_relaxed); ++i) {
        work(batch.jobs()[i], batch.answers()[i], state);
      }
      lock.lock();
      batch.done = true;
      done_cv_.notify_one();
    }
  }

  const Work* work_;
  const Sink* sink_;
  std::vector<Batch> ring_;
  std::vector<Worker> states_;  // states_[t] is worker t's; states_[0] the inline one's
  std::vector<std::thread> workers_;
  // Batches are numbered in input order: sunk_ <= taken_ <= submitted_ (the one being filled).
  std::uint64_t sunk_ = 0;       // the calling thread's alone
  std::uint64_t taken_ = 0;      // by a worker; under the mutex
  std::uint64_t submitted_ = 0;  // written only by the calling thread, under the mutex
  std::mutex mutex_;
  std::condition_variable submitted_cv_;  // workers wait for a batch
  std::condition_variable done_cv_;       // the calling thread waits for the oldest batch
  std::atomic<bool> stopping_ = false;    // read by workers between jobs, too
};

}  // namespace santei::detail
