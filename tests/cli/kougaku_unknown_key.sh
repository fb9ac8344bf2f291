# A key santei.kougaku/1 does not define is refused by name, with the file: exit 1, nothing on stdout.
cat >household.json <<'JSON'
{ "format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ", "bracket_note": "x",
  "members": [] }
JSON
"$SANTEI" kougaku household.json
