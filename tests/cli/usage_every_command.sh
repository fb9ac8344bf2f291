# Every command santei lists (and every subcommand of a group) answers --help alike: a usage line
# naming it, an options list with -h, --help, an exit-status line; and refuses an unknown option by
# name with exit 2. Commands are discovered from `santei --help`, so a new command is checked too.
failed=0
commands_of() {  # the names under "commands:" in a help text
  sed -n '/^commands:$/,/^$/p' | sed -n 's/^  \([a-z][a-z0-9-]*\).*/\1/p'
}
check() {  # check "price" or "masters check"
  local path=$1
  # shellcheck disable=SC2086  # the path is words
  "$SANTEI" $path --help >help.out 2>help.err
  local status=$?
  [ "$status" = 0 ] || { echo "santei $path --help: exit $status"; failed=1; }
  [ -s help.err ] && { echo "santei $path --help wrote to stderr"; failed=1; }
  head -1 help.out | grep -q "^usage: santei $path\( \|$\)" || { echo "santei $path --help: no usage line"; failed=1; }
  grep -q '^  -h, --help  *print this help and exit$' help.out || { echo "santei $path --help: no -h, --help"; failed=1; }
  grep -q '^Exit status: ' help.out || { echo "santei $path --help: no exit status"; failed=1; }
  local subs
  subs=$(commands_of <help.out)
  # shellcheck disable=SC2086
  "$SANTEI" $path --frobnicate >/dev/null 2>err
  status=$?
  [ "$status" = 2 ] || { echo "santei $path --frobnicate: exit $status"; failed=1; }
  grep -qx "santei $path: unknown option --frobnicate (see santei $path --help)" err ||
    { echo "santei $path --frobnicate: $(cat err)"; failed=1; }
  echo "$path" >>checked
  for sub in $subs; do check "$path $sub"; done
}
top=$("$SANTEI" --help | commands_of)
[ -n "$top" ] || { echo "no commands listed"; failed=1; }
for command in $top; do check "$command"; done
[ "$(wc -l <checked)" -ge 6 ] || { echo "fewer commands than santei has today:"; cat checked; failed=1; }
"$SANTEI" --frobnicate >/dev/null 2>err
grep -qx "santei: unknown option --frobnicate (see santei --help)" err || { echo "santei --frobnicate: $(cat err)"; failed=1; }
"$SANTEI" bogus >/dev/null 2>err
status=$?
[ "$status" = 2 ] || { echo "santei bogus: exit $status"; failed=1; }
grep -qx "santei: unknown command 'bogus' (see santei --help)" err || { echo "santei bogus: $(cat err)"; failed=1; }
exit "$failed"
