#!/usr/bin/env bash
# Compiles a pseudo-translation of a template: every message, each of its
# lines, between ⟦ and ⟧, with its vowels accented; printf and strftime
# directives (%s, %lld, %02d, %H, %%) are left as they are. Text shown without
# these marks did not go through the catalogue.
# Usage: pseudo.sh TEMPLATE.pot OUTPUT.mo
set -euo pipefail
export LC_ALL=C.UTF-8
mkdir -p "$(dirname "$2")"
# shellcheck disable=SC2016  # a perl program, not shell
accent='BEGIN { %a = (a=>"à", e=>"é", i=>"î", o=>"õ", u=>"ü", A=>"À", E=>"É", I=>"Î", O=>"Õ", U=>"Ü") }
  s/(%[-+ #0-9.\$]*[hlzjt]*[a-zA-Z%])|([aeiouAEIOU])/defined $1 ? $1 : $a{$2}/ge;
  s/^/⟦/; s/$/⟧/;'
msgen "$1" | msgfilter --keep-header perl -CSD -Mutf8 -pe "$accent" | msgfmt --check-format -o "$2" -
