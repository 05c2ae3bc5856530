# shellcheck shell=bash
# Sourced after lib.sh and auto_helpers.sh by the per-desktop end-to-end
# tests: one user's day on a real desktop, from first input to a history row.
# The caller has started the compositor, its notification server, an input
# loop in $ACTIVITY_PID and the daemon with the libnotify notifier.

# desktop_flow ANSWER INPUT: the reminder comes while the user works; ANSWER
# (a command) answers it from the notification as a click on "I'm up" would;
# the user works on, walks away long enough for a break (the input loop is
# stopped) and
# comes back (INPUT, a command sending one input event). Then `unsit today` and
# the database must show the answered reminder and both breaks.
desktop_flow() {
  local answer=$1 input=$2
  wait_for 15 field_is reminder_open true || fail "no reminder while the user works"
  echo "reminder open"
  $answer || fail "answering the reminder failed"
  wait_for 5 field_is today.done 1 || fail "the answer was not recorded as done"
  wait_for 3 field_is reminder_open false || fail "the reminder stayed open after the answer"
  echo "answered from the notification: done"
  # The break "I'm up" begins counts once up_min_break passes; input after it
  # (the loop goes on) ends it.
  wait_for 10 today_is_at_least breaks 1 || fail "the break after the answer was not counted"
  wait_for 10 field_is state '"sitting"' || fail "working on after the answer did not start a bout"
  sleep 2

  stop_activity
  wait_for 10 field_is state '"away"' || fail "no break after the user walked away"
  wait_for 10 today_is_at_least breaks 2 || fail "the walk-away break was not counted"
  echo "walked away: break"
  $input || fail "input after the break failed"
  wait_for 8 field_is state '"sitting"' || fail "coming back did not start a bout"
  echo "back: sitting"

  "$UNSIT" today >"$WORK/today.txt" || fail "unsit today failed"
  grep -qE "[2-9] breaks; 1 reminder: 1 done" "$WORK/today.txt" ||
    fail "unsit today: $(cat "$WORK/today.txt")"
  check_history "$XDG_STATE_HOME/unsit/history.db" || fail "history does not match the day"
  echo "unsit today and the database agree"
}

# start_input_loop COMMAND...: runs COMMAND (one input event) every 0.3 s in
# the background until stop_activity: a user at work.
start_input_loop() {
  (while true; do "$@"; sleep 0.3; done) &
  ACTIVITY_PID=$!
  track "$ACTIVITY_PID"
}

# today_is_at_least FIELD N: `unsit --json today` FIELD >= N (for wait_for).
today_is_at_least() { [ "$(today_field "$1")" -ge "$2" ]; }

# check_history DB: one reminder answered done, a break begun by it, a closed
# idle break and a closed bout.
check_history() {
  "$PYTHON" - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
one = lambda q: db.execute(q).fetchone()[0]
checks = {
    "reminders done": one("SELECT count(*) FROM reminders WHERE outcome = 'done'") == 1,
    "break begun by done": one("SELECT count(*) FROM breaks WHERE cause = 'done'") == 1,
    "closed idle break": one("SELECT count(*) FROM breaks WHERE cause = 'idle' "
                             "AND end_wall IS NOT NULL AND length_ms > 0") >= 1,
    "closed bout": one("SELECT count(*) FROM bouts WHERE end_reason = 'break'") >= 1,
}
for name, ok in checks.items():
    print(("ok   " if ok else "FAIL ") + name)
sys.exit(0 if all(checks.values()) else 1)
PY
}
