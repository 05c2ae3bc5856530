#!/usr/bin/env bash
# Fullscreen holds the reminder, against the real daemon on a private Xvfb with
# a real EWMH window manager (mutter as an X11 window manager): wmctrl asks it
# to make the active window fullscreen and back, and the daemon follows
# _NET_ACTIVE_WINDOW and _NET_WM_STATE through property events.
# Usage: hold_fullscreen_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need Xvfb xdotool dbus-daemon mutter wmctrl xlogo xprop

start_xvfb
start_bus
mutter --x11 --replace --sm-disable >"$WORK/mutter.log" 2>&1 &
track "$!"
wm_ready() { xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id"; }
wait_for 20 wm_ready || fail "mutter did not manage the display"
xlogo >/dev/null 2>&1 &
track "$!"
active_is_xlogo() { xprop -root _NET_ACTIVE_WINDOW 2>/dev/null | grep -qv "0x0$"; }
wait_for 10 active_is_xlogo || fail "no active window"

write_hold_config fullscreen
start_activity
start_daemon x11 log

doctor_says "x11-fullscreen as watched" '^  \* x11-fullscreen: watching'
field_is busy '[]' || fail "busy before anything is fullscreen"

wait_for 5 wmctrl -r :ACTIVE: -b add,fullscreen || fail "wmctrl failed"
wait_for 5 field_is busy '["fullscreen"]' || fail "fullscreen: status does not say busy"
wait_for 10 field_is held_by '["fullscreen"]' || fail "fullscreen: the reminder was not held"
sleep 1
field_is reminder_open false || fail "fullscreen: the reminder showed"
grep -q "reminder: " "$WORK/unsitd.log" && fail "fullscreen: a reminder was shown"
echo "fullscreen: reminder held"

wait_for 5 wmctrl -r :ACTIVE: -b remove,fullscreen || fail "wmctrl failed"
wait_for 5 field_is busy '[]' || fail "left fullscreen: status still says busy"
wait_for 6 field_is reminder_open true || fail "left fullscreen: the reminder did not show"
grep -q "reminder: .* sitting — you left fullscreen, time to stand" "$WORK/unsitd.log" ||
  fail "left fullscreen: the reminder does not say so"
echo "left fullscreen: reminder shown after the settle time"
pass
