# santei regress of JSON Lines through a FIFO (a pipe given as a path, as <(…) gives one): every
# claim compared. Looking at a FIFO's first bytes for a UKE file's IR record consumed them (it cannot
# be read again from the start), and the run compared 0 receipts, exit 0.
mkfifo claims.fifo
{ for id in a b c; do tr -d '\n' <"$CLAIMS/outpatient.json" | sed "s/example-E20/$id/"; echo; done; } >claims.fifo &
"$SANTEI" regress --old "$SHARED/masters/r04" --new "$SHARED/masters/r06" -j 1 claims.fifo 2>/dev/null | grep -E '^receipts'
echo "exit ${PIPESTATUS[0]}"
