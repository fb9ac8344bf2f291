#!/usr/bin/env bash
# Runs the fuzz targets of a SANTEI_BUILD_FUZZ build for a bounded time each and fails on any
# crash, leak, hang (-timeout), out-of-memory or sanitizer report.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (default: every target)
# The seeds are made afresh (seeds.sh); what a run learns stays in BUILD_DIR/fuzz/corpus/<target>.
# A failing input is saved as BUILD_DIR/fuzz/artifacts/<target>/crash-… (or leak-, timeout-, oom-):
# fix the bug, then add the input to tests/fuzz/regressions/<target>/ so that CTest replays it.
set -uo pipefail
SOURCE="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="$(cd "$1" && pwd)"
SECONDS_EACH="$2"
shift 2
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(master_csv rule_xml claim_json uke capi_price zip serve_target kougaku_household snapshot)
WORK="$BUILD/fuzz"

"$SOURCE/tests/fuzz/seeds.sh" "$BUILD" "$WORK/seeds" || exit 1

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for target in "${TARGETS[@]}"; do
  mkdir -p "$WORK/corpus/$target" "$WORK/artifacts/$target"
  dict=()
  case "$target" in
    claim_json | capi_price) dict=(-dict="$SOURCE/tests/fuzz/claim_json.dict") ;;
    zip | serve_target | snapshot) dict=() ;;
    *) dict=(-dict="$SOURCE/tests/fuzz/$target.dict") ;;
  esac
  echo "== fuzz $target for ${SECONDS_EACH}s"
  start=$(date +%s)
  "$BUILD/tests/fuzz/fuzz_$target" "${dict[@]}" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$WORK/artifacts/$target/" -print_final_stats=1 \
    "$WORK/corpus/$target" "$WORK/seeds/$target" "$SOURCE/tests/fuzz/regressions/$target" \
    >"$WORK/$target.log" 2>&1
  status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$WORK/$target.log" | tr '\n' ' '
  echo "($(($(date +%s) - start))s, exit $status)"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    tail -n 60 "$WORK/$target.log"
    ls "$WORK/artifacts/$target"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found a problem in: ${failed[*]} (inputs in $WORK/artifacts)" >&2
  exit 1
fi
echo "fuzzing: no finding"
