#!/usr/bin/env bash
# Timer wakeups of unsitd with the sit-stand rhythm on (not run by ctest).
# Idle comes from the scripted `test` backend, so the user is exactly where the
# script says; no CLI request or scripted line falls inside a window, so the io
# thread's read() calls in it are the timer's fires. Three windows of SECONDS
# (default 20) with sit and stand of 5 s each:
#   sitting   the sitting part ends: one fire, then the prompt waits for an answer
#   standing  after `unsit standing on`: one fire when the standing part ends
#   away      after a lock: no fire at all
# Prints the fires of each window, and the away window's per hour.
# Usage: desk_wakeups.sh BUILD_DIR [SECONDS]
set -uo pipefail
WINDOW=${2:-20}
source "$(dirname "$0")/../e2e/lib.sh"
e2e_init "$@"
export UNSIT_TEST_IDLE=$WORK/idle
mkfifo "$UNSIT_TEST_IDLE"
exec 3<>"$UNSIT_TEST_IDLE"  # held open: every line written is one report
printf 'sit_limit: 10h\nbreak_after: 5m\nhistory:\n  checkpoint: 10h\nstanding_desk:\n  sit: 5s\n  stand: 5s\n' \
  >"$WORK/unsit.yaml"
DAEMON_LOG_LEVEL=info DAEMON_ENV=(DBUS_SESSION_BUS_ADDRESS=) start_daemon test log

reads() { awk '/^syscr:/ {print $2}' "/proc/$DAEMON_PID/task/$DAEMON_PID/io"; }
window() {  # window NAME EXPECTED: prints the reads of one window; sets FIRES
  local r0 r1
  sleep 0.5  # what the last line or request started is done
  r0=$(reads)
  sleep "$WINDOW"
  r1=$(reads)
  FIRES=$((r1 - r0))
  printf '%-9s %d timer fire(s) in %d s (expected %s)\n' "$1" "$FIRES" "$WINDOW" "$2"
}

echo active >&3
window sitting "1: the raise-the-desk prompt"
"$UNSIT" standing on >/dev/null || fail "unsit standing on refused"
window standing "1: the you-may-sit prompt"
echo lock >&3
window away "0"
echo "away: $((FIRES * 3600 / WINDOW)) wakeups per hour"
grep -cE "Time to raise the desk|You may sit" "$WORK/unsitd.log" | sed "s/^/desk prompts shown: /"
