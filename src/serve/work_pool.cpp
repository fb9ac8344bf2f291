#include "serve/work_pool.hpp"

namespace santei::serve {

WorkPool::WorkPool(unsigned threads, std::size_t max_queue) : max_queue_(max_queue) {
  for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([this] { run(); });
}

WorkPool::~WorkPool() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

bool WorkPool::submit(std::function<void()> job) {
  {
    const std::lock_guard lock(mutex_);
    if (queue_.size() >= max_queue_) return false;
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void WorkPool::submit_always(std::function<void()> job) {
  {
    const std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
}

std::size_t WorkPool::queued() const {
  const std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t WorkPool::busy() const {
  const std::lock_guard lock(mutex_);
  return busy_;
}

void WorkPool::run() {
  bool worked = false;
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      if (worked) --busy_;
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to do
      job = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    worked = true;
    job();
  }
}

}  // namespace santei::serve
