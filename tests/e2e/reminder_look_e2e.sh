#!/usr/bin/env bash
# The reminder as a user meets it: the daemon with dunst on a real Xvfb and the
# stretch pictures installed under XDG_DATA_DIRS. The first reminder names the
# first hip-flexor stretch with its caution and `unsit stretch`, says where the
# menu is, carries the picture (its teal arrow is found in the screenshot) and
# the icon hint (dunst draws one image: the picture), and the screenshot is
# kept for a person to look at.
# Usage: reminder_look_e2e.sh BUILD_DIR [SCREENSHOT.png]
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need Xvfb xdotool dbus-daemon dunst dunstctl xwd convert
SRC="$(cd "$E2E_DIR/../.." && pwd)"
SHOT=${2:-$WORK/reminder.png}

# The installed layout: pictures and icon under a data directory of our own.
mkdir -p "$WORK/data/unsit" "$WORK/data/icons/hicolor/scalable/apps"
cp -r "$SRC/packaging/stretches" "$WORK/data/unsit/stretches"
ln -s "$SRC/packaging/icons/unsit.svg" "$WORK/data/icons/hicolor/scalable/apps/unsit.svg"
# Ours first; the system directories stay, for the MIME database dunst needs.
export XDG_DATA_DIRS="$WORK/data:/usr/local/share:/usr/share"
# dunst reads one file: [global] with the icon settings, then the rest as is.
{ sed -n '1,/^\[urgency_normal\]/p' "$E2E_DIR/dunstrc" | sed '$d'
  printf '    icon_path = %s\n    max_icon_size = 120\n\n' "$WORK/data/icons/hicolor/scalable/apps"
  sed -n '/^\[urgency_normal\]/,$p' "$E2E_DIR/dunstrc"; } >"$WORK/dunstrc"
start_xvfb
start_bus
DUNSTRC="$WORK/dunstrc" start_dunst
write_config 4s 2s 1h 1h
start_activity
start_daemon x11 libnotify

shoot_reminder "$SHOT"

stretch=$("$UNSIT" stretch)
grep -q "^Standing lunge" <<<"$stretch" || fail "unsit stretch does not show the open reminder's stretch: $stretch"
grep -q "^Picture: $WORK/data/unsit/stretches/standing-lunge.svg" <<<"$stretch" ||
  fail "unsit stretch names no picture: $stretch"
grep -q "reminder shown" "$WORK/unsitd.log" || fail "the log does not say the reminder was shown"
grep -q "Then stretch: Standing lunge" "$WORK/unsitd.log" || fail "the log lacks the reminder text"
grep -q "dunstctl context" "$WORK/unsitd.log" || fail "the body does not say where the menu is"
# The picture's teal arrow (#2a9d8f) on screen: dunst drew the picture.
teal=$(convert "$SHOT" -fuzz 8% -fill black +opaque "#2a9d8f" -format '%[fx:mean*w*h]' info:)
[ "${teal%.*}" -ge 10 ] || { cat "$WORK/dunst.log" >&2; fail "the stretch picture is not on screen ($teal teal pixels)"; }
echo "ok: reminder on screen with its picture ($teal teal pixels)"
