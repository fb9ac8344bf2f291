# examples/claims/dpc.json on the real r06 masters and MHLW's DPC電子点数表 (../shared/dpc): grouped
# from C711 (脳の悪性新生物, ４）C71$ → 010010), no 手術, G005 中心静脈注射 (８）手術・処置等２ 1) —
# the r06 樹形図's 010010xx9901xx (手術なし, 処置等1 なし, 処置等2 1; the steps are in the JSON's explain,
# not in this text) — a stay of 25 days of it (r06 sheet 11 row 6: 入院期間Ⅰ days 1–6 3,461点, Ⅱ 7–19 2,370点, Ⅲ
# 20–60 2,014点) at 医療機関別係数 1.4523: 6 × 3,461 + 13 × 2,370 + 6 × 2,014 = 63,660点 × 1.4523 =
# 92,453.418 → 92,453点 (留意事項 第３ １(１)). The patient pays the 区分ウ limit 80,100 + (924,530 −
# 267,000) × 1% = 86,675円 and the 食事 標準負担額 71 meals × 490円 = 34,790円: 121,465円. Without
# --dpc the claim is an error naming admission.dpc; a --dpc directory without workbooks is not_found.
"$SANTEI" price --format text --masters "$SHARED/masters/r06" --dpc "$SHARED/dpc" "$CLAIMS/dpc.json"
echo "exit $?"
"$SANTEI" price --no-explain --masters "$SHARED/masters/r06" "$CLAIMS/dpc.json" >/dev/null 2>err
echo "without --dpc: exit $?, $(sed "s|$CLAIMS|CLAIMS|g" err)"
"$SANTEI" price --masters "$SHARED/masters/r06" --dpc "$SHARED/masters" "$CLAIMS/dpc.json" >/dev/null 2>err
echo "--dpc without workbooks: exit $?, $(sed "s|$SHARED|SHARED|g" err)"
