# Results that cannot be written (a full disk: /dev/full) are an error naming standard output and
# the reason, exit 2, not an exit 0 with the results lost.
"$SANTEI" price "$CLAIMS/outpatient.json" >/dev/full
