# 60 claims (visits on different days, one broken) priced on 4 threads give byte for byte the output
# of 1 thread, in input order; exit 1 for the broken claim in both runs.
claim=$(tr -d '\n' <"$CLAIMS/outpatient.json")
for i in $(seq 1 60); do
  day=$(printf '%02d' $((i % 20 + 11)))
  line=${claim/example-E20/claim-$i}
  line=${line/2024-06-10/2024-06-$day}
  [ "$i" = 37 ] && line=${line/111000110/999999999}
  echo "$line"
done >batch.jsonl
"$SANTEI" price -j 1 batch.jsonl >one.out 2>one.err; one=$?
"$SANTEI" price -j 4 batch.jsonl >four.out 2>four.err; four=$?
cmp one.out four.out && cmp one.err four.err && echo "same output: $(wc -l <four.out) lines, exit $one and $four"
grep -c '"total_points":761' four.out
grep -n '"status"' four.out | cut -d: -f1
