# A pretty-printed claim with an impossible birth date: one stderr line naming the file, the line
# where the claim starts and the field; exit 1.
sed 's/"birth_date": "1980-01-01"/"birth_date": "1980-02-30"/' "$CLAIMS/outpatient.json" >bad.json
"$SANTEI" price bad.json >/dev/null
