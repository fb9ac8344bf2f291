# santei masters compile (issue 17): the r08 excerpt compiled to a snapshot prices the 2026-07 再診料
# as its CSVs do (76 + 物価対応料 2 = 78); without -o the snapshot is r08/.santei-snapshot, which
# --masters r08 then reads; a changed byte in a snapshot is refused by name, exit 2.
mkdir r08
cp "$SHARED/excerpts/r08/s_ALL20261001.csv" r08/
chmod u+w r08/s_ALL20261001.csv
"$SANTEI" masters compile r08 -o r08.snapshot | sed 's/, [0-9]* bytes$/, N bytes/'
printf '{"format":"santei.claim/1","id":"july","month":"2026-07","setting":"outpatient","facility":{"kind":"clinic","beds":0,"standards":[]},"patient":{"birth_date":"1980-01-01"},"insurance":{"kind":"employee"},"visits":[{"date":"2026-07-07","orders":[{"category":"12","items":[{"code":"112007410"}]}]}]}\n' >claim.json
"$SANTEI" price --no-copay --masters r08 claim.json 2>/dev/null >csv.json
"$SANTEI" price --no-copay --masters r08.snapshot claim.json 2>/dev/null >snapshot.json
grep -o '"revision":"r08","total_points":[0-9]*' snapshot.json
cmp csv.json snapshot.json && echo "same result from the CSVs and the snapshot"
"$SANTEI" masters compile r08 | sed 's/, [0-9]* bytes$/, N bytes/'
ls -A r08
python3 -c 'import sys; b = bytearray(open("r08.snapshot", "rb").read()); b[-1] ^= 1; open("flipped.snapshot", "wb").write(b)'
"$SANTEI" price --no-copay --masters flipped.snapshot claim.json
echo "exit $?"
