#include "serve/session.hpp"

#include <chrono>
#include <future>
#include <optional>
#include <random>

#include <fmt/format.h>

#include "core/cp932.hpp"
#include "santei/config.h"
#include "serve/log.hpp"

namespace santei::serve {

namespace {

constexpr std::size_t kLoggedBodyBytes = 64 * 1024;

// The media type of a Content-Type value, lower case, without its parameters.
std::string media_type(std::string_view value) {
  value = value.substr(0, value.find(';'));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  std::string out(value);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// A client's X-Request-Id is kept when it is 1–64 characters of [A-Za-z0-9._:-].
bool usable_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                    c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Boost 1.74's Beast has its own string_view.
std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

// A parse error of Beast's HTTP parser (bad method, target, version, field, chunk …), as opposed
// to the connection's end or a limit.
bool malformed(beast::error_code ec) {
  return ec && ec.category() == http::make_error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message && ec != http::error::need_more;
}

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Connections& connections, std::uint64_t id)
      : stream_(std::move(socket)), connections_(connections), id_(id) {
    beast::error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = remote.address().to_string();
    connections_.service.metrics.connection_opened();
  }

  ~Session() {
    release_body();
    connections_.service.metrics.connection_closed();
    connections_.forget(id_);
  }

  void start() { wait_for_request(); }
  auto get_executor() { return stream_.get_executor(); }

  // On the strand. Idle: close now; otherwise close once the answer in progress is written.
  void drain() {
    draining_ = true;
    if (waiting_) close();
  }

  // On the strand: the drain timeout passed.
  void close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

 private:
  using Clock = std::chrono::steady_clock;

  // The request being answered.
  struct Current {
    const Endpoint* endpoint = nullptr;
    std::string method;
    std::string path;
    std::string id;
    unsigned version = 11;
    bool keep_alive = false;
    bool started = false;  // counted in flight
    Clock::time_point start;
    std::size_t bytes_in = 0;
    std::size_t bytes_out = 0;
    std::size_t body_reserved = 0;
    std::string body_for_log;
  };

  const Limits& limits() const { return connections_.service.config.limits; }

  // Waits for the first byte of the next request: the idle timeout on a kept-alive connection, the
  // header timeout on a new one.
  void wait_for_request() {
    current_ = Current{};
    if (buffer_.size() > 0) {  // a pipelined request is already here
      read_header();
      return;
    }
    if (draining_ || connections_.service.draining) {
      close();
      return;
    }
    waiting_ = true;
    stream_.expires_after(served_ > 0 ? limits().idle_timeout : limits().header_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
      self->waiting_ = false;
      if (ec) {  // the client left, was idle too long, or the server is draining: nothing to answer
        self->close();
        return;
      }
      self->buffer_.commit(bytes);
      self->read_header();
    });
  }

  void read_header() {
    current_.start = Clock::now();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits().max_header_bytes));
    parser_->body_limit(limits().max_body_bytes);
    stream_.expires_after(limits().header_timeout);
    http::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
      self->current_.bytes_in += bytes;
      self->on_header(ec);
    });
  }

  void on_header(beast::error_code ec) {
    begin_request();
    if (ec == http::error::header_limit) {
      return refuse(431, Status::limit_exceeded,
                    fmt::format("the request line and headers are over {} bytes", limits().max_header_bytes), true);
    }
    if (ec == http::error::body_limit) {  // a Content-Length over the limit, met with the headers
      const boost::optional<std::uint64_t> length = parser_->content_length();
      return refuse(413, Status::limit_exceeded,
                    length ? fmt::format("a body of {} bytes is over the {}-byte limit", *length, limits().max_body_bytes)
                           : fmt::format("the body is over the {}-byte limit", limits().max_body_bytes),
                    true);
    }
    if (ec == beast::error::timeout) return abandon(408, "the request's headers did not arrive in time");
    if (malformed(ec)) return refuse(400, Status::parse_error, "malformed HTTP request: " + ec.message(), true);
    if (ec) return abandon(400, "the client closed the connection inside a request's headers");
    const auto& request = parser_->get();
    current_.method = std::string(request.method_string());
    current_.version = request.version();
    current_.keep_alive = request.keep_alive();
    const std::string_view id = view(request["X-Request-Id"]);
    current_.id = usable_request_id(id) ? std::string(id) : connections_.next_request_id();
    const bool body_pending = !parser_->is_done();

    try {
      target_ = parse_target(view(request.target()));
    } catch (const TargetError& e) {
      return refuse(400, Status::invalid_argument, e.message, body_pending);
    }
    current_.path = target_.path;
    const Endpoint* endpoint = route(target_.path);
    if (!endpoint) return refuse(404, Status::not_found, "no endpoint " + target_.path, body_pending);
    current_.endpoint = endpoint;
    if (view(request.method_string()) != endpoint->method) {
      Response response = error_response(405, Status::invalid_argument, {},
                                         fmt::format("{} takes {}, not {}", endpoint->name, endpoint->method, current_.method));
      response.headers.emplace_back("Allow", std::string(endpoint->method));
      return respond(std::move(response), body_pending);
    }
    content_type_ = media_type(view(request[http::field::content_type]));
    if (!endpoint->content_types.empty() &&
        std::find(endpoint->content_types.begin(), endpoint->content_types.end(), content_type_) == endpoint->content_types.end()) {
      std::string accepted;
      for (const std::string_view type : endpoint->content_types) accepted += (accepted.empty() ? "" : ", ") + std::string(type);
      return refuse(415, Status::invalid_argument,
                    fmt::format("{} takes a body of type {}, not '{}'", endpoint->name, accepted, content_type_), body_pending);
    }
    if (!body_pending) return handle();

    const boost::optional<std::uint64_t> length = parser_->content_length();
    if (length && *length > limits().max_body_bytes) {
      return refuse(413, Status::limit_exceeded,
                    fmt::format("a body of {} bytes is over the {}-byte limit", *length, limits().max_body_bytes), true);
    }
    const std::size_t reserve = length ? static_cast<std::size_t>(*length) : limits().max_body_bytes;
    if (!connections_.reserve_body(reserve)) {
      return refuse(503, Status::limit_exceeded, "the server holds as many request bodies as it may: try again", true);
    }
    current_.body_reserved = reserve;
    if (beast::iequals(request[http::field::expect], "100-continue")) {
      auto proceed = std::make_shared<http::response<http::empty_body>>(http::status::continue_, request.version());
      stream_.expires_after(limits().write_timeout);
      http::async_write(stream_, *proceed, [self = shared_from_this(), proceed](beast::error_code error, std::size_t) {
        if (error) return self->abandon(400, "the client left before sending its body");
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    stream_.expires_after(limits().body_timeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
      self->current_.bytes_in += bytes;
      self->on_body(ec);
    });
  }

  void on_body(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      return refuse(413, Status::limit_exceeded, fmt::format("the body is over the {}-byte limit", limits().max_body_bytes), true);
    }
    if (ec == beast::error::timeout) return abandon(408, "the request's body did not arrive in time");
    if (ec == http::error::partial_message || ec == http::error::end_of_stream) {
      // The client closed its side before the body's end: it may still read the answer.
      return refuse(400, Status::parse_error, "the body ended before its length", true);
    }
    if (malformed(ec)) return refuse(400, Status::parse_error, "malformed HTTP body: " + ec.message(), true);
    if (ec) return abandon(400, "the client closed the connection inside a request's body");
    handle();
  }

  // Hands the request to its endpoint: on this thread when it answers from memory or its body is
  // small (Runs), else on a worker; a streamed answer is written from a worker (a full queue is a 503).
  void handle() {
    auto message = parser_->release();
    Request request{std::string(message.method_string()), std::move(target_), content_type_,
                    std::string(message[http::field::authorization]), std::move(message.body()), current_.id};
    if (connections_.service.config.log_bodies) current_.body_for_log = request.body.substr(0, kLoggedBodyBytes);
    const Endpoint& endpoint = *current_.endpoint;
    const bool here = endpoint.runs == Runs::io_thread ||
                      (endpoint.runs == Runs::by_body_size && request.body.size() <= limits().inline_body_bytes);
    if (here) {
      Response response = answer(endpoint, request, connections_.service);
      if (!response.stream) return respond(std::move(response), false);
      return on_worker([self = shared_from_this(), response = std::move(response)]() mutable { self->stream(std::move(response)); });
    }
    on_worker([self = shared_from_this(), &endpoint, request = std::move(request)]() mutable {
      Response response = answer(endpoint, request, self->connections_.service);
      request.body = std::string();  // free it before the answer is written
      if (response.stream) return self->stream(std::move(response));
      net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable { self->respond(std::move(response), false); });
    });
  }

  void on_worker(std::function<void()> job) {
    if (!connections_.pool.submit(std::move(job))) {
      connections_.service.metrics.queue_rejected();
      refuse(503, Status::limit_exceeded, "every worker is busy and the queue is full: try again", false);
    }
  }

  void begin_request() {
    if (current_.started) return;
    current_.started = true;
    connections_.service.metrics.request_started();
  }

  // An error answer before the endpoint ran; `close` when the rest of the request was not read.
  void refuse(int status, Status error, std::string message, bool close) {
    respond(error_response(status, error, {}, std::move(message)), close);
  }

  // A request that cannot be answered (the client left, or timed out: Beast has closed the
  // socket): logged and counted with `status`, and the connection closed.
  void abandon(int status, std::string_view why) {
    current_.bytes_out = 0;
    finish(status, why, true);
  }

  void add_headers(http::response_header<>& header, const Response& response) {
    header.set(http::field::server, "santei/" SANTEI_VERSION_STRING);
    header.set(http::field::content_type, response.content_type);
    header.set("X-Request-Id", current_.id.empty() ? connections_.next_request_id() : current_.id);
    for (const auto& [name, value] : response.headers) header.set(name, value);
  }

  bool keep_alive(bool close) const {
    return current_.keep_alive && !close && !draining_ && !connections_.service.draining;
  }

  // On the strand: writes a whole answer.
  void respond(Response response, bool close) {
    auto message = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(response.status), current_.version);
    add_headers(message->base(), response);
    message->keep_alive(keep_alive(close));
    message->body() = std::move(response.body);
    message->prepare_payload();
    current_.bytes_out = message->body().size();
    stream_.expires_after(limits().write_timeout);
    http::async_write(stream_, *message, [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
      self->finish(message->result_int(), ec ? "the answer could not be written" : std::string_view(), ec || !message->keep_alive());
    });
  }

  // On a worker: writes a streamed answer chunk by chunk while it is produced, each write waited
  // for (the client's pace holds back the pricing, within the write timeout).
  void stream(Response response) {
    auto self = shared_from_this();
    http::response<http::empty_body> header(static_cast<http::status>(response.status), current_.version);
    add_headers(header.base(), response);
    header.keep_alive(keep_alive(false));
    header.chunked(true);
    bool ok = on_strand_and_wait([&](auto done) {
      auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(header);
      http::async_write_header(stream_, *serializer, [serializer, done](beast::error_code ec, std::size_t) { done(ec); });
    });
    std::size_t bytes = 0;
    if (ok) {
      response.stream([&](std::string_view chunk) {
        if (chunk.empty()) return ok;
        ok = ok && on_strand_and_wait([&](auto done) {
          auto body = std::make_shared<http::chunk_body<net::const_buffer>>(http::make_chunk(net::const_buffer(chunk.data(), chunk.size())));
          net::async_write(stream_, *body, [body, done](beast::error_code ec, std::size_t) { done(ec); });
        });
        bytes += chunk.size();
        return ok;
      });
    }
    if (ok) {
      ok = on_strand_and_wait([&](auto done) {
        auto last = std::make_shared<http::chunk_last<http::chunk_crlf>>(http::make_chunk_last());
        net::async_write(stream_, *last, [last, done](beast::error_code ec, std::size_t) { done(ec); });
      });
    }
    const bool keep = ok && header.keep_alive();
    net::post(stream_.get_executor(), [self, ok, keep, bytes, status = response.status] {
      self->current_.bytes_out = bytes;
      self->finish(status, ok ? std::string_view() : "the client left during the streamed answer", !keep);
    });
  }

  // From a worker: runs `start` on the strand with a completion `done(error_code)` and waits for it.
  template <class Start>
  bool on_strand_and_wait(const Start& start) {
    auto result = std::make_shared<std::promise<beast::error_code>>();
    std::future<beast::error_code> future = result->get_future();
    net::post(stream_.get_executor(), [this, &start, result] {
      if (closed_) return result->set_value(net::error::operation_aborted);
      stream_.expires_after(limits().write_timeout);
      start([result](beast::error_code ec) { result->set_value(ec); });
    });
    return !future.get();
  }

  // On the strand, when an answer is written (or abandoned): log, count, and go on or close.
  void finish(int status, std::string_view problem, bool close_after) {
    const double seconds = std::chrono::duration<double>(Clock::now() - current_.start).count();
    const std::string_view endpoint = current_.endpoint ? current_.endpoint->name : std::string_view("-");
    if (current_.started) connections_.service.metrics.request_finished(endpoint, status, seconds);
    {
      LogLine line(status >= 500 ? "error" : "info", "request");
      line.field("request_id", current_.id).field("remote", remote_).field("method", current_.method);
      line.field("endpoint", endpoint).field("status", status);
      line.field("duration_us", static_cast<std::int64_t>(seconds * 1e6));
      line.field("bytes_in", static_cast<std::int64_t>(current_.bytes_in)).field("bytes_out", static_cast<std::int64_t>(current_.bytes_out));
      if (!problem.empty()) line.field("problem", problem);
      if (connections_.service.config.log_bodies && !current_.body_for_log.empty()) {
        // Cut at a character, never inside one; a body that is not UTF-8 (a UKE file) is not logged.
        std::string_view body = current_.body_for_log;
        const std::size_t bad = cp932::find_invalid_utf8(body);
        if (bad == std::string_view::npos || (body.size() == kLoggedBodyBytes && body.size() - bad < 4)) {
          line.field("body", body.substr(0, bad));
        } else {
          line.field("body_not_logged", "not UTF-8");
        }
      }
    }
    release_body();
    ++served_;
    if (closed_) return;
    if (close_after) return linger();
    wait_for_request();
  }

  // Closes after an answer: our side first, then what the client still sends is read and dropped
  // for a moment, so that closing with unread bytes (which sends a reset) does not destroy the
  // answer before the client has read it — a client sending 10 MB of garbage still gets its 400.
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));
    discard();
  }

  void discard() {
    buffer_.consume(buffer_.size());
    stream_.async_read_some(buffer_.prepare(16 * 1024), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();  // the client closed too (or the moment passed)
      self->discard();
    });
  }

  void release_body() {
    if (current_.body_reserved == 0) return;
    connections_.release_body(current_.body_reserved);
    current_.body_reserved = 0;
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Target target_;
  std::string content_type_;
  Connections& connections_;
  const std::uint64_t id_;
  std::string remote_;
  Current current_;
  std::uint64_t served_ = 0;  // requests answered on this connection
  bool waiting_ = false;      // between requests: nothing to finish before closing
  bool draining_ = false;
  bool closed_ = false;
};

Connections::Connections(Service& service_, WorkPool& pool_) : service(service_), pool(pool_) {
  std::random_device random;
  request_prefix_ = fmt::format("{:08x}", random());
}

void Connections::start(tcp::socket socket) {
  auto executor = socket.get_executor();
  std::shared_ptr<Session> session;
  {
    const std::lock_guard lock(mutex_);
    const std::uint64_t id = next_session_++;
    session = std::make_shared<Session>(std::move(socket), *this, id);
    sessions_.emplace(id, session);
  }
  net::dispatch(executor, [session] { session->start(); });
}

void Connections::drain() {
  for (const auto& session : alive()) net::post(session->get_executor(), [session] { session->drain(); });
}

void Connections::close_all() {
  for (const auto& session : alive()) net::post(session->get_executor(), [session] { session->close(); });
}

// The sessions alive now, taken under the lock and handed on outside it (a session's end locks it).
std::vector<std::shared_ptr<Session>> Connections::alive() const {
  std::vector<std::shared_ptr<Session>> out;
  const std::lock_guard lock(mutex_);
  for (const auto& [id, weak] : sessions_) {
    if (auto session = weak.lock()) out.push_back(std::move(session));
  }
  return out;
}

std::size_t Connections::live() const {
  const std::lock_guard lock(mutex_);
  return sessions_.size();
}

void Connections::forget(std::uint64_t id) {
  const std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

bool Connections::reserve_body(std::size_t bytes) {
  const std::size_t limit = service.config.limits.max_body_memory;
  std::size_t held = body_memory_.load();
  do {
    if (held + bytes > limit) return false;
  } while (!body_memory_.compare_exchange_weak(held, held + bytes));
  return true;
}

void Connections::release_body(std::size_t bytes) { body_memory_ -= bytes; }

std::string Connections::next_request_id() { return fmt::format("{}-{}", request_prefix_, ++next_request_); }

}  // namespace santei::serve
