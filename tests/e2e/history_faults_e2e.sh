#!/usr/bin/env bash
# History faults on a running daemon: a file locked by another process at
# start (history is opened on a later change, not left off for good), a lock
# taken while it runs (doctor keeps saying so through a pause, which writes
# nothing, until a write succeeds), and a lock still held at exit (the records
# that waited are counted in the log, not dropped without a word). Then
# SIGSTOP/SIGCONT (it serves again and the stopped time stays in the bout) and
# a truncated file (moved aside with a message, a new one started).
# Usage: history_faults_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need "$PYTHON"
DAEMON_LOG_LEVEL=info  # the level a user runs at: the log is checked line by line
locker=""
db="$XDG_STATE_HOME/unsit/history.db"
config="$WORK/unsit.yaml"
printf 'history:\n  checkpoint: 1s\n' >"$config"

stop_daemon() { stop "$DAEMON_PID"; }
# Another process holds the write lock until release() removes the flag file.
# `lock exclusive` (locking_mode, not even a reader gets in) works only while
# no daemon has the file open; plain `lock` is what a second writer does.
lock() {
  rm -f "$WORK/locked" "$WORK/release"
  "$PYTHON" - "$db" "$WORK" "${1:-normal}" <<'EOF' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = " + sys.argv[3])
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2] + "/locked", "w").close()
while not os.path.exists(sys.argv[2] + "/release"):
    time.sleep(0.05)
db.execute("COMMIT")
db.close()
EOF
  locker=$!
  track "$locker"
  for _ in $(seq 100); do [ -e "$WORK/locked" ] && return; sleep 0.05; done
  fail "the locking process did not start"
}
release() { touch "$WORK/release"; wait "$locker"; locker=""; }
problems() { "$UNSIT" doctor | grep -i 'history'; }
count() { "$PYTHON" -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$db" "$1"; }

start_daemon none log && stop_daemon  # creates the file
bouts=$(count "SELECT count(*) FROM bouts")

lock exclusive
start_daemon none log
problems | grep -q "history is not being recorded" || fail "locked at start, doctor: $(problems)"
release
sleep 2.5  # two checkpoints
problems | grep -q "not being recorded\|failed" && fail "the lock is gone, doctor: $(problems)"
grep -q "history: opened after all" "$WORK/unsitd.log" || fail "not opened again: $(cat "$WORK/unsitd.log")"
echo "locked at start: reported, then opened on a later change"

lock
sleep 1.5
problems | grep -q "recording history failed" || fail "locked while running, doctor: $(problems)"
"$UNSIT" pause 10m >/dev/null || fail "pause"
problems | grep -q "recording history failed" || fail "a pause hid the failure: $(problems)"
"$UNSIT" resume >/dev/null || fail "resume"
release
sleep 2.5
problems | grep -q "failed" && fail "written again, doctor still: $(problems)"
echo "locked while running: doctor says so through a pause until a write succeeds"

lock
sleep 1.5
stop_daemon
grep -Eq "history: [0-9]+ record\(s\) could not be written before exit and are lost" "$WORK/unsitd.log" ||
  fail "records lost at exit without a word: $(tail -5 "$WORK/unsitd.log")"
release
echo "locked at exit: the records lost are counted in the log"
# What was written before the lock stays: the next start resumes that bout.
[ "$(count "SELECT count(*) FROM open_bout")" = 1 ] || fail "the last checkpoint is missing"
[ "$(count "SELECT count(*) FROM bouts")" = "$bouts" ] || fail "bouts changed under a lock"

before=$(count "SELECT count(*) FROM bouts")
start_daemon none log
stopped_at=$(date +%s%3N)
kill -STOP "$DAEMON_PID"
sleep 2
kill -CONT "$DAEMON_PID"
"$UNSIT" status >/dev/null || fail "no answer after SIGCONT: $(tail -5 "$WORK/unsitd.log")"
sleep 1
stop_daemon
[ "$(count "SELECT count(*) FROM bouts")" = $((before + 1)) ] || fail "the bout was not recorded"
end=$(count "SELECT end_wall FROM bouts ORDER BY id DESC LIMIT 1")
[ $((end - stopped_at)) -ge 3000 ] || fail "the bout ended $((end - stopped_at)) ms after SIGSTOP"
echo "SIGSTOP/SIGCONT: served again, the bout ran through the stop ($((end - stopped_at)) ms)"

size=$(stat -c %s "$db")
truncate -s $((size / 2)) "$db"
start_daemon none log
grep -q "was damaged (.*); it was moved to $db.corrupt-" "$WORK/unsitd.log" ||
  fail "truncated file: no clear message: $(tail -5 "$WORK/unsitd.log")"
ls "$db".corrupt-* >/dev/null 2>&1 || fail "the truncated file was not kept"
"$UNSIT" status >/dev/null || fail "no answer after a truncated file"
stop_daemon
[ "$(count "SELECT count(*) FROM bouts")" = 1 ] || fail "the new history did not record the bout"
echo "truncated file: moved aside with a message, a new history started"
