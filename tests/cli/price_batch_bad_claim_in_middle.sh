# A JSON Lines batch whose second claim lacks its month: claims 1 and 3 are priced, claim 2 gives an
# error line on stdout and one stderr line naming input line 2 and the field; exit status 1.
claim=$(tr -d '\n' <"$CLAIMS/outpatient.json")
{
  echo "$claim"
  echo "${claim/\"month\": \"2024-06\",/}"
  echo "${claim/example-E20/third}"
} >batch.jsonl
"$SANTEI" price --no-explain batch.jsonl | grep -o -e '"id":"[^"]*"' -e '"total_points":[0-9]*' -e '"status":"[a-z_]*"' -e '"field":"[a-z]*"' | paste -sd' ' -
exit "${PIPESTATUS[0]}"
