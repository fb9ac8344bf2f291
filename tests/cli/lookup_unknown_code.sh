# A code the masters do not hold: one stderr line, exit 1, nothing on stdout.
"$SANTEI" lookup 999999999
