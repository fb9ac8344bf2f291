#!/usr/bin/env bash
# santei serve under wrk load beside the in-process C ABI on the same cores (docs/serve.md, "Load").
# Starts `santei serve` on a free port, POSTs one claim for DURATION seconds over CONNECTIONS
# connections, prints req/s, p50, p99 and errors, then runs bench/capi_bench.cpp's
# BM_PriceJson_CAbi on the same claim, one copy per server core, and prints service / in-process.
# With 2 or more cores the server and the benchmark get the first cores and wrk the rest
# (taskset: a quarter of them, at least one); on one core wrk shares it and the ratio is only indicative.
# --reload SECONDS sends the server SIGHUP that often during the load (a reload under load: wrk's
# errors must stay 0); the server's resident memory is printed at the load's start, middle and end
# (a soak: run with --duration 60).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build
masters=$here/../shared/masters/r06
claim=$here/examples/claims/outpatient.json
duration=10
connections=64
reload=0
usage="usage: $0 [--build DIR] [--masters DIR] [--claim FILE] [--duration SECONDS] [--connections N] [--reload SECONDS]"
while (($#)); do
  case $1 in
    --build) build=$2 ;; --masters) masters=$2 ;; --claim) claim=$2 ;; --duration) duration=$2 ;;
    --connections) connections=$2 ;; --reload) reload=$2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift 2 || { echo "$usage" >&2; exit 2; }
done
santei=$build/santei
bench=$build/bench/santei_bench
for tool in "$santei" "$bench" "$(command -v wrk)" "$(command -v curl)" "$(command -v taskset)"; do
  [[ -x $tool ]] || { echo "$0: missing $tool (build santei_cli and santei_bench; apt install wrk curl)" >&2; exit 2; }
done

cores=$(nproc)
if ((cores >= 2)); then
  wrk_cores=$(((cores + 3) / 4))             # a quarter of the cores, at least one, drive the load
  server_cores=$((cores - wrk_cores))
  server_cpus=0-$((server_cores - 1))
  wrk_cpus=$server_cores-$((cores - 1))
else
  echo "warning: one core: wrk shares the server's core; the ratio below is only indicative" >&2
  wrk_cores=1 server_cores=$cores server_cpus=0-$((cores - 1)) wrk_cpus=$server_cpus
fi

work=$(mktemp -d)
server_pid=
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

taskset -c "$server_cpus" "$santei" serve --listen 127.0.0.1:0 --masters "$masters" --workers "$server_cores" --io-threads "$server_cores" \
  2>"$work/server.log" &
server_pid=$!
port=
for _ in $(seq 600); do  # the port from the "listening" log line, then /readyz once the masters are in
  port=${port:-$(grep -m1 '"event":"listening"' "$work/server.log" | grep -o '"port":[0-9]*' | cut -d: -f2 || true)}
  [[ -n $port ]] && curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "$0: the server never became ready" >&2; exit 1; }

cat >"$work/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open("$claim", "rb"))
wrk.body = file:read("*a")
file:close()
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SANTEI %d %d %d %d\n", summary.requests, summary.duration,
                         latency:percentile(50), latency:percentile(99)))
  io.write(string.format("ERRORS %d %d %d %d %d\n", e.connect, e.read, e.write, e.status, e.timeout))
end
EOF
rss() { ps -o rss= -p "$server_pid" | tr -d ' '; }
taskset -c "$wrk_cpus" wrk -t"$wrk_cores" -c"$connections" -d"${duration}s" -s "$work/post.lua" \
  "http://127.0.0.1:$port/v1/price" >"$work/wrk.out" &
wrk_pid=$!
rss_start=$(rss) rss_middle= reloads=0 started=$SECONDS
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep 1
  ((SECONDS - started >= duration / 2)) && rss_middle=${rss_middle:-$(rss)}
  if ((reload > 0 && (SECONDS - started) % reload == 0 && SECONDS - started < duration)); then
    kill -HUP "$server_pid" && reloads=$((reloads + 1))
  fi
done
wait "$wrk_pid"
rss_end=$(rss)
reloaded=$(grep -c '"event":"reload".*"result":"ok"' "$work/server.log" || true)
read -r _ requests micros p50 p99 < <(grep '^SANTEI ' "$work/wrk.out")
read -r _ connect read write status timeout < <(grep '^ERRORS ' "$work/wrk.out")
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

# The C ABI in process: one benchmark per server core, pinned to it, the same claim; their sum.
# Both price with the defaults (explain and copay on).
for ((cpu = 0; cpu < server_cores; cpu++)); do
  SANTEI_BENCH_CLAIM=$claim taskset -c "$cpu" "$bench" --benchmark_filter='^BM_PriceJson_CAbi$' \
    --benchmark_min_time="$duration" --benchmark_format=json >"$work/capi.$cpu.json" 2>/dev/null &
done
wait
capi=$(grep -ho '"receipts_per_s": [0-9.e+]*' "$work"/capi.*.json | awk '{ sum += $2 } END { print sum }')

awk -v n="$requests" -v us="$micros" -v p50="$p50" -v p99="$p99" -v capi="$capi" -v c="$connections" \
    -v d="$duration" -v sc="$server_cores" -v rs="$rss_start" -v rm="${rss_middle:-0}" -v re="$rss_end" \
    -v reloads="$reloads" -v reloaded="$reloaded" -v sp="$server_cpus" -v wc="$wrk_cpus" \
    -v errors="connect $connect, read $read, write $write, non-2xx $status, timeout $timeout" 'BEGIN {
  rps = n / (us / 1e6)
  printf "santei serve: %d s, %d connections, %d workers on cpus %s, wrk on cpus %s\n", d, c, sc, sp, wc
  printf "  %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors: %s\n", rps, p50 / 1000, p99 / 1000, errors
  printf "  resident memory: %d MB at the start, %d MB in the middle, %d MB at the end\n", rs / 1024, rm / 1024, re / 1024
  if (reloads > 0) printf "  reloads under load: %d sent, %d ok (the first load is one more)\n", reloads, reloaded - 1
  printf "in-process C ABI (BM_PriceJson_CAbi, same claim, %d cores): %.0f claims/s\n", sc, capi
  printf "service / in-process: %.0f%%\n", 100 * rps / capi
}'
((connect + read + write + status + timeout == 0))
