#!/usr/bin/env bash
# Builds santei trained on claims: profile-guided optimisation with GCC (CMakeLists.txt, SANTEI_PGO;
# docs/performance.md, "A build trained on claims").
#
# 1. Configures BUILD with SANTEI_PGO=GENERATE and builds the command and the C ABI instrumented.
# 2. Trains them on claims generated from the SSK masters (santei generate): santei price with and
#    without explanations on two threads, as text, from a snapshot; santei regress between the last
#    two revisions; the C ABI a claim a call (bench/capi_claims.c); copies of the example
#    inpatient month and DPC stay; and your own claims (--claims). Each run adds its counts to
#    BUILD/pgo-profile.
# 3. Configures BUILD with SANTEI_PGO=USE and builds TARGETs again, laid out for those counts.
#
# Masters are a directory of revisions as SSK publishes them (../shared/masters: r04, r06). Output
# bytes are the plain build's: the profile changes where code lies, not what it computes.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build-pgo
masters=$here/../shared/masters
dpc=$here/../shared/dpc
month=2024-07
count=20000
targets=()
claims=()
usage="usage: $0 [--build DIR] [--masters DIR] [--dpc DIR] [--month YYYY-MM] [--count N] [--claims FILE]... [--target T]...
  --build DIR      the build directory (default: build-pgo in the source tree)
  --masters DIR    a directory of SSK master revisions to train on (default: ../shared/masters)
  --dpc DIR        MHLW's DPC電子点数表 workbooks, for the DPC example (default: ../shared/dpc)
  --month YYYY-MM  the service month of the generated claims (default: $month)
  --count N        how many claims to generate and train on (default: $count)
  --claims FILE    your own claims (santei.claim/1 JSON Lines) to train on as well (repeatable):
                   the build is fastest on claims like those it was trained on
  --target T       a target to build laid out by the profile (repeatable;
                   default: santei_cli santei_c)"
while (($#)); do
  case $1 in
    --build|--masters|--dpc|--month|--count|--claims|--target)
      (($# >= 2)) || { echo "$0: $1 needs a value" >&2; exit 2; }
      case $1 in
        --build) build=$2 ;;
        --masters) masters=$2 ;;
        --dpc) dpc=$2 ;;
        --month) month=$2 ;;
        --count) count=$2 ;;
        --claims) claims+=("$2") ;;
        --target) targets+=("$2") ;;
      esac
      shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "$0: unknown option $1" >&2; echo "$usage" >&2; exit 2 ;;
  esac
done
((${#targets[@]})) || targets=(santei_cli santei_c)
[[ -d $masters ]] || { echo "$0: --masters $masters: no such directory" >&2; exit 2; }
revisions=()
for dir in "$masters"/*/; do
  [[ -d $dir ]] && revisions+=("${dir%/}")
done
((${#revisions[@]})) || { echo "$0: --masters $masters: no revision directories in it" >&2; exit 2; }
for file in "${claims[@]}"; do
  [[ -f $file ]] || { echo "$0: --claims $file: no such file" >&2; exit 2; }
done
[[ $count =~ ^[0-9]+$ ]] && ((count >= 100)) || { echo "$0: --count must be a whole number of at least 100" >&2; exit 2; }
dpc_option=()
[[ -d $dpc ]] && dpc_option=(--dpc "$dpc")

profile=$build/pgo-profile
jobs=$(nproc)
step() { printf '\n== %s\n' "$*" >&2; }

step "1. an instrumented build in $build"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANTEI_BUILD_TESTS=OFF \
  -DSANTEI_PGO=GENERATE "-DSANTEI_PGO_DIR=$profile" > /dev/null
rm -rf "$profile"
cmake --build "$build" -j"$jobs" --target santei_cli santei_c santei_capi_claims

step "2. training on $count claims of $month from $masters"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
santei=$build/santei
newest=${revisions[${#revisions[@]} - 1]}
"$santei" generate --masters "$masters" --month "$month" --count "$count" --seed 17 -o "$work/claims.jsonl"
"$santei" price --masters "$masters" -j 2 "$work/claims.jsonl" > /dev/null
"$santei" price --masters "$masters" --no-explain -j 2 "$work/claims.jsonl" > /dev/null
"$santei" masters compile "$newest" -o "$work/newest.snap"
head -n 1000 "$work/claims.jsonl" > "$work/some.jsonl"
"$santei" price --masters "$work/newest.snap" --format text "$work/some.jsonl" > /dev/null
if ((${#revisions[@]} >= 2)); then
  "$santei" regress --old "${revisions[${#revisions[@]} - 2]}" --new "$newest" -j 2 "$work/claims.jsonl" > /dev/null
fi
"$build/bench/santei_capi_claims" "$work/newest.snap" "$work/claims.jsonl" > /dev/null
# The generated claims are outpatient visits. Copies of the example inpatient month (and of the DPC
# stay), a tenth as many, give the inpatient paths some weight: priced once beside 20,000
# outpatient claims, they were laid out as cold code and santei_bench's inpatient mix ran 10–15 %
# slower than without a profile; with the copies, about as fast. Train on your own inpatient
# months (--claims) to make them faster.
copies() {  # $1 as one JSON line, $2 times
  local line
  line=$(python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":")))' "$1")
  for ((i = 0; i < $2; ++i)); do printf '%s\n' "$line"; done
}
copies "$here/examples/claims/inpatient.json" $((count / 10)) > "$work/inpatient.jsonl"
"$santei" price --masters "$masters" -j 2 "$work/inpatient.jsonl" > /dev/null
"$santei" price --masters "$masters" --no-explain -j 2 "$work/inpatient.jsonl" > /dev/null
if ((${#dpc_option[@]})); then
  copies "$here/examples/claims/dpc.json" $((count / 10)) > "$work/dpc.jsonl"
  "$santei" price --masters "$masters" "${dpc_option[@]}" -j 2 "$work/dpc.jsonl" > /dev/null
else
  echo "$0: no DPC workbooks in $dpc: DPC stays are not trained" >&2
fi
for file in "${claims[@]}"; do
  # Exit status 1: some claims were refused (each named on stderr), the rest priced.
  status=0
  "$santei" price --masters "$masters" "${dpc_option[@]}" -j 2 "$file" > /dev/null || status=$?
  ((status <= 1)) || exit "$status"
done

step "3. ${targets[*]} laid out by the profile"
cmake -S "$here" -B "$build" -DSANTEI_PGO=USE > /dev/null
cmake --build "$build" -j"$jobs" --target "${targets[@]}"
printf '\n%s: built %s in %s, trained on %s claims\n' "$0" "${targets[*]}" "$build" "$count" >&2
