#!/usr/bin/env bash
# Renders every generated man page the way a reader would and fails on any warning.
#   man_pages.sh MANDIR    (MANDIR holds man1/unsitd.1, man1/unsit.1, man5/..., man7/...)
# Uses man(1) (groff underneath) with all warnings on; without man, groff or mandoc.
set -uo pipefail
mandir=${1:?usage: man_pages.sh MANDIR}
pages=(man1/unsitd.1 man1/unsit.1 man5/unsit.yaml.5 man7/unsit-ipc.7)

if command -v man >/dev/null && command -v groff >/dev/null; then
  render() { MANWIDTH=80 man --warnings=all -l -Tutf8 "$1"; }
elif command -v groff >/dev/null; then
  render() { groff -man -Tutf8 -ww -z "$1"; }
elif command -v mandoc >/dev/null; then
  render() { mandoc -T lint -W warning "$1"; }
else
  echo "SKIP: neither man nor groff nor mandoc is installed"
  exit 77
fi
export LC_ALL=C.UTF-8

fail=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT
for page in "${pages[@]}"; do
  f="$mandir/$page"
  if [ ! -s "$f" ]; then
    if ! command -v scdoc >/dev/null; then
      echo "SKIP: scdoc is not installed, so the man pages were not generated"
      exit 77
    fi
    echo "FAIL: $page was not generated (is scdoc installed and its source present?)"
    fail=1
    continue
  fi
  if ! render "$f" >/dev/null 2>"$err"; then
    echo "FAIL: $page: the renderer exited with an error"
    cat "$err"
    fail=1
  elif [ -s "$err" ]; then
    echo "FAIL: $page: warnings while rendering"
    cat "$err"
    fail=1
  else
    # The NAME section must parse for whatis/apropos.
    if ! grep -q '^\.SH "\{0,1\}NAME' "$f" ||
       { command -v lexgrog >/dev/null && ! lexgrog "$f" >/dev/null 2>&1; }; then
      echo "FAIL: $page has no NAME section that whatis can read"
      fail=1
    else
      echo "ok: $page"
    fi
  fi
done
exit $fail
