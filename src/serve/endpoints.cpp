#include "serve/endpoints.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "santei/kougaku.hpp"
#include "santei/lookup.hpp"
#include "santei/price_stream.hpp"
#include "santei/uke.hpp"
#include "serve/log.hpp"

namespace santei::serve {
namespace {

using output::JsonWriter;

// A request the endpoint will not answer as asked: its error answer.
struct Refusal {
  int http;
  Status status;
  std::string field;
  std::string message;
};

// The query parameters an endpoint defines; any other is refused by name.
class QueryOptions {
 public:
  QueryOptions(const Target& target, std::initializer_list<std::string_view> defined) : target_(target) {
    for (const auto& [name, value] : target.query) {
      if (std::find(defined.begin(), defined.end(), name) == defined.end()) {
        std::string names;
        for (const std::string_view d : defined) names += (names.empty() ? "" : ", ") + std::string(d);
        throw Refusal{400, Status::invalid_argument, "query: " + name,
                      fmt::format("{} is not a parameter of {} ({})", name, target.path, names.empty() ? "it takes none" : names)};
      }
    }
  }

  const std::string* text(std::string_view name) const {
    for (const auto& [n, value] : target_.query) {
      if (n == name) return &value;
    }
    return nullptr;
  }

  bool flag(std::string_view name, bool fallback) const {
    const std::string* value = text(name);
    if (!value) return fallback;
    if (*value == "true") return true;
    if (*value == "false") return false;
    throw Refusal{400, Status::invalid_argument, "query: " + std::string(name), fmt::format("'{}' is not true or false", *value)};
  }

 private:
  const Target& target_;
};

std::shared_ptr<const Library> loaded(const Service& service) {
  auto library = service.libraries.current();
  if (!library) throw Refusal{503, Status::not_found, {}, "the masters are still loading"};
  return library;
}

std::string revision_ids(const MasterLibrary& masters) {
  std::string ids;
  for (const auto& set : masters.sets()) ids += (ids.empty() ? "" : ", ") + set->revision();
  return ids;
}

// The options `santei price` takes on its command line, as query parameters: revision, mode,
// copay, explain (where the endpoint defines it) and local_programmes — a name the operator gave a
// file (--local-programmes NAME=FILE), never a path: a client does not choose files to read.
PricingOptions pricing_options(const QueryOptions& query, const Library& library, bool explain) {
  PricingOptions options;
  options.copay = query.flag("copay", true);
  options.explain = explain;
  if (const std::string* revision = query.text("revision")) {
    if (!library.masters.revision(*revision)) {
      throw Refusal{400, Status::invalid_argument, "query: revision",
                    fmt::format("revision {} is not among the loaded masters ({})", *revision, revision_ids(library.masters))};
    }
    options.revision = *revision;
  }
  if (const std::string* mode = query.text("mode")) {
    options.mode = parse_claim_mode(*mode);
    if (!options.mode) throw Refusal{400, Status::invalid_argument, "query: mode", fmt::format("'{}' is not one of automatic, as_claimed", *mode)};
  }
  options.local_programmes = library.local_programmes;
  options.dpc = library.dpc;
  if (const std::string* name = query.text("local_programmes")) {
    const auto found = library.named_local_programmes.find(*name);
    if (found == library.named_local_programmes.end()) {
      std::string names;
      for (const auto& [n, rows] : library.named_local_programmes) names += (names.empty() ? "" : ", ") + n;
      throw Refusal{400, Status::invalid_argument, "query: local_programmes",
                    fmt::format("no local programmes are named '{}' ({})", *name, names.empty() ? "the server names none" : names)};
    }
    options.local_programmes = found->second;
  }
  return options;
}

constexpr std::string_view kSource = "<body>";  // the input's name in a claim's error

// POST /v1/price: one claim (application/json) → its result line, as `santei price` prints it; JSON
// Lines (application/x-ndjson) → a result line per claim, in order, streamed as they are priced.
Response price(Request& request, Service& service) {
  const QueryOptions query(request.target, {"explain", "copay", "revision", "mode", "local_programmes"});
  auto library = loaded(service);
  const PricingOptions options = pricing_options(query, *library, query.flag("explain", true));
  Response response;
  if (request.content_type == "application/x-ndjson") {
    response.content_type = "application/x-ndjson";
    response.stream = [library, options, body = std::move(request.body)](const ChunkSink& sink) {
      // Small chunks: the first answers leave while the rest is priced. Each claim parsed where it
      // lies in the body.
      const PriceStreamOptions stream{ClaimsLayout::json_lines, 1, 64, 1024 * 1024};
      price_stream(std::string_view(body), kSource, library->masters, options, stream,
                   [&](std::span<const ClaimAnswer> answers) { return sink(json_lines(answers)); });
    };
    return response;
  }
  price_stream(std::string_view(request.body), kSource, library->masters, options, PriceStreamOptions{ClaimsLayout::one_claim},
               [&](std::span<const ClaimAnswer> answers) {
                 response.status = answers.front().status == Status::ok ? 200 : http_status(answers.front().status);
                 response.body = answers.front().json + '\n';
                 return true;
               });
  return response;
}

// POST /v1/uke: a UKE file → santei.uke-report/1, as `santei price --uke` prints it: its receipts
// priced first, then the report streamed as it is written (about 1 MiB a chunk), never held whole
// (52.7 MB for a month of 20,000 receipts).
Response uke(Request& request, Service& service) {
  const QueryOptions query(request.target, {"copay", "revision", "mode", "local_programmes", "name"});
  auto library = loaded(service);
  const PricingOptions options = pricing_options(query, *library, /*explain=*/false);  // points are compared, not explained
  const std::string* name = query.text("name");
  auto report = std::make_shared<const UkePriceReport>(
      price_uke_bytes(request.body, name ? std::string_view(*name) : kSource, {}, library->masters, options));
  Response response;
  response.stream = [report](const ChunkSink& sink) {
    if (write_uke_report_json(*report, sink)) sink("\n");
  };
  return response;
}

// POST /v1/kougaku: a household month (santei.kougaku/1) → santei.kougaku-result/1, as `santei
// kougaku` prints it. Its receipts come in the body: one naming a file (results_file, uke_file) is
// refused, as a client does not choose which of the server's files are read.
Response kougaku(Request& request, Service&) {
  const QueryOptions query(request.target, {});
  Response response;
  response.body = kougaku_answer(request.body, KougakuSource{std::string(kSource), {}, nullptr, false}) + '\n';
  return response;
}

// GET /v1/codes/{code}?date=YYYY-MM-DD → santei.lookup/1, as `santei lookup` prints it.
Response codes(Request& request, Service& service) {
  const QueryOptions query(request.target, {"date"});
  const std::string_view text = std::string_view(request.target.path).substr(std::string_view("/v1/codes/").size());
  Code code = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() > 9) {
    throw Refusal{400, Status::invalid_argument, "code", "a code is up to 9 digits"};
  }
  std::optional<Date> date;
  if (const std::string* d = query.text("date")) {
    date = Date::parse_iso(*d);
    if (!date) throw Refusal{400, Status::invalid_argument, "query: date", fmt::format("'{}' is not YYYY-MM-DD and a real day", *d)};
  }
  auto library = loaded(service);
  Response response;
  try {
    response.body = lookup_json(library->masters, code, date) + '\n';
  } catch (const Exception& e) {
    if (e.status() != Status::unknown_code && e.status() != Status::not_found) throw;
    return error_response(404, e.status(), e.info().field, e.info().message);
  }
  return response;
}

// GET /v1/revisions → santei.revisions/1: what is loaded, from which files.
Response revisions(Request& request, Service& service) {
  const QueryOptions query(request.target, {});
  Response response;
  response.body = revisions_json(loaded(service)->masters) + '\n';
  return response;
}

Response healthz(Request& request, Service&) {
  const QueryOptions query(request.target, {});
  Response response;
  response.body = "{\"status\":\"ok\"}\n";
  return response;
}

// GET /readyz: 200 while the masters are loaded and the server is not draining, for a load balancer.
Response readyz(Request& request, Service& service) {
  const QueryOptions query(request.target, {});
  const auto library = service.libraries.current();
  JsonWriter json;
  json.begin_object();
  Response response;
  if (!library || service.draining) {
    response.status = 503;
    json.field("status", library ? "draining" : "loading");
  } else {
    json.field("status", "ready").field("generation", static_cast<std::int64_t>(library->generation));
    json.key("revisions").begin_array();
    for (const auto& set : library->masters.sets()) json.value(set->revision());
    json.end_array();
  }
  response.body = json.end_object().take() + '\n';
  return response;
}

Response metrics(Request& request, Service& service) {
  const QueryOptions query(request.target, {});
  Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = service.metrics.render(service.libraries.current().get(), service.queued(), service.busy());
  return response;
}

// Equal in time whatever the bytes, so a token is not guessed a byte at a time.
bool same_secret(std::string_view given, std::string_view expected) {
  unsigned char differ = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    differ |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
  }
  return differ == 0;
}

// POST /v1/admin/reload (Authorization: Bearer TOKEN): off (404) unless the server has a token.
Response admin_reload(Request& request, Service& service) {
  if (service.config.admin_token.empty()) throw Refusal{404, Status::not_found, {}, "no endpoint /v1/admin/reload (the server has no admin token)"};
  const QueryOptions query(request.target, {});
  const std::string_view scheme = "Bearer ";
  const std::string_view given = request.authorization;
  if (!given.starts_with(scheme) || !same_secret(given.substr(scheme.size()), service.config.admin_token)) {
    Response refused = error_response(401, Status::invalid_argument, "Authorization", "the admin token is missing or wrong");
    refused.headers.emplace_back("WWW-Authenticate", "Bearer");
    return refused;
  }
  const LibraryHolder::Outcome outcome = service.reload("admin");
  if (outcome.busy) return error_response(409, Status::invalid_argument, {}, "a reload is already running");
  if (outcome.error) {
    ErrorInfo error = *outcome.error;
    error.message = fmt::format("{} (kept generation {})", error.message, outcome.library ? outcome.library->generation : 0);
    Response failed = error_response(500, error.status, error.field, error.message);
    failed.body = error_json(error, {}) + '\n';
    return failed;
  }
  JsonWriter json;
  json.begin_object().field("status", "reloaded").field("generation", static_cast<std::int64_t>(outcome.library->generation));
  json.key("revisions").begin_array();
  for (const auto& set : outcome.library->masters.sets()) json.value(set->revision());
  json.end_array().field("load_ms", static_cast<std::int64_t>(outcome.library->load_time.count()));
  Response response;
  response.body = json.end_object().take() + '\n';
  return response;
}

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all{
      {"/v1/price", "POST", {"application/json", "application/x-ndjson"}, Runs::by_body_size, price},
      {"/v1/uke", "POST", {"application/octet-stream", "text/plain"}, Runs::by_body_size, uke},
      {"/v1/kougaku", "POST", {"application/json"}, Runs::by_body_size, kougaku},
      {"/v1/codes/{code}", "GET", {}, Runs::by_body_size, codes},
      {"/v1/revisions", "GET", {}, Runs::io_thread, revisions},
      {"/v1/admin/reload", "POST", {}, Runs::worker, admin_reload},
      {"/healthz", "GET", {}, Runs::io_thread, healthz},
      {"/readyz", "GET", {}, Runs::io_thread, readyz},
      {"/metrics", "GET", {}, Runs::io_thread, metrics},
  };
  return all;
}

}  // namespace

const Endpoint* route(std::string_view path) {
  constexpr std::string_view codes_prefix = "/v1/codes/";
  if (path.starts_with(codes_prefix) && path.size() > codes_prefix.size() &&
      path.find('/', codes_prefix.size()) == std::string_view::npos) {
    path = "/v1/codes/{code}";
  }
  for (const Endpoint& endpoint : endpoints()) {
    if (endpoint.name == path) return &endpoint;
  }
  return nullptr;
}

Response answer(const Endpoint& endpoint, Request& request, Service& service) {
  try {
    return endpoint.handle(request, service);
  } catch (const Refusal& refusal) {
    return error_response(refusal.http, refusal.status, refusal.field, refusal.message);
  } catch (const Exception& e) {
    Response response = error_response(http_status(e.status()), e.status(), {}, {});
    response.body = error_json(e.info(), {}) + '\n';
    return response;
  } catch (const std::exception& e) {
    return error_response(500, Status::internal_error, {}, e.what());
  }
}

Response error_response(int http_status, Status status, std::string field, std::string message) {
  Response response;
  response.status = http_status;
  response.body = error_json(ErrorInfo{status, {}, 0, 0, std::move(field), std::move(message)}, {}) + '\n';
  if (http_status == 503) response.headers.emplace_back("Retry-After", "1");
  return response;
}

int http_status(Status status) {
  switch (status) {
    case Status::ok: return 200;
    case Status::invalid_argument:
    case Status::parse_error:
    case Status::encoding_error: return 400;
    case Status::limit_exceeded: return 413;
    case Status::claim_error:
    case Status::unknown_code:
    case Status::not_found:
    case Status::overflow: return 422;
    case Status::io_error:
    case Status::master_error:
    case Status::rule_error:
    case Status::internal_error: return 500;
  }
  return 500;
}

LibraryHolder::Outcome Service::reload(std::string_view trigger) {
  const LibraryHolder::Outcome outcome = libraries.reload();
  if (outcome.busy) {
    LogLine("warning", "reload").field("trigger", trigger).field("result", "busy");
    return outcome;
  }
  metrics.reload_finished(!outcome.error);
  LogLine line(outcome.error ? "error" : "info", "reload");
  line.field("trigger", trigger).field("result", outcome.error ? "failed" : "ok");
  if (outcome.library) {
    line.field("generation", static_cast<std::int64_t>(outcome.library->generation));
    line.json().key("revisions").begin_array();
    for (const auto& set : outcome.library->masters.sets()) line.json().value(set->revision());
    line.json().end_array();
    if (!outcome.error) line.field("load_ms", static_cast<std::int64_t>(outcome.library->load_time.count()));
  }
  if (outcome.error) line.field("error", outcome.error->to_string());
  return outcome;
}

}  // namespace santei::serve
