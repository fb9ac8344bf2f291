#!/usr/bin/env bash
# santei regress on Dask beside the single-process CLI, on the same claims (docs/performance.md,
# "Dask"): generates COUNT claims of July 2024 from the r06 masters, compiles the r04 and r06
# snapshots both sides load (as issue 17 has each worker load the snapshot once: from the CSVs,
# each worker's first partition took 2.6 s where the others took 1.2), times `santei regress -j
# WORKERS` (r04 → r06) and `python3 -m santei.dask_regress --workers WORKERS` (a LocalCluster of
# worker processes, one thread each; the time on the cluster, after it started), checks that the
# two summaries agree figure for figure, and prints both rates and Dask / CLI. Debian's python3
# (/usr/bin/python3, with python3-distributed).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build
masters=$here/../shared/masters
count=100000
workers=2
usage="usage: $0 [--build DIR] [--masters DIR] [--count N] [--workers N]"
while (($#)); do
  case $1 in
    --build) build=$2 ;; --masters) masters=$2 ;; --count) count=$2 ;; --workers) workers=$2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift 2 || { echo "$usage" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/santei" generate --masters "$masters" --month 2024-07 --count "$count" --seed 17 -o "$work/claims.jsonl" 2>/dev/null
for revision in r04 r06; do
  "$build/santei" masters compile "$masters/$revision" -o "$work/$revision.snapshot" >/dev/null
done

start=$(date +%s%N)
"$build/santei" regress --old "$work/r04.snapshot" --old-revision r04 --new "$work/r06.snapshot" --new-revision r06 -j "$workers" \
  --json "$work/cli.json" "$work/claims.jsonl" >/dev/null
cli_ns=$(($(date +%s%N) - start))

SANTEI_LIBRARY=$(ls "$build"/libsantei_c.so.* | head -1) PYTHONPATH=$here/bindings/python \
  /usr/bin/python3 -m santei.dask_regress --old "$work/r04.snapshot" --old-revision r04 --new "$work/r06.snapshot" --new-revision r06 \
  --workers "$workers" --json "$work/dask.json" "$work/claims.jsonl" >/dev/null 2>"$work/dask.err"
# "time  12.3 s on the cluster (…)": the cluster's time, without its start
dask_s=$(sed -n 's/^time *\([0-9.]*\) s on the cluster.*/\1/p' "$work/dask.err")

/usr/bin/python3 - "$work/cli.json" "$work/dask.json" "$count" "$cli_ns" "$dask_s" <<'PY'
import json, sys
cli, dask = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
count, cli_s, dask_s = int(sys.argv[3]), int(sys.argv[4]) / 1e9, float(sys.argv[5])
for key in ("receipts", "old_points", "new_points", "up", "down", "unchanged", "failed_old", "failed_new"):
    assert cli[key] == dask[key], (key, cli[key], dask[key])
assert [{k: v for k, v in c.items() if k != "name"} for c in cli["codes"]] == dask["codes"]
print(f"receipts          {count}")
print(f"santei regress    {cli_s:.1f} s  ({count / cli_s:.0f} receipts/s)")
print(f"dask_regress      {dask_s:.1f} s  ({count / dask_s:.0f} receipts/s)")
print(f"dask / cli        {dask_s / cli_s:.2f}")
PY
