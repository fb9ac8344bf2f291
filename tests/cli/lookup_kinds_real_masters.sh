# santei lookup of each master kind beyond 診療行為 on the real r06 masters (2024-06-03). Every
# figure below is the master row's own (iconv -f cp932 the file and grep the code):
#  医薬品 y_ALL20240531.csv  620098801: col 5 ロキソニン錠６０ｍｇ, col 8 単位コード 16, col 10 錠,
#    col 12 新又は現金額 10.10 (円), col 30 変更年月日 20240401, col 32 薬価基準収載医薬品コード
#    1149019F1560, col 38 【般】ロキソプロフェンＮａ錠６０ｍｇ.
#  特定器材 t_ALL20240315.csv 710010158: col 5 膀胱留置用ディスポーザブルカテーテル（２管一般（１））,
#    col 12 新又は現金額 233.00, col 26 公表順序番号 300063000, col 28 変更年月日 20240601.
#  コメント c_ALL20240531.csv 830100001: col 4 パターン 30, col 5 一連番号 100001, col 7
#    薬剤調製料（内服薬）：その他理由；, col 21 変更年月日 20240601, col 23 コメントコード 830100001.
#  傷病名 b_20240601.txt 0010001: col 4 移行先コード 0010001 (7 digits, leading zeros kept), col 6
#    真性コレラ, col 16 ICD-10 A000, col 12 採択区分 2; 8833421: 高血圧症, I10, col 23 変更年月日 20240601.
#  修飾語 z_20240601.txt 4012: col 7 急性, col 17 修飾語管理番号 27000225, col 18 交換用コード 1051.
# Each lookup's exit status is printed (none lost in a pipe).
col() {  # the columns entry of key $1 in lookup.json: {"col":n,"name":"項目名","value":…}
  grep -o "\"$1\":{\"col\":[^}]*}" lookup.json
}
head_of() {  # the record's headline figures (what precedes its columns)
  sed 's/,"columns".*//' lookup.json | grep -o -e '"code":"[0-9]*","master":"[a-z]*"' -e '"name":"[^"]*"' \
    -e '"text":"[^"]*"' -e '"price_yen":"[^"]*"' -e '"unit":"[^"]*"' -e '"icd10":"[^"]*"' -e '"valid":{[^}]*}' | paste -sd' ' -
}
look() {
  "$SANTEI" lookup --masters "$SHARED/masters/r06" --date 2024-06-03 "$1" >lookup.json
  echo "$1: exit $?"
  head_of
}
look 620098801
col unit; col price; col valid_from; col yj_code; col generic_prescription_text
look 710010158
col price; col publication_order; col valid_from
look 830100001
col pattern; col serial; col valid_from; col code
look 0010001
col successor; col adoption; col icd10_1
look 8833421
col valid_from
look 4012
col management_number; col exchange_code
# The text form heads a コメント with its text.
"$SANTEI" lookup --format text --masters "$SHARED/masters/r06" --date 2024-06-03 830100001 >out
echo "text: exit $?"
head -1 out
