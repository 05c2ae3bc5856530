#!/usr/bin/env bash
# A self-contained demo for a machine without a desktop: a private Xvfb, session
# bus and dunst, the daemon with second-scale durations, and scripted input.
# Narrates what happens, saves a screenshot of the reminder and cleans up what
# it started (the screenshot stays). Usage: demo.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "${1:-build/dev}"
need Xvfb xdotool dbus-daemon dunst dunstctl xwd convert

say() { printf '[%5.1fs] %s\n' "$(( $(now_ms) - DEMO_START ))e-3" "$*"; }
DEMO_START=$(now_ms)

start_xvfb
start_bus
start_dunst
write_config 8s 3s 4s 4s
say "A virtual screen ($DISPLAY), a private session bus and the dunst notification server are up."
say "Settings for the demo: remind after 8 s of sitting, a break is 3 s away, snooze is 4 s."
start_activity
start_daemon x11 libnotify
say "unsitd started. The user is typing and moving the mouse: that counts as sitting."

wait_for 15 field_is reminder_open true || fail "no reminder came"
say "$(status_field bout_seconds | cut -d. -f1) s of sitting: the reminder is on screen."
sleep 0.5
SHOT="$(mktemp "${TMPDIR:-/tmp}/unsit-reminder.XXXXXX.png")"
xwd -root -display "$DISPLAY" | convert xwd:- "$SHOT"
say "Screenshot of the notification: $SHOT"

dunstctl context
wait_for 5 field_is today.snoozed 1 && say "The user picked \"Snooze\" in the notification: it will come back in 4 s."
wait_for 8 field_is reminder_open true && say "Snooze over: the reminder is back."

stop_activity
say "The user gets up and walks away (no input any more)."
wait_for 8 field_is state '"away"' &&
  say "3 s without input: a break, counted from the last input. The reminder is withdrawn."
[ "$(status_field reminder_open)" = false ] && say "No reminder on screen while away."
start_activity
sleep 1
say "Back at the desk: a new sitting bout begins ($(status_field state | tr -d '"'))."
say "$("$UNSIT" today 2>/dev/null | head -n 1)"
stop_activity
say "Demo over; stopping what it started. The screenshot stays at $SHOT"
