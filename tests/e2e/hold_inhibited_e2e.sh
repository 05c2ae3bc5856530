#!/usr/bin/env bash
# The `Inhibited` property of org.freedesktop.Notifications (servers with the
# `inhibitions` capability; KDE Plasma sets it for Do Not Disturb) holds the
# reminder, against the real daemon. No KDE notification server can run here,
# so python-dbusmock stands in for it: it owns the name, has the property, and
# Set emits PropertiesChanged as a real server does. A server that leaves the
# bus while inhibiting leaves nothing held.
# Usage: hold_inhibited_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need_dbusmock

start_bus
start_server_mock() {
  "$PYTHON" -m dbusmock org.freedesktop.Notifications /org/freedesktop/Notifications \
    org.freedesktop.Notifications >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  track "$SERVER_PID"
  wait_for 10 gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetNameOwner org.freedesktop.Notifications >/dev/null 2>&1 ||
    fail "the notification server mock did not start"
  gdbus call --session --dest org.freedesktop.Notifications \
    --object-path /org/freedesktop/Notifications --method org.freedesktop.DBus.Mock.AddProperty \
    org.freedesktop.Notifications Inhibited '<false>' >/dev/null || fail "AddProperty failed"
}
inhibit() {  # inhibit true|false
  gdbus call --session --dest org.freedesktop.Notifications \
    --object-path /org/freedesktop/Notifications --method org.freedesktop.DBus.Properties.Set \
    org.freedesktop.Notifications Inhibited "<$1>" >/dev/null || fail "Set Inhibited failed"
}
reminders_logged() { grep -c "reminder: " "$WORK/unsitd.log"; }

start_server_mock
write_hold_config dnd
# `none`: no idle source, so the user counts as present and the reminder falls due.
start_unsitd none

inhibit true
wait_for 5 field_is busy '["dnd"]' || fail "Inhibited true: status does not say busy dnd"
wait_for 10 field_is held_by '["dnd"]' || fail "Inhibited true: the reminder was not held"
sleep 1
[ "$(reminders_logged)" = 0 ] || fail "Inhibited true: a reminder was shown"
field_is today.reminders 0 || fail "Inhibited true: a reminder was counted"
echo "Inhibited true: reminder held"

inhibit false
wait_for 6 field_is reminder_open true || fail "Inhibited false: the reminder did not show"
grep -q "reminder: .* sitting — Do Not Disturb is off, time to stand" "$WORK/unsitd.log" ||
  fail "Inhibited false: the reminder does not say Do Not Disturb is off"
echo "Inhibited false: reminder shown after the settle time"

# The server leaves the bus while inhibiting: nothing stays busy.
"$UNSIT" skip >/dev/null || fail "unsit skip refused"
inhibit true
wait_for 5 field_is busy '["dnd"]' || fail "Inhibited true again: not busy"
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
wait_for 5 field_is busy '[]' || fail "the server left the bus, but status still says busy"
echo "server gone: free again"
pass
