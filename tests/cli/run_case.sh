#!/usr/bin/env bash
# Runs one CLI case (zstd's cli-tests style): CASE.sh runs in a scratch directory with $SANTEI (the
# binary), $CLAIMS (examples/claims) and $SHARED (../shared, with the real masters) set; its exit
# status must equal CASE.exit (default 0), its stdout CASE.stdout.exact if present, and its stderr
# the glob pattern of CASE.stderr.glob.
# usage: run_case.sh CASE.sh
set -u
case_file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
base=${case_file%.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
bash -u "$case_file" >stdout 2>stderr
status=$?
expected_exit=0
[ -f "$base.exit" ] && expected_exit=$(tr -d '[:space:]' <"$base.exit")
failed=0
if [ "$status" != "$expected_exit" ]; then
  echo "exit status $status, expected $expected_exit"
  failed=1
fi
if [ -f "$base.stdout.exact" ] && ! diff -u "$base.stdout.exact" stdout; then
  echo "stdout differs from $(basename "$base").stdout.exact"
  failed=1
fi
if [ -f "$base.stderr.glob" ]; then
  pattern=$(cat "$base.stderr.glob")
  # shellcheck disable=SC2053  # the right side is a glob on purpose
  if [[ "$(cat stderr)" != $pattern ]]; then
    echo "stderr does not match $(basename "$base").stderr.glob ($pattern)"
    failed=1
  fi
fi
if [ "$failed" != 0 ]; then
  echo "--- stdout"; head -c 4000 stdout
  echo "--- stderr"; head -c 4000 stderr
fi
exit "$failed"
