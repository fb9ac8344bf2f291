# A 2026-07 claim with only r04 and r06 loaded: the error names the revision that prices it (r08)
# and the command that brings its masters; exit 1.
sed 's/2024-06/2026-07/g' "$CLAIMS/outpatient.json" >july.json
"$SANTEI" price --masters "$SHARED/masters" july.json >/dev/null
