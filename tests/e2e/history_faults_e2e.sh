#!/usr/bin/env bash
# History faults on a running daemon: a file locked by another process at
# start (history is opened on a later change, not left off for good), a lock
# taken while it runs (doctor keeps saying so through a pause, which writes
# nothing, until a write succeeds), and a lock still held at exit (the records
# that waited are counted in the log, not dropped without a word). Then
# SIGSTOP/SIGCONT (it serves again and the stopped time stays in the bout) and
# a truncated file (moved aside with a message, a new one started).
# Usage: history_faults_e2e.sh UNSITD UNSIT
set -uo pipefail
unsitd=${1:?usage: history_faults_e2e.sh UNSITD UNSIT}
unsit=${2:?usage: history_faults_e2e.sh UNSITD UNSIT}
command -v python3 >/dev/null || exit 77
work=$(mktemp -d "${TMPDIR:-/tmp}/unsit-hfault.XXXXXX")
daemon="" locker=""
cleanup() {
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon"
  [ -n "$locker" ] && kill "$locker" 2>/dev/null && wait "$locker"
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export XDG_RUNTIME_DIR="$work/run" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
export HOME="$work/home"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS NOTIFY_SOCKET JOURNAL_STREAM
mkdir -p -m 700 "$XDG_RUNTIME_DIR" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME" "$HOME"
db="$XDG_STATE_HOME/unsit/history.db"
config="$work/unsit.yaml"
printf 'history:\n  checkpoint: 1s\n' >"$config"

start() {
  "$unsitd" --config "$config" --idle-backend none --notifier log >>"$work/log" 2>&1 &
  daemon=$!
  for _ in $(seq 50); do "$unsit" status >/dev/null 2>&1 && return; sleep 0.1; done
  fail "unsitd did not answer: $(cat "$work/log")"
}
stop() { kill "$daemon"; wait "$daemon"; daemon=""; }
# Another process holds the write lock until release() removes the flag file.
# `lock exclusive` (locking_mode, not even a reader gets in) works only while
# no daemon has the file open; plain `lock` is what a second writer does.
lock() {
  rm -f "$work/locked" "$work/release"
  python3 - "$db" "$work" "${1:-normal}" <<'EOF' &
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
  for _ in $(seq 100); do [ -e "$work/locked" ] && return; sleep 0.05; done
  fail "the locking process did not start"
}
release() { touch "$work/release"; wait "$locker"; locker=""; }
problems() { "$unsit" doctor | grep -i 'history'; }
count() { python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$db" "$1"; }

start && stop  # creates the file
bouts=$(count "SELECT count(*) FROM bouts")

lock exclusive
start
problems | grep -q "history is not being recorded" || fail "locked at start, doctor: $(problems)"
release
sleep 2.5  # two checkpoints
problems | grep -q "not being recorded\|failed" && fail "the lock is gone, doctor: $(problems)"
grep -q "history: opened after all" "$work/log" || fail "not opened again: $(cat "$work/log")"
echo "locked at start: reported, then opened on a later change"

lock
sleep 1.5
problems | grep -q "recording history failed" || fail "locked while running, doctor: $(problems)"
"$unsit" pause 10m >/dev/null || fail "pause"
problems | grep -q "recording history failed" || fail "a pause hid the failure: $(problems)"
"$unsit" resume >/dev/null || fail "resume"
release
sleep 2.5
problems | grep -q "failed" && fail "written again, doctor still: $(problems)"
echo "locked while running: doctor says so through a pause until a write succeeds"

lock
sleep 1.5
stop
grep -Eq "history: [0-9]+ record\(s\) could not be written before exit and are lost" "$work/log" ||
  fail "records lost at exit without a word: $(tail -5 "$work/log")"
release
echo "locked at exit: the records lost are counted in the log"
# What was written before the lock stays: the next start resumes that bout.
[ "$(count "SELECT count(*) FROM open_bout")" = 1 ] || fail "the last checkpoint is missing"
[ "$(count "SELECT count(*) FROM bouts")" = "$bouts" ] || fail "bouts changed under a lock"

before=$(count "SELECT count(*) FROM bouts")
start
stopped_at=$(date +%s%3N)
kill -STOP "$daemon"
sleep 2
kill -CONT "$daemon"
"$unsit" status >/dev/null || fail "no answer after SIGCONT: $(tail -5 "$work/log")"
sleep 1
stop
[ "$(count "SELECT count(*) FROM bouts")" = $((before + 1)) ] || fail "the bout was not recorded"
end=$(count "SELECT end_wall FROM bouts ORDER BY id DESC LIMIT 1")
[ $((end - stopped_at)) -ge 3000 ] || fail "the bout ended $((end - stopped_at)) ms after SIGSTOP"
echo "SIGSTOP/SIGCONT: served again, the bout ran through the stop ($((end - stopped_at)) ms)"

size=$(stat -c %s "$db")
truncate -s $((size / 2)) "$db"
start
grep -q "was damaged (.*); it was moved to $db.corrupt-" "$work/log" ||
  fail "truncated file: no clear message: $(tail -5 "$work/log")"
ls "$db".corrupt-* >/dev/null 2>&1 || fail "the truncated file was not kept"
"$unsit" status >/dev/null || fail "no answer after a truncated file"
stop
[ "$(count "SELECT count(*) FROM bouts")" = 1 ] || fail "the new history did not record the bout"
echo "truncated file: moved aside with a message, a new history started"
