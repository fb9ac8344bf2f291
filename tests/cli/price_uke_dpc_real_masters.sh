# santei price --uke --dpc on a DPC receipt (記録条件仕様 DPC用): 010010xx9901xx (r06 sheet 11:
# 入院日Ⅰ 6, Ⅱ 19; 3461, 2370, 2014点 a day), admitted 2024-06-03, discharged 06-27. The receipt
# counts a 7th day in 入院期間Ⅰ (7 × 3461 = 24227, 12 × 2370 = 28440, 6 × 2014 = 12084; 64751 ×
# 1.4523 = 94037.877 → 94038): its own figures add up, santei's 入院期間 days do not agree (6 and 13:
# 63660 × 1.4523 = 92453.418 → 92453).
cat <<'UKE' | sed 's/$/\r/' | iconv -f UTF-8 -t CP932 >dpc.uke
IR,1,13,1,1234567,,サンテイ病院,202407,00,
RE,1,4112,202406,サンテイ　タロウ,1,19600401,,20240603,,,,400,DPC-1,,,,,,,,,,,,,,,,,,,,,,,サンテイタロウ,
HO,01130012,１,１,25,94038,,,,,,,,,
BU,010010xx9901xx,20240603,20240627,2,
SB,0000999,,脳腫瘍,C711,01,,
KK,,,1,,,64,,,,,,,
GA,202406,2,000000000000000000000000000000,,1.4523,
HH,202406,2,1,1,1,3461,7,24227
HH,202406,2,1,1,2,2370,12,28440
HH,202406,2,1,1,3,2014,6,12084
GT,202406,2,1,1,64751,94038,,94038,93,,,
GO,1,94038,99
UKE
"$SANTEI" price --uke dpc.uke --masters "$SHARED/masters" --dpc "$SHARED/dpc" --format text 2>stderr
echo "exit $? stderr $(wc -c <stderr) bytes"
