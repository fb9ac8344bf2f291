// santei serve: the calculation module as an HTTP service (src/serve, docs/serve.md).
#include <fstream>
#include <memory>
#include <set>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "santei/local_programmes.hpp"
#include "serve/server.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Serves santei over HTTP (docs/serve.md; every endpoint in docs/openapi.yaml):
  POST /v1/price          one claim (application/json) → santei.result/1, the bytes `santei price`
                          prints; JSON Lines (application/x-ndjson) → result lines, streamed
                          query: explain, copay, revision, mode, local_programmes (true/false, an id, a name)
  POST /v1/uke            a UKE file (application/octet-stream) → santei.uke-report/1
  POST /v1/kougaku        a household month (santei.kougaku/1) → santei.kougaku-result/1, the bytes
                          `santei kougaku` prints; its receipts in the body (a file it names is refused)
  GET  /v1/codes/CODE     santei.lookup/1 (?date=YYYY-MM-DD)
  GET  /v1/revisions      the loaded revisions and the files they came from
  GET  /healthz, /readyz, /metrics (Prometheus)
  POST /v1/admin/reload   reload the masters (Authorization: Bearer TOKEN; off without a token)
SIGHUP reloads the masters beside the old ones and swaps them; SIGTERM drains and exits.
Logs: one JSON object a line on stderr (request id, endpoint, status, duration; no bodies).
Beyond a limit a request gets the status named with the option; a client slower than a timeout
is disconnected. Sizes take a K, M or G suffix (1024-based).)";

struct ServeArgs {
  std::string listen;
  std::vector<std::string> masters;
  std::vector<std::string> local_programmes;
  std::string dpc;
  unsigned workers = 0;
  unsigned io_threads = 0;
  std::string admin_token_file;
  bool log_bodies = false;
  std::string max_body_bytes, max_header_bytes, max_body_memory, inline_body_bytes;  // sizes: N[K|M|G]
  std::size_t max_connections = 0, max_queue = 0;                 // 0: the default
  unsigned header_timeout = 0, body_timeout = 0, write_timeout = 0, idle_timeout = 0, drain_timeout = 0;
};

// A size option's value: N with an optional K, M or G (1024-based); empty: `fallback`.
std::uint64_t size_value(const std::string& text, const std::string& name, std::uint64_t fallback, std::uint64_t max) {
  if (text.empty()) return fallback;
  std::string digits = text;
  const char suffix = digits.back();
  const std::uint64_t scale = suffix == 'K' ? 1024 : suffix == 'M' ? 1024 * 1024 : suffix == 'G' ? 1024 * 1024 * 1024 : 1;
  if (scale > 1) digits.pop_back();
  std::uint64_t n = 0;
  try {
    std::size_t used = 0;
    if (digits.empty() || digits[0] < '0' || digits[0] > '9') throw UsageError{};
    n = std::stoull(digits, &used);
    if (used != digits.size()) throw UsageError{};
  } catch (...) {
    throw UsageError{name + " needs a whole number (with K, M or G), not '" + text + "'"};
  }
  if (n == 0 || n > max / scale) throw UsageError{name + " must be between 1 and " + std::to_string(max)};
  return n * scale;
}

void parse_listen(const std::string& text, serve::ServeConfig& config) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) throw UsageError{"--listen takes HOST:PORT, e.g. 127.0.0.1:8080"};
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);  // [::1]
  if (!host.empty()) config.host = host;
  try {
    std::size_t used = 0;
    const unsigned long port = std::stoul(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1 || port > 65535) throw UsageError{};
    config.port = static_cast<std::uint16_t>(port);
  } catch (...) {
    throw UsageError{"--listen needs a port from 0 to 65535: " + text};
  }
}

// A name for --local-programmes NAME=FILE: what a query parameter can carry plainly.
bool programme_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

}  // namespace

int serve(const ServeArgs& args) {
  serve::ServeConfig config;
  if (!args.listen.empty()) parse_listen(args.listen, config);
  config.workers = args.workers;
  config.io_threads = args.io_threads;
  serve::Limits& limits = config.limits;
  limits.max_body_bytes = size_value(args.max_body_bytes, "--max-body-bytes", limits.max_body_bytes, std::uint64_t{1} << 40);
  limits.max_header_bytes = size_value(args.max_header_bytes, "--max-header-bytes", limits.max_header_bytes, 1024 * 1024);
  limits.max_body_memory = size_value(args.max_body_memory, "--max-body-memory", limits.max_body_memory, std::uint64_t{1} << 40);
  if (limits.max_body_memory < limits.max_body_bytes) throw UsageError{"--max-body-memory must be at least --max-body-bytes"};
  limits.inline_body_bytes = args.inline_body_bytes == "0"
                                 ? 0
                                 : size_value(args.inline_body_bytes, "--inline-body-bytes", limits.inline_body_bytes, 1024 * 1024);
  if (args.max_connections > 0) limits.max_connections = args.max_connections;
  if (args.max_queue > 0) limits.max_queue = args.max_queue;
  const auto seconds = [](unsigned given, std::chrono::seconds fallback) {
    return given > 0 ? std::chrono::seconds(given) : fallback;
  };
  limits.header_timeout = seconds(args.header_timeout, limits.header_timeout);
  limits.body_timeout = seconds(args.body_timeout, limits.body_timeout);
  limits.write_timeout = seconds(args.write_timeout, limits.write_timeout);
  limits.idle_timeout = seconds(args.idle_timeout, limits.idle_timeout);
  limits.drain_timeout = seconds(args.drain_timeout, limits.drain_timeout);
  config.log_bodies = args.log_bodies;
  if (!args.admin_token_file.empty()) {
    const std::string& file = args.admin_token_file;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Exception(ErrorInfo{Status::io_error, file, 0, 0, {}, "cannot open the admin token file"});
    std::getline(in, config.admin_token);
    while (!config.admin_token.empty() && (config.admin_token.back() == '\r' || config.admin_token.back() == ' ')) {
      config.admin_token.pop_back();
    }
    if (config.admin_token.size() < 16) throw UsageError{"--admin-token-file: the token must be at least 16 characters"};
  }

  // --local-programmes: one file for every request, and named ones; names checked before serving.
  std::vector<std::pair<std::string, std::string>> programmes;  // (name or empty, file)
  std::set<std::string> names;
  for (const std::string& spec : args.local_programmes) {
    const std::size_t eq = spec.find('=');
    if (eq != std::string::npos && programme_name(spec.substr(0, eq))) {
      if (!names.insert(spec.substr(0, eq)).second) throw UsageError{"--local-programmes " + spec.substr(0, eq) + "= is given twice"};
      programmes.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
    } else {
      if (!names.insert("").second) throw UsageError{"--local-programmes FILE (without NAME=) is given twice"};
      programmes.emplace_back("", spec);
    }
  }
  // Everything is loaded anew on each reload, the same way as at the start.
  const serve::Loader loader = [dirs = args.masters, programmes, dpc = args.dpc] {
    serve::Library library;
    library.masters = load_masters(dirs);
    if (!dpc.empty()) library.dpc = DpcTables::load(dpc);
    for (const auto& [name, file] : programmes) {
      auto rows = LocalProgrammes::load(file);
      if (name.empty()) library.local_programmes = std::move(rows);
      else library.named_local_programmes.emplace(name, std::move(rows));
    }
    return library;
  };
  return serve::run_server(config, loader);
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  app.description(kDescription);
  app.add_option("--listen", args->listen, "address to bind (default 127.0.0.1:8080; port 0: any free port)")
      ->type_name("HOST:PORT");
  add_masters_option(app, args->masters);
  app.add_option("--local-programmes", args->local_programmes,
                 "地方単独 programme rows (docs/local-programmes.md) every request uses;\n"
                 "NAME=FILE: rows a request picks with ?local_programmes=NAME (repeatable)")
      ->type_name("[NAME=]FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->allow_extra_args(false);
  add_dpc_option(app, args->dpc, "(docs/dpc.md); reloaded with the masters");
  app.add_option("--workers", args->workers, "threads pricing, 1–256 (default: the hardware threads)")
      ->type_name("N")
      ->check(CLI::Range(1u, 256u).description(""));
  app.add_option("--io-threads", args->io_threads, "threads doing network I/O and answering small requests\n(bodies up to --inline-body-bytes), 1–64 (default: the hardware threads)")
      ->type_name("N")
      ->check(CLI::Range(1u, 64u).description(""));
  app.add_option("--admin-token-file", args->admin_token_file,
                 "the token POST /v1/admin/reload requires (first line of the file, ≥ 16 characters)")
      ->type_name("FILE");
  app.add_flag("--log-bodies", args->log_bodies, "also log request bodies (claims are patients' data: off by default)");
  app.add_option("--max-body-bytes", args->max_body_bytes, "a request body (default 64M; beyond: 413)")->type_name("SIZE");
  app.add_option("--max-header-bytes", args->max_header_bytes, "request line and headers (default 16K; 431)")->type_name("SIZE");
  app.add_option("--max-body-memory", args->max_body_memory, "request bodies held at once (default 512M; 503)")->type_name("SIZE");
  app.add_option("--inline-body-bytes", args->inline_body_bytes,
                 "a request with a body up to SIZE is answered by the I/O thread that read it,\n"
                 "a bigger one by a worker (default 64K, at most 1M; 0: every one by a worker)")
      ->type_name("SIZE");
  const auto count = [&app](const char* name, std::size_t& value, const char* help) {
    app.add_option(name, value, help)->type_name("N")->check(CLI::Range(std::size_t{1}, std::size_t{1000000}).description(""));
  };
  count("--max-connections", args->max_connections, "connections open at once (default 512; 503)");
  count("--max-queue", args->max_queue, "requests waiting for a worker (default 256; 503)");
  const auto timeout = [&app](const char* name, unsigned& value, const char* help) {
    app.add_option(name, value, help)->type_name("SECONDS")->check(CLI::Range(1u, 86400u).description(""));
  };
  timeout("--header-timeout", args->header_timeout, "to read a request's headers (default 10)");
  timeout("--body-timeout", args->body_timeout, "to read a request's body (default 60)");
  timeout("--write-timeout", args->write_timeout, "to write a response or a streamed chunk (default 30)");
  timeout("--idle-timeout", args->idle_timeout, "a kept-alive connection between requests (default 60)");
  timeout("--drain-timeout", args->drain_timeout, "on SIGTERM, for the requests in flight (default 30)");
  app.footer(
      "Exit status: 0 after SIGTERM/SIGINT and a clean drain; 2 usage errors, an address that cannot\n"
      "be bound or masters that cannot be loaded.");
  return [args] { return serve(*args); };
}

const Command serve_command{"serve", "serve pricing, UKE checks and lookups over HTTP (docs/serve.md)", setup};

}  // namespace santei::cli
