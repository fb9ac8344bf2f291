# 111000110 初診料 on the demo master: 291 points on 2024-06-03.
"$SANTEI" lookup --date 2024-06-03 111000110 | grep -o -e '"name":"初診料"' -e '"points":"291"' | head -2
