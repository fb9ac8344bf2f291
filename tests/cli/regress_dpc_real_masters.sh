# santei regress r06 → r08 on two DPC stays of June 2024 (the 出来高 part empty), each revision on its
# own DPC電子点数表 (../shared/dpc), days counted from admission, figures from sheet 11 by hand:
# A 010010xx9901xx, 25 days at 1.4523 — r06 (Ⅰ 1–6 3,461, Ⅱ 7–19 2,370, Ⅲ 20–60 2,014):
#   6×3,461 + 13×2,370 + 6×2,014 = 63,660 → 92,453.418 → 92,453; r08 (Ⅰ 1–6 3,556, Ⅱ 7–18 2,559, Ⅲ
#   19–60 2,175): 6×3,556 + 12×2,559 + 7×2,175 = 67,269 → 97,694.7687 → 97,695.
# B 010010xx9902xx, 10 days at 1.2000 — r06 (Ⅰ 1–4 4,959, Ⅱ 5–10 2,843): 19,836 + 17,058 = 36,894 →
#   44,272.8 → 44,273; r08 (Ⅰ day 1 22,871, Ⅱ 2–11 1,902): 22,871 + 17,118 = 39,989 → 47,986.8 → 47,987.
# r06 136,726, r08 145,682: +8,956 (+6.55%). The patient pays the 区分ウ limit 80,100 + (cost − 267,000)
# × 1%: A 86,675 → 87,200 (976,950円: 7,099.5 → 7,100), B 81,857 → 82,229. r08 is the partial excerpt
# master (../shared/excerpts/r08): these claims need no other r08 row.
claim() {  # id code admitted discharged coefficient
  printf '{"format":"santei.claim/1","id":"%s","month":"2024-06","setting":"inpatient","facility":{"kind":"hospital","beds":400},"patient":{"birth_date":"1960-04-01","sex":"male"},"insurance":{"kind":"employee","income_bracket":"ウ"},"admission":{"admitted":"%s","discharged":"%s","dpc":{"code":"%s","coefficient":"%s"}},"visits":[]}\n' "$1" "$3" "$4" "$2" "$5"
}
{ claim A 010010xx9901xx 2024-06-03 2024-06-27 1.4523; claim B 010010xx9902xx 2024-06-10 2024-06-19 1.2000; } >claims.jsonl
"$SANTEI" regress --old "$SHARED/masters/r06" --new "$SHARED/excerpts/r08" --dpc "$SHARED/dpc" --csv deltas.csv claims.jsonl 2>err
echo "exit $?"
grep -E '^receipt,' deltas.csv | cut -d, -f2,6-8,11,12  # id, points old/new/delta, patient yen old/new
