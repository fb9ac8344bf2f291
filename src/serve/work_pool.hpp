// The workers that price: a fixed number of threads and a bounded queue, so concurrency is bounded
// whatever the number of connections, and a full queue is a quick 503 rather than a growing backlog.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace santei::serve {

class WorkPool {
 public:
  WorkPool(unsigned threads, std::size_t max_queue);
  ~WorkPool();  // finishes the queued jobs, then joins
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `job`; false (and `job` not run) when max_queue jobs are already waiting.
  bool submit(std::function<void()> job);
  // Queues `job` whatever the queue holds (a reload: it must not be refused).
  void submit_always(std::function<void()> job);
  std::size_t queued() const;
  std::size_t busy() const;  // workers running a job now

 private:
  void run();

  const std::size_t max_queue_;
  mutable std::mutex mutex_;  // guards queue_, busy_ and stopping_
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace santei::serve
