# One pretty-printed claim on standard input prices like the file: one result line, exit 0.
"$SANTEI" price - <"$CLAIMS/outpatient.json" >result.jsonl
status=$?
grep -o '"total_points":[0-9]*' result.jsonl
exit "$status"
