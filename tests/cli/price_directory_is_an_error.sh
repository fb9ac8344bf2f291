# A directory given as the claims file cannot be read: an error naming it and the reason, exit 2,
# not an empty input with no claims priced.
"$SANTEI" price "$CLAIMS"
