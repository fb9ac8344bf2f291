#!/usr/bin/env bash
# Seed corpora of the fuzz targets, made at run time from the real files under ../shared (never
# committed: SSK masters and the sample UKE stay outside the repository) and from the project's
# own fixtures. Usage: tests/fuzz/seeds.sh BUILD_DIR OUT_DIR
#   master_csv  the first 200 and the first 5 lines of every master file of ../shared/masters (each
#               kind and layout: r04, r06, updates/, latest/, tensuhyo/), and the bad-input master
#               fixtures the build writes (BUILD_DIR/tests/bad/masters, tests/CMakeLists.txt)
#   rule_xml    masters/rules/*.xml and tests/bad/rules/*.xml
#   claim_json  examples/claims, tests/bad/claims and the benchmark mixes (fuzz_seed_claims)
#   uke         ../shared/uke/*.UKE, ssk-sample/, orca-demo/, tests/bad/uke and tests/fuzz/seeds/uke (a DPC receipt)
#   capi_price  as claim_json
#   zip         small archives made with Python's zipfile: stored, deflated, empty, a folder, the
#               small parts of a DPC workbook (../shared/dpc), a two-sheet xlsx workbook
#   serve_target  tests/fuzz/seeds/serve_target: request targets of santei serve's endpoints
#   kougaku_household  examples/kougaku: household months (santei.kougaku/1)
#   snapshot    the demo master as a snapshot (BUILD_DIR/tests/fuzz/fuzz_seed_snapshot)
# Inputs of master_csv and rule_xml start with the selector byte of their target (master_csv.cpp,
# rule_xml.cpp).
set -euo pipefail
SOURCE="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="$1"
OUT="$2"
SHARED="${SANTEI_SHARED_DIR:-$SOURCE/../shared}"
rm -rf "$OUT"
mkdir -p "$OUT"/{master_csv,rule_xml,claim_json,uke,capi_price,zip,serve_target,kougaku_household,snapshot}

# A file with a selector byte in front: seed SELECTOR FILE OUT [HEAD_LINES]
seed() {
  { printf "\\x$(printf %02x "$1")"; if [ -n "${4:-}" ]; then head -n "$4" "$2"; else cat "$2"; fi; } >"$3"
}

# master_csv: the selector of a file's kind, as master_csv.cpp numbers them (s y t c b z aux bundle
# exclusion inpatient count ck); empty for a file that is no master.
master_selector() {
  case "$(basename "$1")" in
    s_*) echo 0 ;; y_*) echo 1 ;; t_*) echo 2 ;; c_*) echo 3 ;; b_*) echo 4 ;; z_*) echo 5 ;;
    01*) echo 6 ;; 02*) echo 7 ;; 03-*) echo 8 ;; 04*) echo 9 ;; 05*) echo 10 ;; ck_ALL_*) echo 11 ;;
    *) echo "" ;;
  esac
}
n=0
while IFS= read -r -d '' file; do
  selector=$(master_selector "$file")
  [ -n "$selector" ] || continue
  n=$((n + 1))
  seed "$selector" "$file" "$OUT/master_csv/shared-$n-200" 200
  seed "$selector" "$file" "$OUT/master_csv/shared-$n-5" 5
  seed $((selector + 128)) "$file" "$OUT/master_csv/shared-$n-5-twice" 5
  case "$file" in */updates/*) seed $((selector + 64)) "$file" "$OUT/master_csv/shared-$n-update" 50 ;; esac
done < <(find "$SHARED/masters" -type f \( -name '*.csv' -o -name '*.txt' \) -print0 | sort -z)
[ "$n" -gt 0 ] || { echo "seeds.sh: no master files under $SHARED/masters" >&2; exit 1; }
while IFS= read -r -d '' file; do
  selector=$(master_selector "$file")
  [ -n "$selector" ] || continue
  n=$((n + 1))
  seed "$selector" "$file" "$OUT/master_csv/bad-$n"
done < <([ -d "$BUILD/tests/bad/masters" ] && find "$BUILD/tests/bad/masters" -type f \( -name '*.csv' -o -name '*.txt' \) -print0 | sort -z)

# rule_xml: the selector of each file as rule_xml.cpp numbers them.
rules=(rates kougaku kouhi meals care_measure lab_bundles time_additions inpatient_fees inpatient_bundles
       inpatient_meals inpatient_standards local_programmes price_response age_additions)
for i in "${!rules[@]}"; do
  [ -f "$SOURCE/masters/rules/${rules[$i]}.xml" ] && seed "$i" "$SOURCE/masters/rules/${rules[$i]}.xml" "$OUT/rule_xml/${rules[$i]}"
done
for file in "$SOURCE"/tests/bad/rules/*.xml; do
  for i in 0 5 7; do seed "$i" "$file" "$OUT/rule_xml/bad-$i-$(basename "$file")"; done
done

# Claims: the examples, the bad claims and the benchmark mixes.
cp "$SOURCE"/examples/claims/*.json "$OUT/claim_json/"
if compgen -G "$SOURCE/tests/bad/claims/*.json" >/dev/null; then
  for file in "$SOURCE"/tests/bad/claims/*.json; do cp "$file" "$OUT/claim_json/bad-$(basename "$file")"; done
fi
"$BUILD/tests/fuzz/fuzz_seed_claims" "$OUT/claim_json" >/dev/null
cp "$OUT"/claim_json/* "$OUT/capi_price/"

# UKE: the sample and the bad files.
cp "$SHARED"/uke/*.UKE "$OUT/uke/"
cp "$SHARED"/uke/ssk-sample/RECEIPTC.UKE "$OUT/uke/ssk-sample.UKE"
for f in "$SHARED"/uke/orca-demo/*.csv; do cp "$f" "$OUT/uke/orca-$(basename "$f")"; done
cp "$SOURCE"/tests/bad/uke/*.uke "$OUT/uke/"
cp "$SOURCE"/tests/fuzz/seeds/uke/* "$OUT/uke/"  # a DPC receipt (記録条件仕様 DPC用)

# zip: small archives of each kind libzip reads (big seeds would slow every run), and the replay's.
cp "$SOURCE"/tests/fuzz/seeds/zip/* "$OUT/zip/"
python3 - "$OUT/zip" "$SHARED/dpc/r06/dpc_denshi_tensuhyo_20240321.xlsx" <<'PY'
import sys, zipfile
out, workbook = sys.argv[1], sys.argv[2]
def make(name, members, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(f"{out}/{name}", "w", method) as z:
        for member, data in members:
            z.writestr(member, data)
make("stored.zip", [("s_ALL20240601.csv", "1,2,3\r\n" * 20)], zipfile.ZIP_STORED)
make("deflated.zip", [("a.txt", "x" * 3000), ("b/", ""), ("b/c.txt", "santei")])
make("empty.zip", [])
with zipfile.ZipFile(workbook) as source:
    small = [(n, source.read(n)) for n in source.namelist() if source.getinfo(n).file_size < 8000]
make("workbook-parts.zip", small)
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
make("workbook.xlsx", [
    ("_rels/.rels", f'<Relationships><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    ("xl/_rels/workbook.xml.rels", f'<Relationships><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
     f'<Relationship Id="rId2" Type="{rel}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
     f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
    ("xl/workbook.xml", f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="１）ＭＤＣ名称" r:id="rId1"/><sheet name="b" r:id="rId2"/></sheets></workbook>'),
    ("xl/sharedStrings.xml", f'<sst {ns}><si><t>神経系疾患</t><rPh sb="0" eb="1"><t>シ</t></rPh></si><si><r><t>a</t></r><r><t>_x000D_</t></r></si></sst>'),
    ("xl/worksheets/sheet1.xml", f'<worksheet {ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3461</v></c></row>'
     f'<row r="3"><c r="C3" t="s"><v>1</v></c><c r="D3" t="inlineStr"><is><t>x</t></is></c><c r="E3" t="b"><v>1</v></c></row></sheetData></worksheet>'),
    ("xl/worksheets/sheet2.xml", f'<worksheet {ns}><sheetData><row><c><v>1.5</v></c><c t="e"><v>#N/A</v></c></row></sheetData></worksheet>'),
])
PY

# serve_target: the request targets committed beside the replay.
cp "$SOURCE"/tests/fuzz/seeds/serve_target/* "$OUT/serve_target/"

# kougaku_household: the household months of examples/kougaku.
cp "$SOURCE"/examples/kougaku/*.json "$OUT/kougaku_household/"

# snapshot: the demo master as a snapshot, written by the build's own santei.
"$BUILD/tests/fuzz/fuzz_seed_snapshot" "$OUT/snapshot"

for target in master_csv rule_xml claim_json uke capi_price zip serve_target kougaku_household snapshot; do
  echo "seeds: $target $(find "$OUT/$target" -type f | wc -l) files"
done
