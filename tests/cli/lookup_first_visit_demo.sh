# 111000110 初診料 on the demo master: 291 points on 2024-06-03; santei's own exit status is the case's.
"$SANTEI" lookup --date 2024-06-03 111000110 >lookup.json
status=$?
grep -o -e '"name":"初診料"' -e '"points":"291"' lookup.json | head -2
exit "$status"
