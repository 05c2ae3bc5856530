#!/usr/bin/env bash
# The desktop entries pass desktop-file-validate, the application entry matches
# the notifications' desktop-entry hint and icon, and every catalogue entry (and
# the built-in fallback stretch) has a line drawing with a title and a description.
#   desktop_entries.sh SOURCE_DIR
set -uo pipefail
src=${1:?usage: desktop_entries.sh SOURCE_DIR}
command -v desktop-file-validate >/dev/null || { echo "SKIP: desktop-file-validate is missing"; exit 77; }
fail=0
for entry in "$src/packaging/desktop/unsit.desktop" "$src/systemd/unsit-autostart.desktop"; do
  if out=$(desktop-file-validate "$entry" 2>&1) && [ -z "$out" ]; then echo "ok: $entry validates"; else
    echo "FAIL: $entry: $out"; fail=1
  fi
done
app=$src/packaging/desktop/unsit.desktop
grep -qx "NoDisplay=true" "$app" || { echo "FAIL: $app is not NoDisplay"; fail=1; }
grep -qx "Icon=unsit" "$app" || { echo "FAIL: $app has no Icon=unsit"; fail=1; }
grep -q 'desktop-entry", g_variant_new_string("unsit")' "$src/daemon/platform/notifier_libnotify.cc" ||
  { echo "FAIL: the desktop-entry hint does not name unsit"; fail=1; }
[ -f "$src/packaging/icons/unsit.svg" ] || { echo "FAIL: no icon"; fail=1; }
# Every catalogue entry by id, and the built-in fallback.
ids="$(awk '/^- id: /{print $3}' "$src/config/stretches.yaml") fallback-hip-stretch"
[ -n "$ids" ] || { echo "FAIL: no stretches found in the catalogue"; fail=1; }
for id in $ids; do
  picture=$src/packaging/stretches/$id.svg
  if [ -f "$picture" ] && grep -q "<title>" "$picture" && grep -q "<desc>" "$picture"; then echo "ok: $id has a picture"; else
    echo "FAIL: $id has no picture with a title and a description ($picture)"; fail=1
  fi
done
exit $fail
