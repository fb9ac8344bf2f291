# santei kougaku on a household month of three receipts, one under 21,000円 (ganclass.jp's 区分ウ
# example, the 夫's receipts): A病院 外来 21,000 (70,000) and B病院 入院 450,000 (1,500,000) are
# counted, B病院 外来 9,000 (30,000) is not; limit 80,100 + (1,570,000 − 267,000) × 1% = 93,130,
# so 471,000 − 93,130 = 377,870 back.
cat >household.json <<'JSON'
{ "format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ",
  "members": [ { "id": "夫", "birth_date": "1972-01-10", "receipts": [
    { "institution": "A病院", "setting": "outpatient", "cost_yen": 70000, "patient_yen": 21000 },
    { "institution": "B病院", "setting": "outpatient", "cost_yen": 30000, "patient_yen": 9000 },
    { "institution": "B病院", "setting": "inpatient", "cost_yen": 1500000, "patient_yen": 450000 } ] } ] }
JSON
"$SANTEI" kougaku household.json >out.json
grep -o -e '"patient_total_yen":[0-9]*' -e '"benefit_yen":[0-9]*' -e '"limit_yen":[0-9]*' -e '"counted_yen":[0-9]*' out.json
# the same from standard input
"$SANTEI" kougaku - <household.json | cmp -s - out.json && echo "stdin: same result"
