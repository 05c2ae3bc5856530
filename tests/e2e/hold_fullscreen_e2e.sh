#!/usr/bin/env bash
# Fullscreen holds the reminder, against the real daemon on a private Xvfb with
# a real EWMH window manager (mutter as an X11 window manager): wmctrl asks it
# to make the active window fullscreen and back, and the daemon follows
# _NET_ACTIVE_WINDOW and _NET_WM_STATE through property events.
# Usage: hold_fullscreen_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/fullscreen_helpers.sh"
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
enter() { wait_for 5 wmctrl -r :ACTIVE: -b add,fullscreen; }
leave() { wait_for 5 wmctrl -r :ACTIVE: -b remove,fullscreen; }
expect_fullscreen_hold enter leave
pass
