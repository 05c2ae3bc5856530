#!/usr/bin/env bash
# Builds the Debian package of this tree into OUT_DIR (emptied first) for
# package_e2e. It installs nothing, so ctest runs it beside other tests, on
# one core so that it does not slow their timings; package_e2e then installs
# and purges it alone.
#   package_build.sh SOURCE_DIR OUT_DIR
# Skipped (77) where package_e2e would be: no packaging tools, or not root.
set -uo pipefail
src=${1:?usage: package_build.sh SOURCE_DIR OUT_DIR}
out=${2:?usage: package_build.sh SOURCE_DIR OUT_DIR}
for tool in dpkg-buildpackage dh fakeroot lintian apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "SKIP: installing the package needs root"; exit 77; }
rm -rf "$out"
mkdir -p "$out"
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=1}"
if ! "$src/packaging/build-deb.sh" "$out" >"$out/build.log" 2>&1; then
  tail -n 80 "$out/build.log"
  echo "FAIL: packaging/build-deb.sh failed"
  exit 1
fi
ls "$out"/unsit_*.deb
