#include "serve/metrics.hpp"

#include <chrono>

#include <fmt/format.h>

#include "santei/config.h"
#include "serve/library.hpp"

namespace santei::serve {
namespace {

// A label value: backslash, double quote and newline escaped (the text format's rule).
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::request_finished(std::string_view endpoint, int status, double seconds) {
  --in_flight_;
  const std::lock_guard lock(mutex_);
  Series& series = series_[{std::string(endpoint), status}];
  ++series.count;
  series.sum += seconds;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    if (seconds <= kBuckets[b]) {
      ++series.buckets[b];
      break;
    }
  }
}

std::string Metrics::render(const Library* library, std::size_t queued, std::size_t busy) const {
  std::string out;
  out += "# HELP santei_http_requests_total Requests answered, by endpoint and status.\n";
  out += "# TYPE santei_http_requests_total counter\n";
  std::map<std::pair<std::string, int>, Series> series;
  {
    const std::lock_guard lock(mutex_);
    series = series_;
  }
  for (const auto& [key, s] : series) {
    out += fmt::format("santei_http_requests_total{{endpoint=\"{}\",status=\"{}\"}} {}\n", label(key.first), key.second, s.count);
  }
  out += "# HELP santei_http_request_duration_seconds Time from a request's first byte to its answer's last, by endpoint and status.\n";
  out += "# TYPE santei_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : series) {
    const std::string labels = fmt::format("endpoint=\"{}\",status=\"{}\"", label(key.first), key.second);
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += s.buckets[b];
      out += fmt::format("santei_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, kBuckets[b], cumulative);
    }
    out += fmt::format("santei_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, s.count);
    out += fmt::format("santei_http_request_duration_seconds_sum{{{}}} {}\n", labels, s.sum);
    out += fmt::format("santei_http_request_duration_seconds_count{{{}}} {}\n", labels, s.count);
  }
  out += "# HELP santei_http_requests_in_flight Requests read and not yet answered.\n";
  out += "# TYPE santei_http_requests_in_flight gauge\n";
  out += fmt::format("santei_http_requests_in_flight {}\n", in_flight_.load());
  out += "# HELP santei_http_connections_open Connections open now.\n";
  out += "# TYPE santei_http_connections_open gauge\n";
  out += fmt::format("santei_http_connections_open {}\n", connections_open_.load());
  out += "# HELP santei_http_connections_refused_total Connections answered 503 and closed at the connection limit.\n";
  out += "# TYPE santei_http_connections_refused_total counter\n";
  out += fmt::format("santei_http_connections_refused_total {}\n", connections_refused_.load());
  out += "# HELP santei_workers_queued Requests waiting for a worker.\n";
  out += "# TYPE santei_workers_queued gauge\n";
  out += fmt::format("santei_workers_queued {}\n", queued);
  out += "# HELP santei_workers_busy Workers running a request now.\n";
  out += "# TYPE santei_workers_busy gauge\n";
  out += fmt::format("santei_workers_busy {}\n", busy);
  out += "# HELP santei_workers_rejected_total Requests answered 503 because the workers' queue was full.\n";
  out += "# TYPE santei_workers_rejected_total counter\n";
  out += fmt::format("santei_workers_rejected_total {}\n", queue_rejected_.load());
  out += "# HELP santei_masters_reloads_total Masters reloads (SIGHUP, POST /v1/admin/reload), by result.\n";
  out += "# TYPE santei_masters_reloads_total counter\n";
  out += fmt::format("santei_masters_reloads_total{{result=\"ok\"}} {}\n", reloads_ok_.load());
  out += fmt::format("santei_masters_reloads_total{{result=\"failed\"}} {}\n", reloads_failed_.load());
  out += "# HELP santei_masters_info The revisions loaded (value 1), with the generation serving requests.\n";
  out += "# TYPE santei_masters_info gauge\n";
  if (library) {
    for (const auto& set : library->masters.sets()) {
      out += fmt::format("santei_masters_info{{revision=\"{}\",from=\"{}\",origin=\"{}\",generation=\"{}\"}} 1\n",
                         label(set->revision()), set->period().from.iso(), label(set->origin()), library->generation);
    }
    out += "# HELP santei_masters_loaded_timestamp_seconds When the serving generation was loaded (Unix time).\n";
    out += "# TYPE santei_masters_loaded_timestamp_seconds gauge\n";
    out += fmt::format("santei_masters_loaded_timestamp_seconds {}\n",
                       std::chrono::duration_cast<std::chrono::seconds>(library->loaded_at.time_since_epoch()).count());
  }
  out += "# HELP santei_build_info The santei version serving.\n";
  out += "# TYPE santei_build_info gauge\n";
  out += fmt::format("santei_build_info{{version=\"{}\"}} 1\n", SANTEI_VERSION_STRING);
  return out;
}

}  // namespace santei::serve
