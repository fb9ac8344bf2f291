# Standard output and standard error into one pipe: the stderr line of a claim that cannot be
# priced comes right after that claim's error line on stdout, before the next claim's result.
claim=$(tr -d '\n' <"$CLAIMS/outpatient.json")
{
  echo "$claim"
  echo "${claim/\"month\": \"2024-06\",/}"
  echo "${claim/example-E20/third}"
} >batch.jsonl
"$SANTEI" price --no-explain batch.jsonl 2>&1 | cut -c1-60
exit "${PIPESTATUS[0]}"
