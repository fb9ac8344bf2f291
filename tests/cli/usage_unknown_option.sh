# An unknown option is a usage error: exit 2 and one stderr line naming it.
"$SANTEI" price --frobnicate "$CLAIMS/outpatient.json"
