# santei masters check on the r08 excerpt (issue 12): the directory (a partial revision directory of
# r08: what it lacks) and its file (sha256 as ../shared/excerpts/r08/SHA256SUMS records it; 248 rows
# as its README says, through the s_150 layout).
cd "$SHARED/excerpts"
"$SANTEI" masters check r08 r08/s_ALL20261001.csv
