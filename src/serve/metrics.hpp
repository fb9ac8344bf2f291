// The service's counters in the Prometheus text format (GET /metrics): requests and latency
// histograms by endpoint and status, requests in flight, connections, the worker queue, reloads,
// and which masters are loaded. Thread-safe: any thread records, any thread renders.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace santei::serve {

struct Library;

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 14> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,    0.25,  0.5,    1,     2.5,   5,     10};

  void request_started() { ++in_flight_; }
  // `endpoint` is the route's name ("/v1/codes/{code}"), never the raw path, so labels stay few.
  void request_finished(std::string_view endpoint, int status, double seconds);
  void connection_opened() { ++connections_open_; }
  void connection_closed() { --connections_open_; }
  void connection_refused() { ++connections_refused_; }
  void queue_rejected() { ++queue_rejected_; }
  void reload_finished(bool ok) { ++(ok ? reloads_ok_ : reloads_failed_); }

  std::int64_t in_flight() const { return in_flight_; }
  std::int64_t connections_open() const { return connections_open_; }

  // Everything, as text; `library` may be null (not loaded yet); `queued` and `busy`: the workers' queue and load.
  std::string render(const Library* library, std::size_t queued, std::size_t busy) const;

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative; summed on render
  };
  mutable std::mutex mutex_;  // guards series_
  std::map<std::pair<std::string, int>, Series> series_;
  std::atomic<std::int64_t> in_flight_{0};
  std::atomic<std::int64_t> connections_open_{0};
  std::atomic<std::uint64_t> connections_refused_{0};
  std::atomic<std::uint64_t> queue_rejected_{0};
  std::atomic<std::uint64_t> reloads_ok_{0};
  std::atomic<std::uint64_t> reloads_failed_{0};
};

}  // namespace santei::serve
