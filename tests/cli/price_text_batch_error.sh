# Text for JSON Lines: each claim's 明細書, a blank line between two; a claim that cannot be priced is
# one line saying so (and its error on stderr, exit 1), the claims after it still priced.
claim=$(tr -d '\n' <"$CLAIMS/outpatient.json")
{
  echo "$claim"
  echo "$claim" | sed 's/"111000110"/"999999999"/'
  echo "$claim" | sed 's/"example-E20"/"again"/'
} | "$SANTEI" price --format text - >out
status=$?
echo "exit $status"
grep -n -e '^example-E20 ·' -e '^again ·' -e 'not priced' -e '合計点数' -e '^  計 ' out | sed 's/  */ /g'
