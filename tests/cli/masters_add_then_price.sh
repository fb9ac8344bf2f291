# santei masters add (issue 12): the r08 excerpt, packed as SSK packs its s download, is laid out as
# M/r08, which --masters then loads: a 2026-07 再診料 prices 76 + 物価対応料 再診時等 2 = 78 (告示第69号
# A001, O100). Adding it again finds it already there; a damaged download beside a good one is
# refused and M is left as it was.
cp "$SHARED/excerpts/r08/s_ALL20261001.csv" .
python3 "$(dirname "$0")/masters_zip.py" s_ALL20261001.zip s_ALL20261001.csv
"$SANTEI" masters add --to M s_ALL20261001.zip | grep -v lacks
"$SANTEI" masters add --to M s_ALL20261001.zip | grep -v lacks
printf '{"format":"santei.claim/1","id":"july","month":"2026-07","setting":"outpatient","facility":{"kind":"clinic","beds":0,"standards":[]},"patient":{"birth_date":"1980-01-01"},"insurance":{"kind":"employee"},"visits":[{"date":"2026-07-07","orders":[{"category":"12","items":[{"code":"112007410"}]}]}]}\n' >claim.json
"$SANTEI" price --no-copay --masters M claim.json 2>/dev/null | grep -o '"revision":"r08","total_points":[0-9]*'
head -c 3000 s_ALL20261001.zip >truncated.zip
"$SANTEI" masters add --to M2 s_ALL20261001.zip truncated.zip
echo "exit $?"
ls M2 2>&1 | sed 's/^.*M2.*No such file.*$/no M2/'
