#!/usr/bin/env bash
# kill -9 while sitting, 20 times: the history never claims more sitting than
# there was, is never more than one checkpoint (1 s) short, and always passes
# PRAGMA integrity_check.
#
# Usage: history_kill_e2e.sh BUILD_DIR
#
# Each round starts the real daemon with a fresh state directory and the test
# idle source, reports input every 200 ms, kills it with SIGKILL at a random
# moment 0.5..4.5 s later, and reads the file (four rounds at a time, each with
# its own daemon and files). The truth is the daemon's own
# bout start (its BoutStarted row) to the kill.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need "$PYTHON"

cat >"$WORK/unsit.yaml" <<'YAML'
sit_limit: 1h
break_after: 30s
history: {checkpoint: 1s}
YAML

# Prints "recorded_ms truth_low_ms truth_high_ms integrity" for the file $1,
# killed between wall ms $2 and $3.
check_db() {
  "$PYTHON" - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
before, after = int(sys.argv[2]), int(sys.argv[3])
closed = db.execute("SELECT coalesce(sum(length_ms), 0) FROM bouts").fetchone()[0]
row = db.execute("SELECT start_wall, last_seen_boot - start_boot FROM open_bout").fetchone()
start = row[0] if row else None
if start is None:
    start = db.execute("SELECT min(start_wall) FROM bouts").fetchone()[0]
recorded = closed + (row[1] if row else 0)
low = before - start if start is not None else 0
high = after - start if start is not None else 0
print(recorded, low, high, db.execute("PRAGMA integrity_check").fetchone()[0])
PY
}

# Starts unsitd on the state of round directory $1; sets $pid.
start_round() {
  XDG_STATE_HOME="$1/state" XDG_RUNTIME_DIR="$1/run" XDG_CONFIG_HOME="$1/config" \
    UNSIT_TEST_IDLE="$1/idle" \
    "$UNSITD" --config "$WORK/unsit.yaml" --idle-backend test --notifier log \
    >>"$1/log" 2>&1 &
  pid=$!
  track "$pid"
}

# run_round N: one round in $WORK/roundN; prints its line and ends with status
# 0 when the file held up. Runs beside other rounds: each has its own daemon,
# FIFO and state, and its pid file lets the clean-up stop a daemon still running.
run_round() {
  local round=$1 dir="$WORK/round$1" db pid ticks i before after recorded low high integrity short
  mkdir -p "$dir/state" "$dir/run"
  chmod 700 "$dir/run"
  mkfifo "$dir/idle"
  start_round "$dir"
  echo "$pid" >"$dir/pid"
  db="$dir/state/unsit/history.db"
  # Hold the FIFO open for writing; every line is input.
  exec 3>"$dir/idle"
  echo active >&3
  # Sit for a random 0.5..4.5 s, with input every 200 ms.
  ticks=$("$PYTHON" -c 'import random; print(random.randint(3, 23))')
  i=0
  while [ "$i" -lt "$ticks" ]; do
    sleep 0.2
    echo active >&3
    i=$((i + 1))
  done
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "round $round: unsitd exited early: $(cat "$dir/log")"
    return 1
  fi
  before=$(now_ms)
  kill -9 "$pid"
  after=$(now_ms)
  wait "$pid" 2>/dev/null || true
  rm -f "$dir/pid"
  exec 3>&-
  # shellcheck disable=SC2046 # four words, split on purpose
  set -- $(check_db "$db" "$before" "$after")
  recorded=$1 low=$2 high=$3 integrity=$4
  # The truth lies between the clock readings just before and after the kill.
  # One checkpoint (1 s) plus 100 ms for the timer to fire and the write to land.
  short=$((low - recorded))
  status=ok
  if [ "$integrity" != ok ]; then status="integrity_check: $integrity"; fi
  if [ "$recorded" -gt "$high" ]; then status="more than the truth"; fi
  if [ "$short" -gt $((1000 + 100)) ]; then status="more than one checkpoint short"; fi
  if [ "$high" -le 0 ]; then status="no bout recorded"; fi
  echo "round $round: sat ${low}..${high} ms, recorded ${recorded} ms (short ${short} ms): $status"
  if [ "$status" != ok ]; then
    sed 's/^/  log: /' "$dir/log" | tail -20
    return 1
  fi
}

# Daemons of rounds cut short by a failure or a timeout.
stop_rounds() {
  local file
  for file in "$WORK"/round*/pid; do
    [ -f "$file" ] && kill -9 "$(cat "$file")" 2>/dev/null
  done
  return 0
}
at_exit stop_rounds

# Four lanes of five rounds each: the rounds are independent, and each daemon
# spends its round waiting, so they share the machine without delaying each
# other's one-second checkpoints.
lanes=()
for lane in 1 2 3 4; do
  (
    failed=0
    for round in $lane $((lane + 4)) $((lane + 8)) $((lane + 12)) $((lane + 16)); do
      run_round "$round" >"$WORK/result$round" 2>&1 || failed=$((failed + 1))
    done
    exit "$failed"
  ) &
  lanes+=($!)
done
failures=0
for lane in "${lanes[@]}"; do
  wait "$lane" || failures=$((failures + $?))
done
for round in $(seq 1 20); do cat "$WORK/result$round"; done
[ "$failures" -eq 0 ] || fail "$failures of 20 rounds failed"
echo "all 20 rounds ok"

# A restart right after the last kill (same boot, well within break_after)
# continues the bout; SIGTERM then closes it as one bout from its first start.
dir="$WORK/round20"
start_round "$dir"
exec 3>"$dir/idle"
echo active >&3
sleep 1.5
before=$(now_ms)
kill -TERM "$pid"
wait "$pid" || fail "restart: unsitd did not exit 0 on SIGTERM: $(cat "$dir/log")"
after=$(now_ms)
untrack "$pid"
exec 3>&-
# shellcheck disable=SC2046 # five words, split on purpose
set -- $("$PYTHON" - "$dir/state/unsit/history.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bouts = db.execute("SELECT count(*), min(start_wall), sum(length_ms) FROM bouts").fetchone()
print(bouts[0], bouts[1] or 0, bouts[2] or 0,
      db.execute("SELECT count(*) FROM open_bout").fetchone()[0],
      db.execute("PRAGMA integrity_check").fetchone()[0])
PY
)
count=$1 start=$2 length=$3 open=$4 integrity=$5
echo "restart: $count bout(s), ${length} ms, sat $((before - start))..$((after - start)) ms, open rows $open, $integrity"
if [ "$count" -ne 1 ] || [ "$open" -ne 0 ] || [ "$integrity" != ok ] ||
   [ "$length" -gt $((after - start)) ] || [ "$length" -lt $((before - start - 1100)) ]; then
  fail "restart: the bout did not go on across the restart: $(tail -20 "$dir/log")"
fi
echo "restart ok"
pass
