#!/usr/bin/env bash
# The daemon with `--idle-backend logind` against python-dbusmock's logind on a
# private system bus: IdleHint true with IdleSinceHintMonotonic in the past is a
# break back-dated to that moment, IdleHint false is input again (a new bout); a
# daemon started in an idle session starts away; `auto` with nothing better takes
# logind and `doctor` calls it coarse; logind leaving is a lost source.
# Usage: logind_idle_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need_dbusmock

SESSION=/org/freedesktop/login1/session/c1
# set_idle true SECONDS_AGO | set_idle false: the session's IdleHint and
# IdleSinceHintMonotonic (µs on CLOCK_MONOTONIC) in one change, as logind sends
# them. The template's SetIdleHint does nothing, so the mock sets them.
set_idle() {
  local since=0
  if [ "$1" = true ]; then
    since=$("$PYTHON" -c 'import sys, time
print(int((time.clock_gettime(time.CLOCK_MONOTONIC) - float(sys.argv[1])) * 1e6))' "$2")
  fi
  logind_call "$SESSION" org.freedesktop.DBus.Mock.UpdateProperties \
    org.freedesktop.login1.Session "{'IdleHint': <$1>, 'IdleSinceHintMonotonic': <uint64 $since>}" ||
    fail "UpdateProperties failed"
}
# in_range VALUE LOW HIGH (integers)
in_range() { [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }

start_bus
start_logind_mock
LOGIND_PID=${PIDS[-1]}
write_config 60s 2s 30s 30s
start_unsitd logind
[ "$(status_field idle_backend)" = '"logind"' ] ||
  fail "--idle-backend logind: got $(status_field idle_backend)"
# Not idle at start: IdleHint cannot see input, so the daemon counts the user present.
wait_for 5 field_is state '"sitting"' || fail "not sitting at start in a session that is not idle"
sleep 4

# Idle since 3 s ago (break_after is 2 s): a break at once, begun 3 s ago, so
# only about 1 s of the 4 s bout counts as sitting.
set_idle true 3
wait_for 5 field_is state '"away"' || fail "IdleHint true was not a break"
idle=$(status_field idle_seconds)
in_range "$idle" 3 6 || fail "idle_seconds is $idle, expected 3..6 (back-dated)"
sitting=$(today_field sitting_seconds)
in_range "$sitting" 0 2 || fail "sitting_seconds is $sitting: the break was not back-dated"
[ "$(today_field breaks)" = 1 ] || fail "breaks today: $(today_field breaks), expected 1"
echo "idle ${idle}s, sitting ${sitting}s"

# IdleHint false: input, a new bout.
set_idle false
wait_for 5 field_is state '"sitting"' || fail "IdleHint false did not end the break"
[ "$(today_field bouts)" = 2 ] || fail "bouts today: $(today_field bouts), expected 2"

# Started in a session idle for 2 minutes: away from the start, idle that long.
stop_unsitd
set_idle true 120
start_unsitd logind
wait_for 5 field_is state '"away"' || fail "started in an idle session: $(status_field state)"
idle=$(status_field idle_seconds)
in_range "$idle" 120 125 || fail "idle_seconds is $idle after a restart, expected 120..125"
set_idle false
wait_for 5 field_is state '"sitting"' || fail "IdleHint false after the restart: no bout"

# `auto` with no display and no Mutter: logind, and doctor says it is coarse.
stop_unsitd
start_unsitd auto
[ "$(status_field idle_backend)" = '"logind"' ] ||
  fail "auto with only logind chose $(status_field idle_backend)"
"$UNSIT" --json doctor >"$WORK/doctor.json" 2>&1 || fail "doctor failed: $(cat "$WORK/doctor.json")"
grep -q "coarse" "$WORK/doctor.json" || fail "doctor does not call logind coarse: $(cat "$WORK/doctor.json")"
grep -q "idlehint" "$WORK/doctor.json" || fail "doctor does not say what to do: $(cat "$WORK/doctor.json")"

# logind leaves the bus: the source is lost, and nothing else works here.
kill "$LOGIND_PID"
wait "$LOGIND_PID" 2>/dev/null
wait_for 5 field_is idle_backend '"none"' || fail "logind left: still $(status_field idle_backend)"
grep -q "logind stopped working" "$WORK/unsitd.log" || fail "the loss is not logged"
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died when logind left"
pass
