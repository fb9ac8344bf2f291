#include "serve/server.hpp"

#include <csignal>
#include <thread>
#include <vector>

#include "core/thread_count.hpp"
#include "santei/pricing.hpp"
#include "serve/beast.hpp"
#include "serve/log.hpp"
#include "serve/metrics.hpp"
#include "serve/session.hpp"
#include "serve/work_pool.hpp"

namespace santei::serve {
namespace {

// The answer to a connection over the limit, written without waiting and then closed.
const std::string& too_many_connections() {
  static const std::string answer = [] {
    const std::string body = error_json(ErrorInfo{Status::limit_exceeded, {}, 0, 0, {}, "the server has as many connections as it may"}, {}) + "\n";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\nConnection: close\r\n"
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  return answer;
}

class Server {
 public:
  Server(const ServeConfig& config, Loader loader)
      : config_(config),
        libraries_(std::move(loader)),
        io_threads_(detail::thread_count(config.io_threads)),
        io_(static_cast<int>(io_threads_)),
        pool_(workers(config), config.limits.max_queue),
        service_{config_, libraries_, metrics_, [this] { return pool_.queued(); }, [this] { return pool_.busy(); }},
        connections_(service_, pool_),
        loads_(1, 1),
        control_(net::make_strand(io_)),
        acceptor_(control_),
        signals_(control_, SIGINT, SIGTERM, SIGHUP),
        drain_timer_(control_),
        accept_pause_(control_) {}

  int run() {
    beast::error_code ec;
    const auto address = net::ip::make_address(config_.host == "localhost" ? "127.0.0.1" : config_.host, ec);
    const tcp::endpoint endpoint(address, config_.port);
    if (!ec) acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      LogLine("error", "listen").field("host", config_.host).field("port", static_cast<int>(config_.port)).field("error", ec.message());
      return 2;
    }
    LogLine("info", "listening")
        .field("host", acceptor_.local_endpoint().address().to_string())
        .field("port", static_cast<int>(acceptor_.local_endpoint().port()))
        .field("io_threads", static_cast<int>(io_threads_))
        .field("workers", static_cast<int>(workers(config_)));
    accept();
    wait_for_signal();
    // The first load runs on the loading thread while /healthz already answers and /readyz says "loading".
    loads_.submit_always([this] {
      if (service_.reload("start").error) net::post(control_, [this] { stop(2); });
    });
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < io_threads_; ++t) threads.emplace_back([this] { io_.run(); });
    io_.run();
    for (std::thread& thread : threads) thread.join();
    LogLine("info", "stopped").field("exit_status", exit_status_);
    return exit_status_;
  }

 private:
  static unsigned workers(const ServeConfig& config) { return detail::thread_count(config.workers); }

  // Runs on the control strand, as stop() does: an accept completing while stop() closes the
  // acceptor would otherwise start the next accept on a closed acceptor, which fails at once and
  // again for ever, so that run() never returned.
  void accept() {
    acceptor_.async_accept(net::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
      if (stopping_) return;
      if (ec) {
        // Out of file descriptors (EMFILE) and the like: accepting again at once fails again at
        // once, so wait a moment for connections to close.
        LogLine("warning", "accept_failed").field("error", ec.message());
        accept_pause_.expires_after(std::chrono::milliseconds(100));
        accept_pause_.async_wait([this](beast::error_code) {
          if (!stopping_) accept();
        });
        return;
      }
      if (static_cast<std::size_t>(metrics_.connections_open()) >= config_.limits.max_connections) {
        metrics_.connection_refused();
        socket.non_blocking(true, ec);
        socket.write_some(net::buffer(too_many_connections()), ec);  // a few bytes: the send buffer takes them
        socket.close(ec);
      } else {
        // Answers go out at once: with Nagle's algorithm a kept-alive client's next request
        // waits for the delayed ACK of the previous answer's last segment.
        socket.set_option(tcp::no_delay(true), ec);
        connections_.start(std::move(socket));
      }
      accept();
    });
  }

  void wait_for_signal() {
    signals_.async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      if (signal == SIGHUP) {
        loads_.submit_always([this] { service_.reload("sighup"); });
        wait_for_signal();
        return;
      }
      LogLine("info", "draining").field("signal", signal == SIGTERM ? "SIGTERM" : "SIGINT").field("connections", static_cast<std::int64_t>(connections_.live()));
      stop(0);
    });
  }

  // Stops accepting, lets every connection finish its request in flight, and ends run() once none
  // is left (closing them all when the drain timeout passes).
  void stop(int exit_status) {
    if (stopping_) return;
    stopping_ = true;
    exit_status_ = exit_status;
    service_.draining = true;
    beast::error_code ec;
    acceptor_.close(ec);
    accept_pause_.cancel();
    signals_.cancel(ec);
    connections_.drain();
    drain_deadline_ = std::chrono::steady_clock::now() + config_.limits.drain_timeout;
    wait_for_drain();
  }

  void wait_for_drain() {
    if (connections_.live() == 0) return;  // nothing left: io_.run() returns
    if (!forced_ && std::chrono::steady_clock::now() >= drain_deadline_) {
      forced_ = true;
      LogLine("warning", "drain_timeout").field("connections", static_cast<std::int64_t>(connections_.live()));
      connections_.close_all();
    }
    drain_timer_.expires_after(std::chrono::milliseconds(50));
    drain_timer_.async_wait([this](beast::error_code) { wait_for_drain(); });
  }

  // Declared so that they go in the right order: the workers are joined (a load finishing, a
  // job posting its answer) while the io_context still exists, and after the connections are gone.
  const ServeConfig& config_;
  Metrics metrics_;
  LibraryHolder libraries_;
  const unsigned io_threads_;
  net::io_context io_;
  WorkPool pool_;
  Service service_;
  Connections connections_;
  WorkPool loads_;  // one thread loading masters beside the workers, so a reload never waits for a busy one
  net::strand<net::io_context::executor_type> control_;  // accepting, signals, stopping and draining run here
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer drain_timer_;
  net::steady_timer accept_pause_;
  std::chrono::steady_clock::time_point drain_deadline_;
  bool stopping_ = false;
  bool forced_ = false;
  int exit_status_ = 0;
};

}  // namespace

int run_server(const ServeConfig& config, Loader loader) {
  std::signal(SIGPIPE, SIG_IGN);  // a client gone is an error code on its socket, not a signal
  Server server(config, std::move(loader));
  return server.run();
}

}  // namespace santei::serve
