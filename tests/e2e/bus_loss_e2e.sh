#!/usr/bin/env bash
# The session bus (with dunst on it) vanishing under a daemon that shows
# reminders through libnotify. What lives on that bus cannot all move to a new
# one in place, so the daemon ends with status 1 (never 0: GLib's exit-on-close
# once turned the loss into SIGTERM and status 0, which Restart=on-failure does
# not restart), with what it recorded written; started again on the bus that
# came back at the same address, as its service would be, its reminders reach
# the notification server there.
# Usage: bus_loss_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need Xvfb dbus-daemon dunst dunstctl

# A session bus at a fixed path, so that a restarted one has the same address.
start_fixed_bus() {  # sets BUS_PID
  rm -f "$WORK/bus.sock"
  open_bus session "unix:path=$WORK/bus.sock"
  export DBUS_SESSION_BUS_ADDRESS="$BUS_ADDRESS"
}
daemon_gone() { ! kill -0 "$DAEMON_PID" 2>/dev/null; }
recorded_reminders() { "$UNSIT" --json today 2>/dev/null | json_field reminders; }

start_xvfb
start_fixed_bus
start_dunst
# Present all the time (idle source none): a reminder after 2 s, shown again every 1 s.
write_config 2s 1s 1s 1s
start_daemon none libnotify
grep -q "notifier: libnotify\|libnotify" "$WORK/unsitd.log" || fail "libnotify was not chosen"
wait_for 10 displayed_some || fail "no reminder reached dunst before the bus went away"

kill "$BUS_PID"
wait_for 10 daemon_gone || fail "unsitd kept running on a lost session bus"
wait "$DAEMON_PID"
status=$?
[ "$status" -eq 1 ] || fail "unsitd ended with status $status on a lost session bus, expected 1"
grep -q "session bus: lost" "$WORK/unsitd.log" || fail "the log does not say the session bus was lost"
shown=$(recorded_reminders)
[ "${shown:-0}" -ge 1 ] || fail "the reminder shown before the loss is not in the history ($shown)"
echo "session bus gone: unsitd ended with status 1, $shown reminder(s) kept in the history"
wait "$DUNST_PID" 2>/dev/null  # dunst ends with its bus

start_fixed_bus
start_dunst
start_daemon none libnotify  # as Restart=on-failure does
wait_for 10 displayed_some || fail "no reminder reached dunst on the bus that came back"
echo "started again on the returned bus: its reminder is on dunst"
kill "$BUS_PID"
wait_for 10 daemon_gone || fail "unsitd kept running when the bus went away a second time"
pass
