#!/usr/bin/env bash
# Do Not Disturb holds the reminder, against the real daemon: real dunst paused
# with `dunstctl set-paused`, and GNOME's real org.gnome.desktop.notifications
# schema (compiled into a private directory, keyfile backend, changed with
# `gsettings set`). While held nothing is shown or counted and `status` says
# why; once Do Not Disturb is off the reminder shows after hold.settle and says
# so; `doctor` lists both sources as watching.
# Usage: hold_dnd_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need Xvfb xdotool dbus-daemon dunst dunstctl gsettings glib-compile-schemas
SCHEMA=/usr/share/glib-2.0/schemas/org.gnome.desktop.notifications.gschema.xml
[ -f "$SCHEMA" ] || { echo "SKIP: gsettings-desktop-schemas is not installed"; exit 77; }

mkdir -p "$WORK/schemas"
cp "$SCHEMA" "$WORK/schemas/"
glib-compile-schemas "$WORK/schemas" || fail "glib-compile-schemas failed"
export GSETTINGS_SCHEMA_DIR="$WORK/schemas" GSETTINGS_BACKEND=keyfile

start_xvfb
start_bus
start_dunst
write_hold_config dnd
start_activity
start_daemon x11 libnotify

doctor_says "the notification server and GSettings as watched" '^  \* notifications: watching' '^  \* gsettings: watching'
echo "doctor lists both Do Not Disturb sources"

# held_and_unseen: held by dnd, nothing on screen or counted (for wait_for).
held_and_unseen() {
  field_is held_by '["dnd"]' && field_is reminder_open false && field_is today.reminders 0
}
# shown_after_dnd: the reminder is open and its summary says Do Not Disturb is off.
shown_after_dnd() {
  field_is reminder_open true && grep -q "sitting — Do Not Disturb is off, time to stand" \
    "$WORK/unsitd.log"
}

# --- dunst paused: the reminder falls due and waits.
dunstctl set-paused true
wait_for 5 field_is busy '["dnd"]' || fail "dunst paused: status does not say busy dnd"
wait_for 10 held_and_unseen || fail "dunst paused: the reminder was not held"
sleep 2
held_and_unseen || fail "dunst paused: the held reminder showed"
"$UNSIT" status >"$WORK/status"
grep -q "Reminder held while you are busy (dnd)" "$WORK/status" ||
  fail "status does not say the reminder is held: $(cat "$WORK/status")"
[ "$(dunstctl count waiting)" = 0 ] || fail "a reminder went to dunst's paused queue"
echo "dunst paused: reminder held, nothing sent"

dunstctl set-paused false
sleep 1
field_is held_by '["dnd"]' || fail "released: shown before the settle time"
wait_for 5 shown_after_dnd || fail "released: the reminder did not show after the settle time"
wait_for 3 displayed_some || fail "released: the reminder is not on screen"
echo "dunst resumed: reminder shown after the settle time, saying Do Not Disturb is off"

# --- GNOME's show-banners false, through GSettings.
"$UNSIT" skip >/dev/null || fail "unsit skip refused"
log_lines=$(wc -l <"$WORK/unsitd.log")
gsettings set org.gnome.desktop.notifications show-banners false
wait_for 5 field_is busy '["dnd"]' || fail "show-banners false: status does not say busy dnd"
wait_for 10 field_is held_by '["dnd"]' || fail "show-banners false: the reminder was not held"
field_is reminder_open false || fail "show-banners false: the reminder showed"
gsettings set org.gnome.desktop.notifications show-banners true
wait_for 6 field_is reminder_open true || fail "show-banners true: the reminder did not show"
tail -n +"$((log_lines + 1))" "$WORK/unsitd.log" | grep -q "Do Not Disturb is off" ||
  fail "show-banners true: the reminder does not say Do Not Disturb is off"
echo "GSettings show-banners: reminder held, then shown"
pass
