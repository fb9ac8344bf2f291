// One HTTP connection of `santei serve` on Boost.Beast: reads requests with a deadline on every
// read, checks them against the limits, hands them to their endpoint (on a worker when its body is
// big or its answer streamed), writes the answers, and keeps the connection for the next request or
// closes it.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "serve/beast.hpp"
#include "serve/config.hpp"
#include "serve/endpoints.hpp"
#include "serve/work_pool.hpp"

namespace santei::serve {

class Session;

// What every connection of a server shares.
class Connections {
 public:
  Connections(Service& service, WorkPool& pool);

  // Starts serving a connection the acceptor took.
  void start(tcp::socket socket);
  // SIGTERM: every connection closes once its request in flight (if any) is answered.
  void drain();
  // The drain timeout passed: every connection is closed now.
  void close_all();
  // Connections whose session still exists (a worker may still hold one that is closed).
  std::size_t live() const;

  // Bytes of request bodies reserved at once, within Limits::max_body_memory.
  bool reserve_body(std::size_t bytes);
  void release_body(std::size_t bytes);
  std::string next_request_id();

  Service& service;
  WorkPool& pool;

 private:
  friend class Session;
  void forget(std::uint64_t id);
  std::vector<std::shared_ptr<Session>> alive() const;

  mutable std::mutex mutex_;  // guards sessions_
  std::map<std::uint64_t, std::weak_ptr<Session>> sessions_;
  std::uint64_t next_session_ = 0;
  std::atomic<std::size_t> body_memory_{0};
  std::atomic<std::uint64_t> next_request_{0};
  std::string request_prefix_;  // random per process, so ids from several servers do not collide
};

}  // namespace santei::serve
