# The README's two commands, as tools/readme-command (and so .ci/run) reads them: they work as root
# without sudo and as a user with it, install with apt-get alone, and the second installs all the
# first does plus every runtime the tests need; .ci/run runs them as they are.
readme=$SOURCE/README.md
one=$("$SOURCE/tools/readme-command" 1 "$readme") || exit 1
two=$("$SOURCE/tools/readme-command" 2 "$readme") || exit 1
"$SOURCE/tools/readme-command" 3 "$readme" >/dev/null 2>&1 && echo "a third command in the README"
packages() {  # the packages an apt-get install in the command names
  grep -o 'apt-get install [^&]*' | tr ' ' '\n' | grep -v -e '^-' -e '^apt-get$' -e '^install$' -e '^$' | sort -u
}
for n in 1 2; do
  command=$([ "$n" = 1 ] && echo "$one" || echo "$two")
  # sudo only as $(command -v sudo): a root machine may have no sudo at all.
  stripped=${command//\$(command -v sudo)/}
  case "$stripped" in *sudo*) echo "command $n calls sudo directly";; esac
  echo "$command" | grep -q 'apt-get update' || echo "command $n does not apt-get update first"
  echo "$command" | grep -q 'DEBIAN_FRONTEND=noninteractive apt-get install -y' ||
    echo "command $n may stop at a question (tzdata)"
done
echo "$one" | grep -q 'build/santei price .*examples/claims/outpatient.json$' || echo "command 1 does not price the example"
echo "$two" | grep -Eq 'ctest --test-dir build (-j"\$\(nproc\)" )?--output-on-failure$' || echo "command 2 does not run the suite"
missing=$(comm -23 <(echo "$one" | packages) <(echo "$two" | packages))
[ -z "$missing" ] || echo "command 2 does not install what command 1 does: $missing"
for runtime in python3-pytest python3-distributed mono-mcs mono-runtime default-jdk-headless libjna-java chromium \
  fonts-noto-cjk poppler-utils; do
  echo "$two" | packages | grep -qx "$runtime" || echo "command 2 does not install $runtime"
done
grep -q 'tools/readme-command "\$n"' "$SOURCE/.ci/run" || echo ".ci/run does not run the README's commands"
echo "checked"
