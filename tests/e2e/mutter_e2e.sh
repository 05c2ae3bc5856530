#!/usr/bin/env bash
# The daemon against a python-dbusmock org.gnome.Mutter.IdleMonitor, chosen by
# `auto` on GNOME: input (a user-active watch firing) starts a bout, the idle
# watch firing is a break back-dated by the threshold, the next input ends it,
# and gnome-shell restarting (the name vanishing and returning) gets the watches
# added again.
# Usage: mutter_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need_dbusmock

start_bus
start_mutter_mock
write_config 6s 2s 3s 3s
start_unsitd auto XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=GNOME
[ "$(status_field idle_backend)" = '"mutter"' ] ||
  fail "auto chose $(status_field idle_backend), expected mutter"
wait_for 5 mutter_called AddIdleWatch ||
  fail "no AddIdleWatch: $(mutter_calls)"

# Input: the daemon asked for the next input at start-up (a user-active watch).
mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "input did not start a bout"
sleep 1
breaks_before=$(today_field breaks)

# Idle for the threshold: a break.
mutter FireIdle
wait_for 5 field_is state '"away"' || fail "the idle watch was not a break"
wait_for 5 mutter_called AddUserActiveWatch 2 ||
  fail "no user-active watch after idle: $(mutter_calls)"
mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "input did not end the break"
breaks_after=$(today_field breaks)
echo "breaks today: ${breaks_before} -> ${breaks_after}"
[ "$breaks_after" -gt "$breaks_before" ] || fail "the break was not counted"

# gnome-shell restarts: the watches come back on the new owner.
kill "$MUTTER_PID"
wait "$MUTTER_PID" 2>/dev/null
start_mutter_mock
wait_for 5 mutter_called AddIdleWatch ||
  fail "watches not added again after the name returned"
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died when gnome-shell restarted"
[ "$(status_field idle_backend)" = '"mutter"' ] || fail "lost the mutter backend on a restart"
mutter FireIdle
wait_for 5 field_is state '"away"' || fail "no break after the restart"
pass
