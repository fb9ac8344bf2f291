# fee-rules.md E20 on the real SSK masters, r04 and r06 loaded by repeating --masters. June 2024
# prices under r06: 291 + 99 + 144 + 40 + 60 + 75 + 52 = 761点, and the patient pays 2,280円 (3割
# of each day, 10円未満四捨五入: 6,340 → 1,900, 1,270 → 380). --revision r04 prices the same claim
# under the r04 告示: A000 288, D400 1 37, F400 3 68, A001 73 (by category 11: 288, 12: 73 + 52,
# 60: 99 + 144 + 37, 80: 68 — 761 again in total, by chance). --no-copay leaves the copayment out;
# a revision that is not loaded is a usage error. Every santei status is printed, none lost in a pipe.
summary() {  # revision, total, categories and the patient's yen of result.jsonl
  grep -o -e '"revision":"r0[0-9]"' -e '"total_points":[0-9]*' -e '"categories":{[^}]*}' \
    -e '"rate":"[0-9.]*","patient_yen":[0-9]*,"insurer_yen":[0-9]*' result.jsonl | paste -sd' ' -
}
"$SANTEI" price --no-explain --masters "$SHARED/masters/r04" --masters "$SHARED/masters/r06" "$CLAIMS/outpatient.json" >result.jsonl
echo "r04 and r06: exit $?"
summary
"$SANTEI" price --no-explain --no-copay --revision r04 --masters "$SHARED/masters/r04" --masters "$SHARED/masters/r06" \
  "$CLAIMS/outpatient.json" >result.jsonl
echo "--revision r04 --no-copay: exit $?"
summary
echo "copay objects: $(grep -o '"copay"' result.jsonl | wc -l)"
"$SANTEI" price --revision r06 --masters "$SHARED/masters/r04" "$CLAIMS/outpatient.json" >result.jsonl 2>err
echo "--revision r06 with only r04 loaded: exit $?, $(cat err)"
