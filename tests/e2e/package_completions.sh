#!/usr/bin/env bash
# The shell completions offer exactly the verbs, options and option values that
# the built `unsit` and `unsitd` accept (read from their --help), in bash (through
# bash-completion), fish, and zsh (syntax and names).
#   package_completions.sh UNSIT UNSITD COMPLETIONS_DIR
set -uo pipefail
unsit=${1:?usage: package_completions.sh UNSIT UNSITD COMPLETIONS_DIR}
unsitd=${2:?}
dir=${3:?}
# Values the daemon accepts only for its own tests; completions leave them out.
internal_values="test"

have_bash=0 have_fish=0 have_zsh=0
[ -r /usr/share/bash-completion/bash_completion ] && have_bash=1
command -v fish >/dev/null && have_fish=1
command -v zsh >/dev/null && have_zsh=1
if [ $((have_bash + have_fish + have_zsh)) -eq 0 ]; then
  echo "SKIP: none of bash-completion, fish, zsh is installed"
  exit 77
fi
export LC_ALL=C

fail=0
# --- what the programs accept, from their CLI11 help
section() { # section NAME: the lines of one "Name:" section of the help text on stdin
  awk -v s="$1:" '$0 == s {f = 1; next} /^[A-Z][A-Za-z]*:$/ || /^$/ {f = 0} f'
}
long_options() { section Options | sed -n 's/^  \(-[A-Za-z],\)\{0,1\}\(--[a-z0-9-]*\).*/\2/p' | sort -u; }
values_of() { # values_of NAME: the {a,b} set of an option or positional, one per line
  sed -n "s/^  $1 [A-Z]*:{\([^}]*\)}.*/\1/p" | tr ',' '\n' | grep -vxF -e "$internal_values" | sort -u
}
verbs=$("$unsit" --help | section Subcommands | awk '{print $1}' | sort -u)
[ -n "$verbs" ] || { echo "FAIL: no verbs in unsit --help"; exit 1; }

# --- what a shell offers
bash_candidates() { # bash_candidates "command line"
  bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$1"
    line=$2
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE=$line COMP_POINT=${#line}
    f=$(complete -p "${COMP_WORDS[0]}" | sed "s/.* -F \([^ ]*\) .*/\1/")
    "$f" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$dir/unsit.bash" "$1" | grep -v '^$' | sort -u
}
fish_candidates() {
  fish -N -c "source '$dir/unsit.fish'; source '$dir/unsitd.fish'; complete -C '$1'" |
    cut -f1 | grep -v '^$' | sort -u
}
check() { # check WHAT "command line" EXPECTED
  local shell got
  for shell in bash fish; do
    eval "[ \$have_$shell = 1 ]" || continue
    got=$(${shell}_candidates "$2")
    if [ "$got" != "$3" ]; then
      echo "FAIL: $shell: [$2] $1"
      diff <(echo "$3") <(echo "$got") | sed -n 's/^</  missing:/p; s/^>/  extra:  /p'
      fail=1
    fi
  done
}
options_only() { grep -- '^-' || true; }

check "verbs" "unsit " "$verbs"
check "global options" "unsit --" "$("$unsit" --help | long_options)"
for verb in $verbs; do
  help=$("$unsit" "$verb" --help)
  opts=$(long_options <<<"$help")
  check "options of $verb" "unsit $verb --" "$opts"
  for opt in $opts; do
    vals=$(values_of "$opt" <<<"$help")
    [ -n "$vals" ] && check "values of $verb $opt" "unsit $verb $opt " "$vals"
  done
  positional=$(section Positionals <<<"$help" | sed -n 's/^  \([a-z][a-z0-9_-]*\) [A-Z]*:{.*/\1/p' | head -n 1)
  if [ -n "$positional" ]; then
    check "values of $verb $positional" "unsit $verb " "$(section Positionals <<<"$help" | values_of "$positional")"
  fi
done
dhelp=$("$unsitd" --help)
dopts=$(long_options <<<"$dhelp")
check "unsitd options" "unsitd --" "$dopts"
for opt in $dopts; do
  vals=$(values_of "$opt" <<<"$dhelp")
  [ -n "$vals" ] && check "values of unsitd $opt" "unsitd $opt " "$vals"
done

if [ "$have_zsh" = 1 ]; then
  zsh -n "$dir/_unsit" || { echo "FAIL: zsh: syntax error in _unsit"; fail=1; }
  for word in $verbs $("$unsit" --help | long_options) $dopts; do
    grep -q -- "$word" "$dir/_unsit" || { echo "FAIL: zsh: _unsit does not mention $word"; fail=1; }
  done
fi

[ "$fail" = 0 ] && echo "PASS (bash=$have_bash fish=$have_fish zsh=$have_zsh)"
exit "$fail"
