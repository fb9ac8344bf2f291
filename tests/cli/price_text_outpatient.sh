# fee-rules.md E20 as a 明細書: day 3 初診 291 + the 8-item bundle 99 (on its last item) + 判断料 144
# + 採血 40 + 処方箋料 60, day 10 再診 75 + 外来管理加算 52; per 診療識別 291/127/283/60, 合計 761点;
# 3割 rounded per visit (copayment.md §2.2): 6,340 → 1,902 → 1,900円, 1,270 → 381 → 380円, 2,280円.
"$SANTEI" price --format text "$CLAIMS/outpatient.json" | tee out
# README.md shows the same 明細書.
awk '/^\$ santei price --format text examples\/claims\/outpatient.json$/ { on = 1; next } on && /^```/ { exit } on' \
  "$SOURCE/README.md" | cmp -s - out || echo "README.md shows another 明細書 for examples/claims/outpatient.json"
