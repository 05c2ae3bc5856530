#!/usr/bin/env bash
# Checks every catalogue of po/LINGUAS against po/unsit.pot: it compiles
# (msgfmt --check: header, plural forms, and the same printf placeholders as
# the English message), it has every message of the template, and none is
# untranslated or fuzzy.
# Usage: check-po.sh SRCDIR
set -uo pipefail
po=$1/po
status=0
while IFS= read -r lang; do
  case $lang in '' | '#'*) continue ;; esac
  file=$po/$lang.po
  if ! msgfmt --check --check-format -o /dev/null "$file"; then
    echo "FAIL $lang: msgfmt --check" >&2
    status=1
    continue
  fi
  if ! msgcmp --use-untranslated "$file" "$po/unsit.pot"; then
    echo "FAIL $lang: messages of unsit.pot are missing (msgmerge it)" >&2
    status=1
  fi
  untranslated=$(msgattrib --untranslated --no-obsolete "$file" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$file" | grep -c '^msgid ' || true)
  # Each count includes the header when anything is listed.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "FAIL $lang: $untranslated untranslated, $fuzzy fuzzy" >&2
    status=1
  fi
  echo "$lang: $(msgfmt --statistics -o /dev/null "$file" 2>&1)"
done <"$po/LINGUAS"
exit $status
