# Any command's standard output is checked when it ends (main.cpp): lookup's answer on a full disk
# is the same error, exit 2.
"$SANTEI" lookup 111000110 >/dev/full
