# --format json is what santei writes without --format, byte for byte (price_stdin_pretty_claim
# holds those bytes), for price and lookup; any other format is refused.
"$SANTEI" price "$CLAIMS/outpatient.json" >default
"$SANTEI" price --format json "$CLAIMS/outpatient.json" >json
cmp -s default json && echo "price: same"
"$SANTEI" lookup 111000110 >default
"$SANTEI" lookup --format json 111000110 >json
cmp -s default json && echo "lookup: same"
"$SANTEI" price --format xml "$CLAIMS/outpatient.json" 2>err
echo "--format xml: exit $? $(cat err)"
