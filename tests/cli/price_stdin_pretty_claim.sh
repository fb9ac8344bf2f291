# One pretty-printed claim on standard input prices like the file: one result line, exit 0.
"$SANTEI" price - <"$CLAIMS/outpatient.json" | grep -o '"total_points":[0-9]*'
