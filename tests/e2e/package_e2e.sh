#!/usr/bin/env bash
# The Debian package: builds it from this tree, runs lintian (errors fail), installs
# it with apt-get, checks its files and the global enablement of the user unit,
# then removes and purges it and checks that nothing is left behind.
#   package_e2e.sh SOURCE_DIR [DEB_DIR]
# With DEB_DIR, the package that packaging/build-deb.sh built there from this
# tree is checked instead of building it again (ctest builds it beside the
# other tests, and runs only the install and purge alone).
# Needs root (it installs the package) and the Build-Depends of packaging/debian.
set -uo pipefail
src=${1:?usage: package_e2e.sh SOURCE_DIR [DEB_DIR]}
prebuilt=${2:-}

skip() { echo "SKIP: $*"; exit 77; }
for tool in dpkg-buildpackage dh fakeroot lintian apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done
[ "$(id -u)" -eq 0 ] || skip "installing the package needs root"
if dpkg-query -W -f='${Status}' unsit 2>/dev/null | grep -q 'ok installed\|config-files'; then
  echo "FAIL: the unsit package is already installed here; this test would replace it"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/unsit-package.XXXXXX")
chmod 755 "$tmp" # apt's download user reads the .deb from here
installed=0
failed=0
fail() { echo "FAIL: $*"; failed=1; }
die() { echo "FAIL: $*"; failed=1; exit 1; }
cleanup() {
  local rc=$?
  if [ "$installed" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq unsit >/dev/null 2>&1
  fi
  rm -rf "$tmp"
  [ "$failed" = 0 ] || [ "$rc" != 0 ] || rc=1
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Everything of ours a package could leave behind.
snapshot() {
  find /etc /usr /var/lib/systemd /var/lib/dpkg/info /var/cache/debconf -name '*unsit*' 2>/dev/null |
    grep -v '^/usr/local/' | sort
}
snapshot >"$tmp/before"

mkdir -p "$tmp/out"
if [ -n "$prebuilt" ]; then
  echo "--- the package built in $prebuilt"
  cp "$prebuilt"/unsit_*.deb "$tmp/out/" 2>/dev/null || die "no unsit_*.deb in $prebuilt"
else
  echo "--- building the package"
  if ! "$src/packaging/build-deb.sh" "$tmp/out" >"$tmp/build.log" 2>&1; then
    tail -n 80 "$tmp/build.log"
    die "packaging/build-deb.sh failed"
  fi
fi
debs=("$tmp"/out/unsit_*.deb)
[ -f "${debs[0]}" ] || die "no unsit_*.deb was built"
[ ${#debs[@]} -eq 1 ] || die "more than one unsit_*.deb: ${debs[*]}"
deb=${debs[0]}
chmod 644 "$deb"
echo "built $(basename "$deb")"

echo "--- lintian"
lintian --info --display-info --tag-display-limit 0 "$deb" >"$tmp/lintian.txt" 2>&1
cat "$tmp/lintian.txt"
grep -q '^E: ' "$tmp/lintian.txt" && fail "lintian reports errors"

echo "--- dependencies"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
grep -q -- '-dev\b' <<<"$depends" && fail "the package depends on a -dev package"

echo "--- install"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" \
    >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  die "apt-get install failed"
fi
installed=1
dpkg-query -W -f='${Status}\n' unsit | grep -q 'install ok installed' || fail "unsit is not installed"

for f in /usr/bin/unsitd /usr/bin/unsit /usr/lib/systemd/user/unsit.service \
         /etc/xdg/autostart/unsit.desktop \
         /usr/share/man/man1/unsitd.1.gz /usr/share/man/man1/unsit.1.gz \
         /usr/share/man/man5/unsit.yaml.5.gz /usr/share/man/man7/unsit-ipc.7.gz \
         /usr/share/bash-completion/completions/unsit /usr/share/bash-completion/completions/unsitd \
         /usr/share/zsh/vendor-completions/_unsit \
         /usr/share/fish/vendor_completions.d/unsit.fish /usr/share/fish/vendor_completions.d/unsitd.fish \
         /usr/share/icons/hicolor/scalable/apps/unsit.svg \
         /usr/share/doc/unsit/examples/unsit.yaml /usr/share/doc/unsit/copyright \
         /usr/share/locale/de/LC_MESSAGES/unsit.mo /usr/share/locale/fr/LC_MESSAGES/unsit.mo \
         /usr/share/locale/es/LC_MESSAGES/unsit.mo; do
  if [ -f "$f" ]; then echo "ok: $f"; else fail "missing $f"; fi
done
# Enabled globally for graphical sessions of every user (the unit itself refuses root).
link=/etc/systemd/user/graphical-session.target.wants/unsit.service
[ "$(readlink "$link")" = /usr/lib/systemd/user/unsit.service ] || fail "$link is not a link to the unit"
grep -qx 'ExecStart=/usr/bin/unsitd' /usr/lib/systemd/user/unsit.service || fail "ExecStart is not /usr/bin/unsitd"
grep -qx 'ConditionUser=!@system' /usr/lib/systemd/user/unsit.service || fail "the unit does not refuse root"
/usr/bin/unsitd --version || fail "unsitd --version failed"
/usr/bin/unsit --help >/dev/null || fail "unsit --help failed"
if ! LANG=de_DE.UTF-8 locale 2>&1 | grep -q "Cannot set"; then
  env -u LANGUAGE -u LC_ALL LANG=de_DE.UTF-8 /usr/bin/unsit --help | grep -q "^Aufruf: " ||
    fail "the installed unsit does not speak German under LANG=de_DE.UTF-8"
fi
man -w unsitd >/dev/null 2>&1 || fail "man unsitd does not find the page"
if command -v systemd-analyze >/dev/null; then
  mkdir -m 700 "$tmp/run"
  out=$(XDG_RUNTIME_DIR=$tmp/run systemd-analyze verify --user /usr/lib/systemd/user/unsit.service 2>&1)
  [ -z "$out" ] || fail "systemd-analyze verify on the installed unit printed: $out"
fi
if command -v desktop-file-validate >/dev/null; then
  out=$(desktop-file-validate /etc/xdg/autostart/unsit.desktop 2>&1)
  [ -z "$out" ] || fail "desktop-file-validate: $out"
fi

echo "--- remove and purge"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq unsit >"$tmp/remove.log" 2>&1 ||
  { cat "$tmp/remove.log"; fail "apt-get remove failed"; }
[ ! -e /usr/bin/unsitd ] || fail "/usr/bin/unsitd is still there after remove"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq unsit >"$tmp/purge.log" 2>&1 ||
  { cat "$tmp/purge.log"; fail "apt-get purge failed"; }
installed=0
snapshot >"$tmp/after"
if ! diff -u "$tmp/before" "$tmp/after"; then
  fail "files left behind after purge (lines with +)"
fi
[ -e "$link" ] && fail "$link is left after purge"

[ "$failed" = 0 ] && echo PASS
exit "$failed"
