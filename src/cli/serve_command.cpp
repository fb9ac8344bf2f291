// santei serve: the calculation module as an HTTP service (src/serve, docs/serve.md).
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "cli/commands.hpp"
#include "santei/local_programmes.hpp"
#include "serve/server.hpp"

namespace santei::cli {
namespace {

constexpr const char* kHelp = R"(usage: santei serve [--listen HOST:PORT] [--masters DIR]... [--local-programmes [NAME=]FILE]...
                    [--workers N] [--io-threads N] [--admin-token-file FILE] [--log-bodies] [limits]

Serves santei over HTTP (docs/serve.md; every endpoint in docs/openapi.yaml):
  POST /v1/price          one claim (application/json) → santei.result/1, the bytes `santei price`
                          prints; JSON Lines (application/x-ndjson) → result lines, streamed
                          query: explain, copay, revision, mode, local_programmes (true/false, an id, a name)
  POST /v1/uke            a UKE file (application/octet-stream) → santei.uke-report/1
  GET  /v1/codes/CODE     santei.lookup/1 (?date=YYYY-MM-DD)
  GET  /v1/revisions      the loaded revisions and the files they came from
  GET  /healthz, /readyz, /metrics (Prometheus)
  POST /v1/admin/reload   reload the masters (Authorization: Bearer TOKEN; off without a token)
SIGHUP reloads the masters beside the old ones and swaps them; SIGTERM drains and exits.
Logs: one JSON object a line on stderr (request id, endpoint, status, duration; no bodies).

  --listen HOST:PORT      address to bind (default 127.0.0.1:8080; port 0: any free port)
  --masters DIR           a revision directory or a directory of them (repeatable);
                          default: the demo master built into santei
  --local-programmes FILE 地方単独 programme rows every request uses (docs/local-programmes.md);
  --local-programmes NAME=FILE
                          rows a request picks with ?local_programmes=NAME (repeatable)
  --workers N             threads pricing (default: the hardware threads)
  --io-threads N          threads doing network I/O (default: 1)
  --admin-token-file FILE the token POST /v1/admin/reload requires (first line of FILE)
  --log-bodies            also log request bodies (claims are patients' data: off by default)

limits (beyond each: the status named):
  --max-body-bytes N      a request body (default 64M; 413)    --max-header-bytes N (16K; 431)
  --max-connections N     open at once (512; 503)              --max-queue N   requests waiting for a worker (256; 503)
  --max-body-memory N     request bodies held at once (512M; 503)
  --header-timeout S (10) --body-timeout S (60) --write-timeout S (30) --idle-timeout S (60)
  --drain-timeout S (30)  seconds; a client slower than a timeout is disconnected
Sizes take a K, M or G suffix (1024-based).

Exit status: 0 after SIGTERM/SIGINT and a clean drain, 2 usage errors, an address that cannot be
bound or masters that cannot be loaded.
)";

std::uint64_t number(const Args& args, const std::string& name, std::uint64_t fallback, std::uint64_t max, bool size) {
  const auto text = args.value(name);
  if (!text) return fallback;
  std::uint64_t scale = 1;
  std::string digits = *text;
  if (size && !digits.empty()) {
    const char suffix = digits.back();
    scale = suffix == 'K' ? 1024 : suffix == 'M' ? 1024 * 1024 : suffix == 'G' ? 1024 * 1024 * 1024 : 1;
    if (scale > 1) digits.pop_back();
  }
  std::uint64_t n = 0;
  try {
    std::size_t used = 0;
    n = std::stoull(digits, &used);
    if (used != digits.size() || digits.empty() || digits[0] == '-') throw UsageError{};
  } catch (...) {
    throw UsageError{name + " needs a whole number" + (size ? " (with K, M or G)" : "") + ", not '" + *text + "'"};
  }
  if (n == 0 || n > max / scale) throw UsageError{name + " must be between 1 and " + std::to_string(max)};
  return n * scale;
}

std::chrono::seconds seconds(const Args& args, const std::string& name, std::chrono::seconds fallback) {
  return std::chrono::seconds(number(args, name, static_cast<std::uint64_t>(fallback.count()), 86400, false));
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

int serve_command(const std::vector<std::string>& argv) {
  const Args args(argv,
                  {"--listen", "--masters", "--local-programmes", "--workers", "--io-threads", "--admin-token-file",
                   "--max-body-bytes", "--max-header-bytes", "--max-connections", "--max-queue", "--max-body-memory",
                   "--header-timeout", "--body-timeout", "--write-timeout", "--idle-timeout", "--drain-timeout"},
                  {"--help", "-h", "--log-bodies"});
  if (args.flag("--help") || args.flag("-h")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (!args.positionals().empty()) throw UsageError{"serve takes no positional arguments: " + args.positionals()[0]};
  serve::ServeConfig config;
  if (const auto listen = args.value("--listen")) parse_listen(*listen, config);
  config.workers = static_cast<unsigned>(number(args, "--workers", 0, 256, false));
  config.io_threads = static_cast<unsigned>(number(args, "--io-threads", 1, 64, false));
  serve::Limits& limits = config.limits;
  limits.max_body_bytes = number(args, "--max-body-bytes", limits.max_body_bytes, std::uint64_t{1} << 40, true);
  limits.max_header_bytes = number(args, "--max-header-bytes", limits.max_header_bytes, 1024 * 1024, true);
  limits.max_connections = number(args, "--max-connections", limits.max_connections, 1000000, false);
  limits.max_queue = number(args, "--max-queue", limits.max_queue, 1000000, false);
  limits.max_body_memory = number(args, "--max-body-memory", limits.max_body_memory, std::uint64_t{1} << 40, true);
  if (limits.max_body_memory < limits.max_body_bytes) throw UsageError{"--max-body-memory must be at least --max-body-bytes"};
  limits.header_timeout = seconds(args, "--header-timeout", limits.header_timeout);
  limits.body_timeout = seconds(args, "--body-timeout", limits.body_timeout);
  limits.write_timeout = seconds(args, "--write-timeout", limits.write_timeout);
  limits.idle_timeout = seconds(args, "--idle-timeout", limits.idle_timeout);
  limits.drain_timeout = seconds(args, "--drain-timeout", limits.drain_timeout);
  config.log_bodies = args.flag("--log-bodies");
  if (const auto file = args.value("--admin-token-file")) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw Exception(ErrorInfo{Status::io_error, *file, 0, 0, {}, "cannot open the admin token file"});
    std::getline(in, config.admin_token);
    while (!config.admin_token.empty() && (config.admin_token.back() == '\r' || config.admin_token.back() == ' ')) {
      config.admin_token.pop_back();
    }
    if (config.admin_token.size() < 16) throw UsageError{"--admin-token-file: the token must be at least 16 characters"};
  }

  // --local-programmes: one file for every request, and named ones; names checked before serving.
  std::vector<std::pair<std::string, std::string>> programmes;  // (name or empty, file)
  std::set<std::string> names;
  for (const std::string& spec : args.values("--local-programmes")) {
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
  const serve::Loader loader = [args, programmes] {
    serve::Library library;
    library.masters = load_masters(args);
    for (const auto& [name, file] : programmes) {
      auto rows = LocalProgrammes::load(file);
      if (name.empty()) library.local_programmes = std::move(rows);
      else library.named_local_programmes.emplace(name, std::move(rows));
    }
    return library;
  };
  return serve::run_server(config, loader);
}

}  // namespace santei::cli
