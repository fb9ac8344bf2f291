// `santei serve`: the calculation module as an HTTP service (docs/serve.md, docs/openapi.yaml).
//
// Network I/O runs on Boost.Asio/Beast (io_threads), asynchronous with a deadline on every read and
// write, so a slow or silent client costs a connection, never a thread. A request with a small body
// (one claim) is priced on the I/O thread that read it; big bodies, streamed answers and reloads run
// on a fixed pool of workers behind a bounded queue. SIGHUP (or POST /v1/admin/reload) loads the masters anew
// beside the old ones and swaps them; SIGTERM (or SIGINT) stops accepting, lets the requests in
// flight finish within the drain timeout, and returns.
#pragma once

#include "serve/config.hpp"
#include "serve/library.hpp"

namespace santei::serve {

// Serves until SIGTERM or SIGINT. The address is bound before the masters are loaded (/healthz
// answers, /readyz says "loading"). Returns 0 after a clean drain, 2 if the address cannot be bound
// or the first load fails (logged with the file and line).
int run_server(const ServeConfig& config, Loader loader);

}  // namespace santei::serve
