# A month's UKE check whose JSON report cannot be written (a full disk: /dev/full) ends at the first
# piece that fails, with an error naming standard output and the reason, exit 2; the text report
# meant for stderr after it is not made into a wall of text above the error.
"$SANTEI" price --uke "$SHARED/uke/RECEIPTC_GAIRAI_SAMPLE.UKE" --masters "$SHARED/masters" >/dev/full
