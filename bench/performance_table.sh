#!/usr/bin/env bash
# The performance table of docs/performance.md (issue 17's rows, each beside its goal) in one run:
# the engine's benchmarks, the C ABI's, the snapshot loads (santei_bench), `santei price` end to end
# on 1 and 2 threads, `santei regress` of a million claims between r04 and r06 on 2 threads, and
# with --dask the Dask run beside it (bench/dask_regress.sh). With --before DIR, a second build (an
# older commit's, say) is measured beside the first, the two alternating round by round so that the
# machine's drift falls on both; each figure is the range over the rounds. The claims are generated
# once from the masters by the first build and priced by both; each build compiles its own snapshots.
# (santei_bench reads the masters its build was configured with, SANTEI_SHARED_MASTERS, not --masters.)
# Needs the targets santei_cli and santei_bench built in each DIR (and santei_c for --dask), and
# Debian's python3 for reading the benchmarks' JSON.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
builds=("$here/build")
before=''
masters=$here/../shared/masters
count=100000
regress_count=1000000
rounds=3
dask=no
usage="usage: $0 [--build DIR] [--before DIR] [--masters DIR] [--count N] [--regress-count N] [--rounds N] [--dask]"
while (($#)); do
  case $1 in
    --build) builds[0]=$2; shift ;;
    --before) before=$2; shift ;;
    --masters) masters=$2; shift ;;
    --count) count=$2; shift ;;
    --regress-count) regress_count=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --dask) dask=yes ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift || { echo "$usage" >&2; exit 2; }
done
[[ -z $before ]] || builds+=("$before")
((count >= 1000 && regress_count >= 1000 && rounds >= 1)) || { echo "$0: --count and --regress-count at least 1000, --rounds at least 1" >&2; exit 2; }
for b in "${builds[@]}"; do
  for t in santei bench/santei_bench; do
    [[ -x $b/$t ]] || { echo "$0: $b/$t is not built (cmake --build $b --target santei_cli santei_bench)" >&2; exit 2; }
  done
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
first=${builds[0]}
"$first/santei" generate --masters "$masters" --month 2024-07 --count "$count" --seed 17 -o "$work/claims.jsonl" 2>/dev/null
"$first/santei" generate --masters "$masters" --month 2024-07 --count "$regress_count" --seed 17 -o "$work/regress.jsonl" 2>/dev/null
for i in "${!builds[@]}"; do
  mkdir "$work/$i"
  for r in r04 r06; do "${builds[$i]}/santei" masters compile "$masters/$r" -o "$work/$i/$r.snap" >/dev/null; done
done

# Wall seconds of a command, its output dropped.
seconds() {
  local start
  start=$(date +%s%N)
  "$@" >/dev/null
  echo "$(($(date +%s%N) - start))" | awk '{printf "%.3f", $1 / 1e9}'
}

# One figure a line, "ROW BUILD VALUE", into $work/figures.
filter='^BM_PriceOutpatientNoExplain$|^BM_PriceOutpatientWithCopayReusedResult$|^BM_PriceOutpatientReusedResult$|^BM_PriceJson_CAbi$|^BM_LoadR06Snapshot/|^BM_LoadR04AndR06Snapshots/'
for ((round = 1; round <= rounds; ++round)); do
  for i in "${!builds[@]}"; do
    b=${builds[$i]}
    echo "round $round of $rounds: $b" >&2
    if ! "$b/bench/santei_bench" --benchmark_filter="$filter" --benchmark_min_time=1 --benchmark_out="$work/bench.json" \
      --benchmark_out_format=json >/dev/null 2>"$work/bench.err"; then
      cat "$work/bench.err" >&2
      exit 1
    fi
    /usr/bin/python3 - "$work/bench.json" "$i" >>"$work/figures" <<'PY'
import json, sys
scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
rows = {"BM_PriceOutpatientNoExplain": "engine", "BM_PriceOutpatientWithCopayReusedResult": "copay",
        "BM_PriceOutpatientReusedResult": "explain", "BM_PriceJson_CAbi": "capi",
        "BM_LoadR06Snapshot": "load_r06", "BM_LoadR04AndR06Snapshots": "load_both"}
for b in json.load(open(sys.argv[1], encoding="utf-8"))["benchmarks"]:
    row = rows[b["name"].split("/")[0]]
    value = b["real_time"] * scale[b["time_unit"]] if row.startswith("load") else b["receipts_per_s"]
    print(row, sys.argv[2], value)
PY
    one=$(seconds "$b/santei" price --masters "$work/$i/r06.snap" --no-explain -j 1 "$work/claims.jsonl")
    two=$(seconds "$b/santei" price --masters "$work/$i/r06.snap" --no-explain -j 2 "$work/claims.jsonl")
    regress=$(seconds "$b/santei" regress --old "$work/$i/r04.snap" --new "$work/$i/r06.snap" -j 2 "$work/regress.jsonl")
    awk -v i="$i" -v n="$count" -v one="$one" -v two="$two" -v regress="$regress" 'BEGIN {
      print "price_1", i, n / one; print "price_2", i, n / two; print "scaling", i, one / two; print "regress", i, regress }' >>"$work/figures"
    if [[ $dask == yes ]]; then
      "$here/bench/dask_regress.sh" --build "$b" --masters "$masters" --count "$regress_count" |
        awk -v i="$i" '/^dask \/ cli/ {print "dask", i, $NF}' >>"$work/figures"
    fi
  done
done

/usr/bin/python3 - "$work/figures" "$count" "$regress_count" "${builds[@]}" <<'PY'
import sys
figures = {}
for line in open(sys.argv[1], encoding="utf-8"):
    row, build, value = line.split()
    figures.setdefault((row, int(build)), []).append(float(value))
count, regress_count = int(sys.argv[2]), int(sys.argv[3])
builds = sys.argv[4:]
rows = [  # (row, what, goal, format)
    ("engine", "engine, no explain, 1 core (`BM_PriceOutpatientNoExplain`)", "≥ 1,000,000/s", "{:,.0f}/s"),
    ("copay", "engine with copay, a kept result (`BM_PriceOutpatientWithCopayReusedResult`)", "≥ 600,000/s", "{:,.0f}/s"),
    ("explain", "engine with explain, a kept result (`BM_PriceOutpatientReusedResult`)", "≥ 300,000/s", "{:,.0f}/s"),
    ("price_1", f"`santei price --no-explain` from a snapshot, 1 thread, {count:,} claims, its load included", "≥ 250,000/s", "{:,.0f}/s"),
    ("price_2", "the same, `-j 2`", "—", "{:,.0f}/s"),
    ("scaling", "`-j 2` against `-j 1` (each with its load)", "≥ 1.9×", "{:.2f}×"),
    ("capi", "C ABI `santei_price` + result JSON with explanations (`BM_PriceJson_CAbi`)", "≥ 150,000/s", "{:,.0f}/s"),
    ("load_r06", "r06 load from a snapshot (`BM_LoadR06Snapshot`)", "≤ 50 ms", "{:.1f} ms"),
    ("load_both", "r04 + r06 from snapshots (`BM_LoadR04AndR06Snapshots`)", "≤ 80 ms", "{:.1f} ms"),
    ("regress", f"`santei regress` r04 → r06 (snapshots), 2 threads, {regress_count:,} claims", "≤ 10 s for 1,000,000", "{:.2f} s"),
    ("dask", f"Dask, 2 workers, against `santei regress`, {regress_count:,} claims (`bench/dask_regress.sh`)", "≤ 1.3×", "{:.2f}×"),
]
# Columns: --before's build, then --build's ("before", "after"); one build alone is "this build".
order = [1, 0] if len(builds) == 2 else [0]
names = ["before", "after"] if len(builds) == 2 else ["this build"]
print("| path | goal | " + " | ".join(f"{n} ({builds[i]})" for n, i in zip(names, order)) + " |")
print("|---" * (2 + len(builds)) + "|")
for row, what, goal, form in rows:
    cells = []
    for i in order:
        values = figures.get((row, i))
        if not values:
            cells.append("—")
            continue
        low, high = form.format(min(values)), form.format(max(values))
        cells.append(low if low == high else f"{low} – {high}")
    if any(c != "—" for c in cells):
        print(f"| {what} | {goal} | " + " | ".join(cells) + " |")
PY
echo "$count claims for santei price, $regress_count for santei regress, $rounds round(s)" >&2
