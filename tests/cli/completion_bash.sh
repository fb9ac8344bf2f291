# The bash completion script: the one the build made (and installs) is what `santei completion bash`
# prints, and sourced in bash it completes commands, options, and each option's value by its kind.
"$SANTEI" completion bash >printed
cmp -s "$SANTEI_COMPLETION" printed || echo "the built $SANTEI_COMPLETION is not santei completion bash"
# shellcheck disable=SC1090
source "$SANTEI_COMPLETION"
complete -p santei
mkdir -p files/masters/r06 files/claims
cd files || exit 1
touch claims/a.json claims/b.json month.UKE
offer() {  # the words offered for the last of the given words
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _santei
  echo "$* -> $(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')"
}
offer santei "" | grep -q ' price .*regress ' && echo "santei: the commands"
offer santei pr
offer santei lo
offer santei --v
offer santei price --ma
offer santei price --no-
offer santei price --masters ""
offer santei price --masters m
offer santei price --masters=m
offer santei price --masters = m
offer santei price --masters =
offer santei price -j ""
offer santei price --uke ""
offer santei price cl
offer santei price --masters masters cl
offer santei lookup --
offer santei lookup --date ""
offer santei lookup --format ""
offer santei regress --old masters --n
offer santei regress --old masters -
offer santei generate --masters masters -o ""
offer santei completion ""
