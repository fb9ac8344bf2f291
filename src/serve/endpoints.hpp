// The endpoints of `santei serve`, apart from HTTP: a Request in, a Response out. The HTTP side
// (session.cpp) routes, reads, and writes; everything an endpoint answers is decided here, from the
// public library API (santei/price_stream.hpp, lookup.hpp, uke.hpp, masters.hpp) and nothing else.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "santei/result.hpp"
#include "serve/config.hpp"
#include "serve/library.hpp"
#include "serve/metrics.hpp"
#include "serve/query.hpp"

namespace santei::serve {

struct Request {
  std::string method;        // "GET", "POST"
  Target target;             // path and decoded query
  std::string content_type;  // the media type, lower case, without parameters ("application/json")
  std::string authorization;
  std::string body;
  std::string id;            // the request id (X-Request-Id)
};

// Writes one chunk of a streamed answer; false once the client is gone (stop producing).
using ChunkSink = std::function<bool(std::string_view)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Set: the body is this function's chunks, produced on the worker while they are written
  // (Transfer-Encoding: chunked); `body` is then unused.
  std::function<void(const ChunkSink&)> stream;
  std::vector<std::pair<std::string, std::string>> headers;  // Allow, Retry-After, WWW-Authenticate
};

// What the endpoints share: the loaded masters, the counters, the configuration.
struct Service {
  const ServeConfig& config;
  LibraryHolder& libraries;
  Metrics& metrics;
  std::function<std::size_t()> queued;  // requests waiting for a worker
  std::function<std::size_t()> busy;    // workers running a job
  std::atomic<bool> draining{false};    // SIGTERM: /readyz says so, connections close after their answer

  // Reloads the masters (SIGHUP, POST /v1/admin/reload, the first load), logs and counts it.
  LibraryHolder::Outcome reload(std::string_view trigger);
};

// Where an endpoint's answer is computed.
enum class Runs {
  io_thread,     // at once from memory (health, metrics, revisions): on the I/O thread that read it
  worker,        // may take long whatever it is sent (a reload): on a worker
  by_body_size,  // on the I/O thread when the body is at most Limits::inline_body_bytes (one claim:
                 // no hand-off between threads), else on a worker; a streamed answer always on a worker
};

struct Endpoint {
  std::string_view name;    // the route, for logs and metrics: "/v1/codes/{code}"
  std::string_view method;  // "GET" or "POST"
  std::vector<std::string_view> content_types;  // a POST's accepted media types
  Runs runs;
  Response (*handle)(Request& request, Service& service);
};

// The endpoint serving `path` whatever the method, or nullptr (404).
const Endpoint* route(std::string_view path);

// Runs an endpoint: every failure becomes its error answer, nothing escapes.
Response answer(const Endpoint& endpoint, Request& request, Service& service);

// The error answer: the CLI's error JSON ({"format":"santei.result/1","error":{…}}) and a newline.
Response error_response(int http_status, Status status, std::string field, std::string message);

// The HTTP status of a santei error: 400 malformed, 413 over a limit, 422 not priceable, 500 ours.
int http_status(Status status);

}  // namespace santei::serve
