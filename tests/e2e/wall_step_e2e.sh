#!/usr/bin/env bash
# The wall clock steps forward across midnight while the user sits (NTP after
# a long suspend, a manual change): the open bout is split between the two
# days, each part on its own day and in the clock hour it was sat in, nothing
# counted twice and nothing lost, and the daemon keeps running.
#
# Only the daemon's wall clock moves: wall_shift.c (LD_PRELOAD) adds the
# seconds in a file to CLOCK_REALTIME and leaves the boot clock, on which the
# daemon's timers run, alone. The daemon's clock starts 6 s before midnight
# (UTC); after 3 s of sitting it is stepped half an hour ahead.
#
# Usage: wall_step_e2e.sh BUILD_DIR WALL_SHIFT_LIBRARY
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
SHIFT_LIBRARY=${2:-}
need_built "$SHIFT_LIBRARY"
need "$PYTHON"

export TZ=UTC UNSIT_TEST_IDLE=$WORK/idle UNSIT_WALL_SHIFT_FILE=$WORK/wall_shift
# The sanitizer build's runtime is linked into unsitd, so it comes first anyway.
DAEMON_ENV=(LD_PRELOAD="$SHIFT_LIBRARY")
mkfifo "$UNSIT_TEST_IDLE"
exec 3<>"$UNSIT_TEST_IDLE"  # held open: every line written is one report

# set_shift SECONDS: the daemon's wall clock reads the real one plus SECONDS,
# from its next reading on (the file is replaced whole).
set_shift() {
  echo "$1" >"$WORK/wall_shift.new"
  mv "$WORK/wall_shift.new" "$UNSIT_WALL_SHIFT_FILE"
}
real=$(date +%s)
midnight=$(((real / 86400 + 1) * 86400))
shift=$((midnight - 6 - real))
set_shift "$shift"
old_date=$(date -u -d "@$((midnight - 1))" +%F)
new_date=$(date -u -d "@$midnight" +%F)

cat >"$WORK/unsit.yaml" <<'YAML'
sit_limit: 1h
break_after: 3s
history: {checkpoint: 1s}
YAML
start_daemon test log
echo active >&3
( while true; do echo active; sleep 0.3; done ) >&3 &
ACTIVITY_PID=$!
track "$ACTIVITY_PID"
wait_for 5 field_is state '"sitting"' || fail "no bout after input"
sleep 3
today=$("$UNSIT" --json today) || fail "unsit today failed"
[ "$(json_field date <<<"$today")" = "\"$old_date\"" ] || fail "before the step, today is not $old_date: $today"

set_shift $((shift + 1800))  # the clock read 23:59:57; now it reads 00:29:57
echo "stepped the daemon's wall clock half an hour ahead, across midnight"
sleep 3
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died at the step"

# check_days WHEN: yesterday and today as the daemon tells them; each part on
# its own day and hour, the parts adding up to the bout. Sets OLD_PART.
check_days() {
  local bout history
  bout=$1
  history=$("$UNSIT" --json history --days 2) || fail "$2: unsit history failed"
  echo "$2: bout ${bout} s; history: $history"
  # shellcheck disable=SC2046 # six words, split on purpose
  set -- $("$PYTHON" -c '
import json, sys
days = json.loads(sys.argv[1])
days = days["days"] if isinstance(days, dict) else days
old, new = days[0], days[1]
print(old["date"], new["date"], old["sitting_seconds"], new["sitting_seconds"],
      old["hours"][23], new["hours"][0])' "$history")
  local old_day=$1 new_day=$2 old=$3 new=$4 old_hour=$5 new_hour=$6
  { [ "$old_day" = "$old_date" ] && [ "$new_day" = "$new_date" ]; } ||
    fail "$2: the days are $old_day and $new_day, not $old_date and $new_date"
  { [ "$old" -ge 2 ] && [ "$old" -le 4 ]; } || fail "$2: $old_date holds $old s, not the 3 s before the step"
  [ "$new" -ge 2 ] || fail "$2: $new_date holds $new s of what followed the step"
  [ "$old_hour" = "$old" ] || fail "$2: $old_date's 23:00 hour holds $old_hour s of its $old s"
  [ "$new_hour" = "$new" ] || fail "$2: $new_date's 00:00 hour holds $new_hour s of its $new s"
  # Whole seconds each: the sum may be one short of the bout, never more.
  { [ $((old + new)) -le "$bout" ] && [ $((old + new)) -ge $((bout - 1)) ]; } ||
    fail "$2: $old s + $new s is not the bout's $bout s: counted twice or lost"
  OLD_PART=$old
}

check_days "$(status_field bout_seconds)" "sitting on"
before=$OLD_PART
[ "$("$UNSIT" --json today | json_field date)" = "\"$new_date\"" ] || fail "today is not $new_date"

# The bout ends: its parts stay where they were.
stop "$ACTIVITY_PID"
echo "idle 0" >&3  # the user walks away
wait_for 10 field_is state '"away"' || fail "no break after break_after"
length=$("$PYTHON" - "$XDG_STATE_HOME/unsit/history.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT sum(length_ms) / 1000 FROM bouts").fetchone()[0])
PY
)
check_days "$length" "after the break"
[ "$OLD_PART" = "$before" ] || fail "$old_date changed from $before s to $OLD_PART s when the bout closed"
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd is not running"
pass
