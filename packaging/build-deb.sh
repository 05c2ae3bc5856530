#!/usr/bin/env bash
# Builds the Debian package of unsit from this source tree.
#   packaging/build-deb.sh [--source] OUTDIR
# Copies the tree (tracked and untracked files, without ignored ones such as build
# directories) to a temporary directory, puts packaging/debian at its root as
# debian/, runs dpkg-buildpackage there and copies unsit_*.deb to OUTDIR.
# With --source the source package (.dsc, .tar.xz) is built and copied as well.
# Needs the Build-Depends of packaging/debian/control, dpkg-dev and fakeroot.
set -euo pipefail

build_source=0
if [ "${1:-}" = --source ]; then
  build_source=1
  shift
fi
if [ $# -ne 1 ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
mkdir -p "$1"
outdir=$(cd "$1" && pwd)
srcdir=$(cd "$(dirname "$0")/.." && pwd)

for tool in dpkg-buildpackage dpkg-parsechangelog dpkg-checkbuilddeps; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool not found (apt-get install dpkg-dev debhelper fakeroot)" >&2; exit 1; }
done

version=$(dpkg-parsechangelog -l "$srcdir/packaging/debian/changelog" -S Version)
work=$(mktemp -d "${TMPDIR:-/tmp}/unsit-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
tree="$work/unsit-$version"
mkdir -p "$tree"

if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Files that exist, tracked or not, minus what .gitignore leaves out.
  # shellcheck disable=SC2016  # expanded by the inner shell
  (cd "$srcdir" && git ls-files -z --cached --others --exclude-standard |
     xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
     tar --null -T - -cf -) | tar -C "$tree" -xf -
else
  tar -C "$srcdir" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$tree" -xf -
fi
rm -rf "$tree/debian"
cp -a "$tree/packaging/debian" "$tree/debian"

cd "$tree"
if ! dpkg-checkbuilddeps; then
  echo "build-deb: install the missing build dependencies listed above" >&2
  exit 1
fi
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=$(nproc)}"
if [ "$build_source" = 1 ]; then
  dpkg-buildpackage -us -uc
else
  dpkg-buildpackage -b -us -uc
fi

shopt -s nullglob
debs=("$work"/unsit_"$version"_*.deb)
if [ ${#debs[@]} -eq 0 ]; then
  echo "build-deb: dpkg-buildpackage made no unsit_${version}_*.deb" >&2
  exit 1
fi
cp "${debs[@]}" "$outdir/"
if [ "$build_source" = 1 ]; then
  cp "$work"/unsit_"$version".dsc "$work"/unsit_"$version".tar.* "$outdir/"
fi
for f in "${debs[@]}"; do echo "$outdir/$(basename "$f")"; done
