#!/usr/bin/env bash
# The session bus (with dunst on it) vanishing under a daemon that shows
# reminders through libnotify, coming back at the same address while reminders
# fall due, and vanishing again: the daemon keeps running and answering. GLib's
# exit-on-close on the shared connection libnotify used once turned the first
# loss into SIGTERM and exit status 0, which Restart=on-failure does not restart.
# Usage: bus_loss_e2e.sh BUILD_DIR
set -uo pipefail
BUILD="$(cd "$1" && pwd)"
source "$(dirname "$0")/x11_env.sh"
need Xvfb dbus-daemon dunst dunstctl
[ -x "$UNSITD" ] && [ -x "$UNSIT" ] || { echo "SKIP: unsitd/unsit not built"; exit 77; }

# A session bus at a fixed path, so that a restarted one has the same address.
start_fixed_bus() {
  cat >"$WORK/bus.conf" <<CONF
<busconfig><type>session</type><listen>unix:path=$WORK/bus.sock</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/>
<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
CONF
  rm -f "$WORK/bus.sock"
  dbus-daemon --config-file="$WORK/bus.conf" --fork --print-address=1 --print-pid=1 >"$WORK/bus"
  export DBUS_SESSION_BUS_ADDRESS="$(sed -n 1p "$WORK/bus")"
  BUS_PID="$(sed -n 2p "$WORK/bus")"
  PIDS+=("$BUS_PID")
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
"$UNSITD" --config "$WORK/unsit.yaml" --idle-backend none --notifier libnotify \
  --log-level debug >"$WORK/unsitd.log" 2>&1 &
DAEMON_PID=$!
PIDS+=("$DAEMON_PID")
for _ in $(seq 50); do "$UNSIT" status >/dev/null 2>&1 && break; sleep 0.1; done
"$UNSIT" status >/dev/null 2>&1 || fail "unsitd did not answer"
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
