# 111000110 初診料 as text on the demo master: its name, 291 points (fee-rules.md §6.1, r06) and
# master columns 11 and 12 in the column table, as the JSON has them.
"$SANTEI" lookup --format text --date 2024-06-03 111000110 >out
head -2 out
grep -e '^points:' -e '^  *11  点数識別 ' -e '^  *12  新又は現点数 ' out | sed 's/  */ /g'
