#!/usr/bin/env bash
# Xfce's Do Not Disturb holds the reminder, against the real daemon and a real
# xfconfd (started by the test on its private bus): xfconf-query sets
# /do-not-disturb of the xfce4-notifyd channel as Xfce's settings do.
# Usage: hold_xfconf_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need dbus-daemon gdbus xfconf-query
XFCONFD=$(find /usr/lib -path "*/xfce4/xfconf/xfconfd" 2>/dev/null | head -n1)
[ -x "$XFCONFD" ] || { echo "SKIP: xfconfd is not installed"; exit 77; }

start_bus
"$XFCONFD" >"$WORK/xfconfd.log" 2>&1 &
track "$!"
dnd() {  # dnd true|false: as Xfce's notification settings set it
  xfconf-query -c xfce4-notifyd -p /do-not-disturb -n -t bool -s "$1" || fail "xfconf-query failed"
}
xfconf_up() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetNameOwner org.xfce.Xfconf >/dev/null 2>&1
}
wait_for 10 xfconf_up || fail "xfconfd did not start: $(cat "$WORK/xfconfd.log")"

write_hold_config dnd
# `none`: no idle source, so the user counts as present and the reminder falls due.
start_unsitd none
doctor_says "xfconf as watched" '^  \* xfconf: watching'

dnd true
wait_for 5 field_is busy '["dnd"]' || fail "do-not-disturb true: status does not say busy dnd"
wait_for 10 field_is held_by '["dnd"]' || fail "do-not-disturb true: the reminder was not held"
grep -q "reminder: " "$WORK/unsitd.log" && fail "do-not-disturb true: a reminder was shown"
echo "Xfce Do Not Disturb on: reminder held"

dnd false
wait_for 6 field_is reminder_open true || fail "do-not-disturb false: the reminder did not show"
grep -q "reminder: .* sitting — Do Not Disturb is off, time to stand" "$WORK/unsitd.log" ||
  fail "do-not-disturb false: the reminder does not say so"
echo "Xfce Do Not Disturb off: reminder shown after the settle time"
pass
