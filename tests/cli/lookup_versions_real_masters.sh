# A code's version history across the loaded revisions: 197000110 入院時食事療養（１） (1食につき).
# r04/s_ALL20240201.csv: col 12 640.00, col 87 変更年月日 20220401; r06/s_ALL20240531.csv: 670.00
# from 20240601; r06/updates/s_20250307.csv (変更区分 5): 690.00 from 20250401 — so r04's version
# ends 2024-05-31 (the day before r06 starts), r06's first 2025-03-31, and its last 2026-05-31, where
# r06 ends (r08 prices from 2026-06-01, masters/revisions.xml). The lookup on each date gives that
# date's amount, and every lookup lists the same three versions.
versions() {
  grep -o '"versions":\[[^]]*\]' lookup.json | grep -o -e '"revision":"r0[0-9]","from":"[0-9-]*","to":"[0-9a-z-]*"' \
    -e '"points":"[0-9]*"' | paste -sd' ' - | sed 's/ "revision"/\n"revision"/g'
}
for date in 2024-05-31 2024-06-01 2025-03-31 2025-04-01; do
  "$SANTEI" lookup --masters "$SHARED/masters/r04" --masters "$SHARED/masters/r06" --date "$date" 197000110 >lookup.json
  echo "$date: exit $?, $(sed 's/,"valid".*//' lookup.json | grep -o -e '"revision":"r0[0-9]"' -e '"points":"[0-9]*"' | paste -sd' ' -)"
done
versions
# As text: the versions table with its revision column.
"$SANTEI" lookup --format text --masters "$SHARED/masters/r04" --masters "$SHARED/masters/r06" --date 2025-04-01 197000110 >out
echo "text: exit $?"
sed -n '/^versions$/,/^$/p' out | sed 's/  */ /g'
