#!/usr/bin/env bash
# The daemon with dunst on a real Xvfb: the reminder appears, `dunstctl action 0`
# counts as done, Snooze picked through dunst's context menu counts as a snooze
# and the reminder returns after it; killing dunst and then Xvfb leaves the
# daemon running and `unsit doctor` says so.
# Usage: notify_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
start_dunst_desktop
write_config 6s 2s 30s 3s 1s
start_activity
start_daemon x11 libnotify

wait_for 10 displayed_some || fail "no notification on screen"
[ "$(status_field reminder_open)" = true ] || fail "status: reminder not open"
echo "reminder shown"

dunstctl action 0
wait_for 5 field_is today.done 1 || fail "dunstctl action 0 not recorded as done"
echo "default action recorded as done"

# After "I'm up" and up_min_break (1 s) the break counts; the next input starts
# a new bout, the next reminder 6 s later.
wait_for 12 displayed_some || fail "no second reminder"
wait_for 5 field_is reminder_open true || fail "second reminder not open"
dunstctl context
wait_for 5 field_is today.snoozed 1 || fail "snooze from the menu not recorded"
echo "snooze picked from dunst's menu recorded"
wait_for 6 field_is reminder_open true || fail "reminder did not return after snooze"
wait_for 3 displayed_some || fail "snoozed reminder not back on screen"
echo "reminder back after the snooze"

# dunst goes away: the next Show fails, the reminder goes to the log instead,
# and doctor names the problem.
log_lines=$(wc -l <"$WORK/unsitd.log")
kill "$DUNST_PID"
"$UNSIT" snooze 1s >/dev/null || fail "unsit snooze refused"
sleep 2
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died with dunst"
tail -n +"$((log_lines + 1))" "$WORK/unsitd.log" | grep -q "reminder: Time to stand up" ||
  fail "with no notification server the reminder did not reach the log"
"$UNSIT" doctor >"$WORK/doctor" 2>&1
grep -qi "no notification server" "$WORK/doctor" ||
  fail "doctor does not say the notification server is gone: $(cat "$WORK/doctor")"
echo "dunst gone: daemon running, doctor says so"

kill "$XVFB_PID"
sleep 1
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died with Xvfb"
"$UNSIT" doctor >"$WORK/doctor" 2>&1
grep -qiE "closed the connection|lost|stopped" "$WORK/doctor" ||
  fail "doctor does not say the X server went away: $(cat "$WORK/doctor")"
echo "Xvfb gone: daemon running, doctor says so"
pass
