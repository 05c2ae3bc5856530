#!/usr/bin/env bash
# The daemon on a real Xvfb with input from xdotool: a reminder within 1 s of
# sit_limit, "I'm up" with input going on is no break, short idle is still
# sitting, idle for break_after is a break that withdraws the reminder, and the
# X server dying leaves the daemon running.
# Usage: x11_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need Xvfb xdotool dbus-daemon

start_xvfb
start_bus
write_config 6s 2s 3s 3s 4s
start_activity
sleep 0.5
start=$(now_ms)
start_daemon x11 log

wait_for 10 field_is reminder_open true || fail "no reminder"
elapsed=$(($(now_ms) - start))
echo "reminder after ${elapsed} ms (sit_limit 6 s)"
{ [ "$elapsed" -le 7000 ] && [ "$elapsed" -ge 5500 ]; } || fail "reminder at ${elapsed} ms"

# "I'm up", but the mouse goes on moving: past up_min_break (4 s) the user is
# still sitting and no break is recorded (the backend must be asked for input).
"$UNSIT" "done" >/dev/null || fail "unsit done"
wait_for 5 field_is today.done 1 || fail "done not counted"
sleep 5
[ "$(status_field state)" = '"sitting"' ] || fail "I'm up and moving on became a break"
[ "$(status_field today.breaks)" = 0 ] || fail "a break recorded after I'm up and moving on"
wait_for 5 field_is reminder_open true || fail "no reminder again after I'm up and sitting on"

# Short idle (1 s < break_after 2 s): still sitting.
stop_activity
sleep 1
start_activity
sleep 0.5
[ "$(status_field state)" = '"sitting"' ] || fail "short idle ended the bout"

# Away: the break begins at the last input and withdraws the reminder.
expect_break 3500
sitting=$(status_field today.sitting_seconds)
echo "sitting today: ${sitting} s"
limit=$(((LAST_INPUT - start) / 1000 + 2))
"$PYTHON" -c 'import sys; sys.exit(float(sys.argv[1]) > float(sys.argv[2]))' "$sitting" "$limit" ||
  fail "break not back-dated: sat ${sitting} s, active for less than ${limit} s"

# The X server dies: the daemon keeps running and says so.
kill "$XVFB_PID"
sleep 1
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died with the X server"
"$UNSIT" doctor >"$WORK/doctor" 2>&1
grep -qi "x11" "$WORK/doctor" || fail "doctor does not mention x11: $(cat "$WORK/doctor")"
grep -qiE "closed the connection|lost|stopped" "$WORK/doctor" ||
  fail "doctor does not say the X server went away: $(cat "$WORK/doctor")"
pass
