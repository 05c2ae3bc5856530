#!/usr/bin/env bash
# Writes the message template, po/unsit.pot, from the code (the files listed
# in po/POTFILES) and from every further template part given (generated .pot
# files, e.g. the stretch catalogue's), merged in that order.
#   update-pot.sh SRCDIR VERSION [PART.pot...]          rewrite po/unsit.pot
#   update-pot.sh --check SRCDIR VERSION [PART.pot...]  fail if it is not current
# The file is rewritten only when a message changed, so its creation date
# moves only then; --check compares everything but that date.
set -euo pipefail
check=false
if [ "${1:-}" = --check ]; then check=true; shift; fi
src=$1 version=$2
shift 2
pot=$src/po/unsit.pot
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every file that calls the Tr* spellings must be in POTFILES, and only those.
listed=$(grep -v '^#' "$src/po/POTFILES" | sed '/^$/d' | sort)
calling=$(cd "$src" && grep -rlE '\bTr(N|C|Noop)?\(' daemon cli --include='*.cc' |
  grep -v '^daemon/i18n/tr\.cc$' | sort)
if [ "$listed" != "$calling" ]; then
  echo "po/POTFILES does not list exactly the files that call Tr*:" >&2
  diff <(echo "$listed") <(echo "$calling") >&2 || true
  exit 1
fi

(cd "$src" && xgettext --from-code=UTF-8 --language=C++ --keyword= --keyword=Tr \
  --keyword=TrN:1,2 --keyword=TrC:1c,2 --keyword=TrNoop --add-comments=TRANSLATORS: \
  --package-name=unsit --package-version="$version" \
  --files-from=<(grep -v '^#' po/POTFILES | sed '/^$/d') -o "$work/code.pot")
if [ $# -gt 0 ]; then
  msgcat --use-first "$work/code.pot" "$@" -o "$work/all.pot"
else
  mv "$work/code.pot" "$work/all.pot"
fi
# xgettext writes "CHARSET"; the sources are UTF-8.
sed -i 's/charset=CHARSET/charset=UTF-8/' "$work/all.pot"

strip_date() { grep -v '^"POT-Creation-Date:' "$1"; }
if [ -f "$pot" ] && diff -q <(strip_date "$pot") <(strip_date "$work/all.pot") >/dev/null; then
  exit 0
fi
if $check; then
  echo "po/unsit.pot is not current: run cmake --build --preset ci --target unsit-pot" >&2
  diff -u <(strip_date "$pot" 2>/dev/null || true) <(strip_date "$work/all.pot") >&2 | head -40 || true
  exit 1
fi
cp "$work/all.pot" "$pot"
echo "po/unsit.pot updated"
