# Each way of asking for help prints its usage line on stdout and exits 0 (every command's own
# --help is usage_every_command, which finds the commands in `santei --help`); a command without
# what it needs is a usage error, exit 2. No santei status is lost in a pipe: each is printed.
run() {  # santei ARGS: the first three words of its stdout, then its exit status
  "$SANTEI" "$@" >out 2>err
  local status=$?
  echo "$(head -1 out | cut -d' ' -f1-3) (exit $status)"
}
run --help
run help lookup
run -h
run price --help
run version
run --version
for args in "" "price" "price -j x $CLAIMS/outpatient.json" "price -j 0 $CLAIMS/outpatient.json" \
  "price --masters /nonexistent $CLAIMS/outpatient.json" "lookup --date 2024-02-30 111000110" \
  "lookup --date" "lookup 111000110 111000110" "price --uke x.UKE $CLAIMS/outpatient.json" \
  "generate --month 2024-06 --count 1" "completion zsh" "serve --listen 127.0.0.1" \
  "serve --max-body-bytes 12X"; do
  # shellcheck disable=SC2086  # the arguments are words
  "$SANTEI" $args >/dev/null 2>&1
  status=$?
  label=${args//"$CLAIMS/"/}
  echo "santei ${label:-(no command)}: exit $status"
done
