# r06 and the partial r08 excerpt side by side (issue 12): a 2026-05 claim is priced on r06
# (再診料 75), a 2026-07 claim on r08 (再診料 76 + 物価対応料 再診時等 2); loading the excerpt warns
# that it has only a 医科診療行為マスター.
claim() {
  printf '{"format":"santei.claim/1","id":"%s","month":"%s","setting":"outpatient","facility":{"kind":"clinic","beds":0,"standards":[]},"patient":{"birth_date":"1980-01-01"},"insurance":{"kind":"employee"},"visits":[{"date":"%s-07","orders":[{"category":"12","items":[{"code":"112007410"}]}]}]}\n' "$1" "$2" "$2"
}
{ claim may 2026-05; claim july 2026-07; } >claims.jsonl
"$SANTEI" price --no-copay --masters "$SHARED/masters/r06" --masters "$SHARED/excerpts/r08" claims.jsonl >out.jsonl
grep -o '"id":"[a-z]*","revision":"r0[0-9]","total_points":[0-9]*' out.jsonl
