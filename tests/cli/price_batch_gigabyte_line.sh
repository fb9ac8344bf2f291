# A JSON Lines batch whose second line is 1 GiB of NULs (a sparse file made here, costing no disk):
# that line is read past in bounded memory and reported as a claim over the size limit; claims 1 and 3 are
# priced; exit status 1.
claim=$(tr -d '\n' <"$CLAIMS/outpatient.json")
echo "$claim" >batch.jsonl
truncate -s +1G batch.jsonl
{
  echo
  echo "${claim/example-E20/third}"
} >>batch.jsonl
"$SANTEI" price --no-explain batch.jsonl | grep -o -e '"id":"[^"]*"' -e '"total_points":[0-9]*' -e '"status":"[a-z_]*"' | paste -sd' ' -
exit "${PIPESTATUS[0]}"
