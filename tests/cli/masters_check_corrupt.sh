# santei masters check on damaged copies of a download (issue 12): a flipped byte, a truncated zip,
# the file in UTF-8 instead of CP932, and a download named as SSK's s_ALL20260605.zip that is not it.
# Each is reported with its file (and member, line, column); the good copy is still checked; exit 2.
cp "$SHARED/excerpts/r08/s_ALL20261001.csv" .
python3 "$(dirname "$0")/masters_zip.py" s_ALL20261001.zip s_ALL20261001.csv
python3 - <<'PY'
data = open("s_ALL20261001.zip", "rb").read()
flipped = bytearray(data); flipped[len(data) // 2] ^= 1
open("flipped.zip", "wb").write(flipped)
open("truncated.zip", "wb").write(data[: len(data) // 2])
PY
mkdir utf8 && iconv -f CP932 -t UTF-8 s_ALL20261001.csv >utf8/s_ALL20261001.csv
cp s_ALL20261001.zip s_ALL20260605.zip
"$SANTEI" masters check s_ALL20261001.zip flipped.zip truncated.zip utf8/s_ALL20261001.csv s_ALL20260605.zip >out
status=$?
grep -v sha256 out
grep -o "release: NOT SSK's r08 s_ALL20260605.zip, which has 587216 bytes" out
exit $status
