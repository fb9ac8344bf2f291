# --help of each command prints its usage on stdout and exits 0; no command at all is a usage error.
for command in price lookup generate regress serve completion version; do
  "$SANTEI" "$command" --help | head -1 | cut -d' ' -f1-3
done
"$SANTEI" --help | head -1
"$SANTEI" help lookup | head -1 | cut -d' ' -f1-3
"$SANTEI" -h | head -1
"$SANTEI" >/dev/null 2>&1
echo "no command: exit $?"
"$SANTEI" price >/dev/null 2>&1
echo "no claim: exit $?"
"$SANTEI" price -j x "$CLAIMS/outpatient.json" >/dev/null 2>&1
echo "bad -j: exit $?"
"$SANTEI" price -j 0 "$CLAIMS/outpatient.json" >/dev/null 2>&1
echo "-j 0: exit $?"
"$SANTEI" price --masters /nonexistent "$CLAIMS/outpatient.json" >/dev/null 2>&1
echo "bad masters: exit $?"
"$SANTEI" lookup --date 2024-02-30 111000110 >/dev/null 2>&1
echo "bad date: exit $?"
"$SANTEI" lookup --date >/dev/null 2>&1
echo "--date without a value: exit $?"
"$SANTEI" lookup 111000110 111000110 >/dev/null 2>&1
echo "two codes: exit $?"
"$SANTEI" price --uke x.UKE "$CLAIMS/outpatient.json" >/dev/null 2>&1
echo "--uke and a claim: exit $?"
"$SANTEI" generate --month 2024-06 --count 1 >/dev/null 2>&1
echo "generate without --masters: exit $?"
"$SANTEI" completion zsh >/dev/null 2>&1
echo "completion zsh: exit $?"
"$SANTEI" serve --listen 127.0.0.1 >/dev/null 2>&1
echo "serve --listen without a port: exit $?"
"$SANTEI" serve --max-body-bytes 12X >/dev/null 2>&1
echo "serve --max-body-bytes 12X: exit $?"
"$SANTEI" version
"$SANTEI" --version
