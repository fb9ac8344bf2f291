# --help of each command prints its usage on stdout and exits 0; no command at all is a usage error.
"$SANTEI" price --help | head -1 | cut -c1-20
"$SANTEI" lookup --help | head -1 | cut -c1-21
"$SANTEI" --help | head -1
"$SANTEI" >/dev/null 2>&1
echo "no command: exit $?"
"$SANTEI" price >/dev/null 2>&1
echo "no claim: exit $?"
"$SANTEI" price -j x "$CLAIMS/outpatient.json" >/dev/null 2>&1
echo "bad -j: exit $?"
"$SANTEI" price --masters /nonexistent "$CLAIMS/outpatient.json" >/dev/null 2>&1
echo "bad masters: exit $?"
"$SANTEI" lookup --date 2024-02-30 111000110 >/dev/null 2>&1
echo "bad date: exit $?"
