#!/usr/bin/env bash
# The session bus (with dunst on it) vanishing under a daemon that shows
# reminders through libnotify, coming back at the same address while reminders
# fall due, and vanishing again: the daemon keeps running and answering. GLib's
# exit-on-close on the shared connection libnotify used once turned the first
# loss into SIGTERM and exit status 0, which Restart=on-failure does not restart.
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

# Fails unless the daemon is still running and answering.
expect_running() {
  for _ in $(seq 30); do kill -0 "$DAEMON_PID" 2>/dev/null || break; sleep 0.1; done
  if ! kill -0 "$DAEMON_PID" 2>/dev/null; then
    wait "$DAEMON_PID"
    fail "unsitd ended with status $? $1"
  fi
  "$UNSIT" status >/dev/null || fail "unsitd stopped answering $1"
}

start_xvfb
start_fixed_bus
start_dunst
# Present all the time (idle source none): a reminder after 2 s, shown again every 1 s.
write_config 2s 1s 1s 1s
start_daemon none libnotify
grep -q "notifier: libnotify\|libnotify" "$WORK/unsitd.log" || fail "libnotify was not chosen"

kill "$BUS_PID"
expect_running "when the session bus went away"
echo "session bus gone: unsitd still running and answering"
wait "$DUNST_PID" 2>/dev/null  # dunst ends with its bus
start_fixed_bus
start_dunst
sleep 4  # reminders are shown again on the new bus
expect_running "after the session bus came back"
grep -q "notify: no notification server answers" "$WORK/unsitd.log" ||
  fail "the lost notification server was not reported"
kill "$BUS_PID"
expect_running "when the session bus went away a second time"
echo "session bus back and gone again: unsitd still running and answering"
