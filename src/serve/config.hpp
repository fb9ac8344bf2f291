// What `santei serve` is told on its command line: where to listen, its limits and its threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace santei::serve {

struct Limits {
  std::size_t max_body_bytes = std::size_t{64} * 1024 * 1024;     // a request body; beyond: 413
  std::size_t max_header_bytes = 16 * 1024;                       // request line and headers; beyond: 431
  std::size_t max_connections = 512;                              // open at once; beyond: 503 and closed
  std::size_t max_queue = 256;                                    // requests waiting for a worker; beyond: 503
  std::size_t max_body_memory = std::size_t{512} * 1024 * 1024;   // bodies held at once; beyond: 503
  // A request with a body up to this is answered on the I/O thread that read it: a claim is priced
  // in tens of microseconds, less than handing it to a worker and back costs under load.
  std::size_t inline_body_bytes = 64 * 1024;
  std::chrono::seconds header_timeout{10};  // from a request's first byte to the end of its headers
  std::chrono::seconds body_timeout{60};    // to read the whole body
  std::chrono::seconds write_timeout{30};   // to write one response (or one streamed chunk)
  std::chrono::seconds idle_timeout{60};    // a kept-alive connection waiting for its next request
  std::chrono::seconds drain_timeout{30};   // on SIGTERM: how long requests in flight may still take
};

struct ServeConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (the "listening" log line says which)
  unsigned io_threads = 0;    // threads doing network I/O and answering small requests; 0: the hardware threads
  unsigned workers = 0;       // threads pricing big bodies and streams, and reloading; 0: the hardware threads
  Limits limits;
  std::string admin_token;    // empty: POST /v1/admin/reload is off (404)
  bool log_bodies = false;    // log request bodies (claims: patients' data) — off unless asked
};

}  // namespace santei::serve
