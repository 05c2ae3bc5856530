#!/usr/bin/env bash
# `cmake --install` with DESTDIR puts every file in its standard place, inside DESTDIR.
#   package_install_tree.sh BUILD_DIR
set -uo pipefail
build=${1:?usage: package_install_tree.sh BUILD_DIR}
command -v cmake >/dev/null || { echo "SKIP: cmake is not installed"; exit 77; }

prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
bindir=$(sed -n 's/^CMAKE_INSTALL_BINDIR:PATH=//p' "$build/CMakeCache.txt")
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
dest=$(mktemp -d "${TMPDIR:-/tmp}/unsit-destdir.XXXXXX")
trap 'rm -rf "$dest"' EXIT

if ! DESTDIR=$dest cmake --install "$build" >"$dest.log" 2>&1; then
  cat "$dest.log"; rm -f "$dest.log"
  echo "FAIL: cmake --install failed"
  exit 1
fi
rm -f "$dest.log"

fail=0
expect() { # expect PATH-SUFFIX: exactly one installed file ends with it
  local n
  n=$(cd "$dest" && find . \( -type f -o -type l \) -path "*/$1" | wc -l)
  if [ "$n" -eq 1 ]; then echo "ok: $1"; else echo "FAIL: $n installed files match */$1"; fail=1; fi
}
expect "bin/unsitd"
expect "bin/unsit"
expect "systemd/user/unsit.service"
expect "xdg/autostart/unsit.desktop"
if command -v scdoc >/dev/null; then
  expect "man/man1/unsitd.1"
  expect "man/man1/unsit.1"
  expect "man/man5/unsit.yaml.5"
  expect "man/man7/unsit-ipc.7"
fi
expect "bash-completion/completions/unsit"
expect "bash-completion/completions/unsitd"
expect "zsh/site-functions/_unsit"
expect "fish/vendor_completions.d/unsit.fish"
expect "fish/vendor_completions.d/unsitd.fish"
expect "icons/hicolor/scalable/apps/unsit.svg"
expect "applications/unsit.desktop"
expect "unsit/stretches/standing-lunge.svg"
expect "unsit/stretches/fallback-hip-stretch.svg"
expect "unsit/stretches/forearm-plank.svg"
expect "doc/unsit/examples/unsit.yaml"
if command -v msgfmt >/dev/null; then
  while IFS= read -r lang; do
    case $lang in '' | '#'*) ;; *) expect "locale/$lang/LC_MESSAGES/unsit.mo" ;; esac
  done <"$(dirname "$0")/../../po/LINGUAS"
fi

# Everything landed below DESTDIR and the prefix (or /etc for a /usr prefix).
while IFS= read -r f; do
  case $f in
    "$dest$prefix"/* | "$dest"/etc/*) ;;
    *) echo "FAIL: installed outside the prefix: $f"; fail=1 ;;
  esac
done < <(find "$dest" \( -type f -o -type l \))

unit=$(find "$dest" -path '*/systemd/user/unsit.service' | head -n 1)
if [ -n "$unit" ]; then
  grep -qx "ExecStart=$bindir/unsitd" "$unit" || { echo "FAIL: ExecStart in $unit is not $bindir/unsitd"; fail=1; }
  grep -qx "ExecReload=$bindir/unsit reload" "$unit" || { echo "FAIL: ExecReload in $unit"; fail=1; }
fi
exit $fail
