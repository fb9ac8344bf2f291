#!/usr/bin/env bash
# Instructions a claim costs in `santei price`, end to end and per stage (the claim's JSON parse,
# pricing with the copayment, the result JSON), counted by valgrind's callgrind
# (docs/performance.md, "Instructions per claim"). A count is the same on every run: wall-clock
# figures on a shared 2-core machine drift by 10–20 % from one minute to the next, so a change of a
# few per cent shows here and not in a timing. Not a timing: a stage with more instructions can
# still run faster (cache misses, branches).
#
# End to end is (run on N claims − run on N/10 claims) / (N − N/10): the master load and start-up
# cancel out. A stage is counted over the N-claim run with callgrind's --toggle-collect on its
# function, divided by N. Needs valgrind (apt-get install valgrind).
#
# Last, the C ABI's path a claim (bench/capi_claims.c, built beside santei: a santei_price and a
# santei_result_json call a claim through libsantei_c, explanations on as santei's defaults are),
# counted end to end in the same way; --capi names the program, and a missing one is skipped.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
santei=$here/build/santei
capi=''
masters=$here/../shared/masters/r06
source=$here/../shared/masters  # the revisions the claims are generated from
month=2024-07
count=10000
explain=(--no-explain)
usage="usage: $0 [--santei BIN] [--capi BIN] [--masters DIR|SNAPSHOT] [--source DIR] [--count N] [--explain]"
while (($#)); do
  case $1 in
    --santei) santei=$2; shift ;;
    --capi) capi=$2; shift ;;
    --masters) masters=$2; shift ;;
    --source) source=$2; shift ;;
    --count) count=$2; shift ;;
    --explain) explain=() ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
command -v valgrind > /dev/null || { echo "$0: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
((count >= 100)) || { echo "$0: --count must be at least 100" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=$((count / 10))
if ! "$santei" generate --masters "$source" --month "$month" --count "$count" --seed 17 -o "$work/claims.jsonl" 2> "$work/generate.err"; then
  cat "$work/generate.err" >&2
  exit 2
fi
head -n "$small" "$work/claims.jsonl" > "$work/small.jsonl"

# The instructions callgrind collected running santei price on $1, with the options after it.
collected() {
  local claims=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
    "$santei" price --masters "$masters" "${explain[@]}" -j 1 "$claims" 2>&1 > /dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

full=$(collected "$work/claims.jsonl")
part=$(collected "$work/small.jsonl")
printf 'santei price %s, %d generated claims of %s, 1 thread; instructions a claim:\n' \
  "${explain[*]:-(explain on)}" "$count" "$month"
printf '  %-34s %8d\n' "end to end" $(((full - part) / (count - small)))
for stage in 'santei::*parse_claim(*' \
             'santei::price(santei::Claim const&, santei::MasterLibrary const&, santei::PricingOptions const&, santei::PricedClaim&)' \
             'santei::result_json*'; do
  n=$(collected "$work/claims.jsonl" "--toggle-collect=$stage")
  printf '  %-34s %8d\n' "${stage%%(*}" $((n / count))
done

capi=${capi:-$(dirname "$santei")/bench/santei_capi_claims}
if [[ -x $capi ]]; then
  # The instructions callgrind collected running the C ABI's program on $1.
  capi_collected() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$capi" "$masters" "$1" 2>&1 > /dev/null |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  full=$(capi_collected "$work/claims.jsonl")
  part=$(capi_collected "$work/small.jsonl")
  printf 'C ABI (%s), santei_price + santei_result_json a claim, explain on:\n' "$(basename "$capi")"
  printf '  %-34s %8d\n' "end to end" $(((full - part) / (count - small)))
else
  printf 'C ABI: %s not built (cmake --build build --target santei_capi_claims); skipped\n' "$capi"
fi
