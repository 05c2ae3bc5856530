#!/usr/bin/env bash
# Fullscreen holds the reminder on sway, against the real daemon on a real
# headless sway: an X client under Xwayland is the focused window, swaymsg makes
# it fullscreen and back, and the daemon follows sway's window events on its IPC
# socket ($SWAYSOCK).
# Usage: hold_sway_fullscreen_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need sway swaymsg Xwayland xmessage wtype runuser dbus-daemon
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run sway as another user"; exit 77; }

start_bus
start_sway
sway_ipc() { find "$SWAY_DIR" -maxdepth 1 -type s -name 'sway-ipc.*.sock' | grep -q .; }
wait_for 10 sway_ipc || fail "sway has no IPC socket"
SWAYSOCK=$(find "$SWAY_DIR" -maxdepth 1 -type s -name 'sway-ipc.*.sock' | head -n1)
sway() { swaymsg -s "$SWAYSOCK" "$@" >/dev/null; }
sway exec "xmessage -name unsit-window busy" || fail "swaymsg exec failed"
window_shown() { swaymsg -s "$SWAYSOCK" -t get_tree | grep -q unsit-window; }
wait_for 20 window_shown || fail "the X client did not map under Xwayland: $(tail -5 "$WORK/sway.log")"

write_hold_config fullscreen
start_sway_activity
start_unsitd auto XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=sway \
  WAYLAND_DISPLAY="$SWAY_DIR/$SWAY_SOCKET" SWAYSOCK="$SWAYSOCK"

doctor_says "sway-fullscreen as watched" '^  \* sway-fullscreen: watching'
field_is busy '[]' || fail "busy before anything is fullscreen"

sway fullscreen enable || fail "swaymsg fullscreen enable failed"
wait_for 5 field_is busy '["fullscreen"]' || fail "fullscreen: status does not say busy"
wait_for 10 field_is held_by '["fullscreen"]' || fail "fullscreen: the reminder was not held"
sleep 1
field_is reminder_open false || fail "fullscreen: the reminder showed"
grep -q "reminder: " "$WORK/unsitd.log" && fail "fullscreen: a reminder was shown"
echo "fullscreen: reminder held"

sway fullscreen disable || fail "swaymsg fullscreen disable failed"
wait_for 5 field_is busy '[]' || fail "left fullscreen: status still says busy"
wait_for 6 field_is reminder_open true || fail "left fullscreen: the reminder did not show"
grep -q "reminder: .* sitting — you left fullscreen, time to stand" "$WORK/unsitd.log" ||
  fail "left fullscreen: the reminder does not say so"
echo "left fullscreen: reminder shown after the settle time"
pass
