#!/usr/bin/env bash
# The real unsit CLI against the real unsitd: replies, exit codes, reload, quiet
# hours, garbage and oversized input on the socket, and two daemons racing.
# Usage: cli_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need "$PYTHON"
mkdir -p "$XDG_CONFIG_HOME/unsit"
socket=$XDG_RUNTIME_DIR/unsit/control.sock
config=$XDG_CONFIG_HOME/unsit/unsit.yaml

ok() { echo "ok: $*"; }

# expect_exit CODE DESCRIPTION COMMAND...: runs COMMAND, output in $out/$err.
expect_exit() {
  local want=$1 what=$2; shift 2
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  out=$(cat "$WORK/out"); err=$(cat "$WORK/err")
  if [ "$got" -eq "$want" ]; then ok "$what (exit $got)"; else
    fail "$what: exit $got, wanted $want; stdout: $out; stderr: $err"
  fi
}

# launch_daemon NAME: starts unsitd with its log in $WORK/NAME.log, without
# waiting (two may race); pid in $daemon_pid.
launch_daemon() {
  "$UNSITD" --idle-backend none --notifier log --log-level debug >"$WORK/$1.log" 2>&1 &
  daemon_pid=$!
  track "$daemon_pid"
}

# ---- Not running yet.
expect_exit 3 "status without a daemon" "$UNSIT" status
grep -q "systemctl --user start unsit" <<<"$err" || fail "no start hint: $err"
expect_exit 0 "today without a daemon reads the database" "$UNSIT" today
expect_exit 0 "history without a daemon reads the database" "$UNSIT" history --days 3
expect_exit 3 "doctor without a daemon still checks what it can" "$UNSIT" doctor
for line in "daemon: not running" "config: no config file; built-in defaults are valid" \
    "history: " "Start the daemon with: systemctl --user start unsit"; do
  grep -q "^$line" <<<"$out" || fail "offline doctor lacks \"$line\": $out"
done
expect_exit 2 "unknown verb" "$UNSIT" dance
expect_exit 2 "bad duration" "$UNSIT" snooze soon
expect_exit 2 "standing needs on|off" "$UNSIT" standing maybe
expect_exit 0 "help of a verb" "$UNSIT" snooze --help
grep -q "unsit snooze 15m" <<<"$out" || fail "snooze --help has no example"
expect_exit 2 "no verb" "$UNSIT"
expect_exit 3 "--version without a daemon" "$UNSIT" --version
grep -q "(protocol 1)" <<<"$out" || fail "--version without a daemon prints no CLI version: $out"
expect_exit 2 "status --format bogus" "$UNSIT" status --format bogus
expect_exit 2 "history --days over the limit" "$UNSIT" history --days 1001
# SQLite is loaded only when the history is read offline, not by every run.
if command -v readelf >/dev/null; then
  readelf -d "$UNSIT" | grep -q 'NEEDED.*libsqlite3' && fail "unsit is linked against libsqlite3"
fi

# ---- Start one daemon.
launch_daemon first
first=$daemon_pid
wait_for 10 "$UNSIT" status >/dev/null 2>&1 || fail "daemon did not answer: $(cat "$WORK/first.log")"
[ "$(stat -c %a "$XDG_RUNTIME_DIR/unsit")" = 700 ] || fail "socket dir mode $(stat -c %a "$XDG_RUNTIME_DIR/unsit")"
[ "$(stat -c %a "$socket")" = 600 ] || fail "socket mode $(stat -c %a "$socket")"

expect_exit 0 "status" "$UNSIT" status
expect_exit 0 "status --json" "$UNSIT" --json status
for field in state bout_seconds next_reminder_seconds reminder_open paused_until idle_backend \
    notifier today.sitting_seconds today.longest_bout_seconds today.breaks today.reminders \
    today.done today.snoozed today.skipped; do
  json_field "$field" <<<"$out" >/dev/null 2>&1 || fail "status --json lacks $field"
done
[ "$(json_field idle_backend <<<"$out")" = '"none"' ] || fail "idle_backend: $out"
[ "$(json_field fixed_schedule <<<"$out")" = true ] || fail "fixed_schedule not reported: $out"
expect_exit 0 "status --format waybar" "$UNSIT" status --format waybar
json_field class <<<"$out" | grep -Eq '"(sitting|due|away|paused)"' || fail "waybar class: $out"
expect_exit 0 "status --format json" "$UNSIT" status --format json
[ "$(json_field idle_backend <<<"$out")" = '"none"' ] || fail "status --format json: $out"
expect_exit 0 "status --format plain" "$UNSIT" status --format plain
grep -q "^Today: " <<<"$out" || fail "status --format plain: $out"
expect_exit 0 "status --format human (the 0.1.0 name of plain)" "$UNSIT" status --format human
grep -q "^Today: " <<<"$out" || fail "status --format human: $out"

expect_exit 0 "today --json" "$UNSIT" today --json
[ "$("$PYTHON" -c 'import json,sys; print(len(json.load(sys.stdin)["hours"]))' <<<"$out")" = 24 ] ||
  fail "today has no 24 hours: $out"
expect_exit 0 "history --days 14" "$UNSIT" history --days 14
expect_exit 0 "history --csv" "$UNSIT" history --csv
head -1 <<<"$out" | grep -q '^date,sitting_seconds' || fail "csv header: $out"

expect_exit 0 "snooze 15m" "$UNSIT" snooze 15m
expect_exit 0 "snooze (default)" "$UNSIT" snooze
expect_exit 0 "pause 45m" "$UNSIT" --json pause 45m
[ "$(json_field paused <<<"$out")" = true ] || fail "not paused: $out"
json_field paused_until <<<"$out" | grep -q 'Z"$' || fail "paused_until: $out"
expect_exit 0 "resume" "$UNSIT" --json resume
[ "$(json_field paused <<<"$out")" = false ] || fail "still paused: $out"
expect_exit 0 "pause until resume" "$UNSIT" --json pause
[ "$(json_field paused_until <<<"$out")" = null ] || fail "paused_until not null: $out"
expect_exit 0 "resume again" "$UNSIT" resume
expect_exit 0 "standing on" "$UNSIT" --json standing on
[ "$(json_field state <<<"$out")" = '"standing"' ] || fail "state after standing on: $out"
expect_exit 0 "standing off" "$UNSIT" standing off
expect_exit 0 "done" "$UNSIT" "done"
expect_exit 0 "skip" "$UNSIT" skip
expect_exit 0 "stretch" "$UNSIT" stretch
expect_exit 0 "doctor" "$UNSIT" doctor
for line in "since last input: unknown" "versions: unsitd " "socket: $XDG_RUNTIME_DIR/unsit/control.sock"; do
  grep -qF "$line" <<<"$out" || fail "doctor does not say '$line': $out"
done
expect_exit 0 "version" "$UNSIT" version
grep -q "protocol 1" <<<"$out" || fail "version: $out"
version_out=$out
expect_exit 0 "--version" "$UNSIT" --version
[ "$out" = "$version_out" ] || fail "--version differs from version: $out"

# ---- Long replies: a year of history is several times the 64 KiB request limit.
# days_of: the number of days and the length of the JSON on stdin.
days_of() { "$PYTHON" -c 'import json,sys; t=sys.stdin.read(); print(len(json.loads(t)["days"]), len(t))'; }
expect_exit 0 "history --days 365" "$UNSIT" --json history --days 365
read -r days bytes <<<"$(days_of <<<"$out")"
[ "$days" = 365 ] || fail "history --days 365 returned $days days"
[ "$bytes" -gt 65536 ] || fail "a year of history is only $bytes bytes: not a long reply"
expect_exit 0 "history --days 1000" "$UNSIT" --json history --days 1000
[ "$(days_of <<<"$out" | cut -d' ' -f1)" = 1000 ] || fail "history --days 1000: $(days_of <<<"$out")"
expect_exit 0 "history --days 365 as text" "$UNSIT" history --days 365
[ "$(grep -c '^[A-Z][a-z][a-z] [0-9-]*  ' <<<"$out")" = 365 ] || fail "365 days not listed"

# ---- Reload: fine, then broken (old config stays), then fine again.
printf 'sit_limit: 45m\n' >"$config"
expect_exit 0 "reload a good config" "$UNSIT" reload
[ "$("$UNSIT" --json status | json_field sit_limit_seconds)" = 2700 ] || fail "sit_limit not reloaded"
printf 'sit_limit: 45m\nbreak_after: banana\n' >"$config"
expect_exit 1 "reload a broken config" "$UNSIT" reload
grep -Eq 'unsit\.yaml:[0-9]+:[0-9]+' <<<"$err" || fail "no FILE:LINE:COL in: $err"
expect_exit 0 "still serving after a bad reload" "$UNSIT" status

# ---- Quiet hours around now: status says until when, in JSON and as text.
from=$(date -d '-1 min' +%H:%M)
to=$(date -d '+30 min' +%H:%M)
printf 'sit_limit: 45m\nquiet_hours: ["%s-%s"]\n' "$from" "$to" >"$config"
expect_exit 0 "reload with quiet hours" "$UNSIT" reload
expect_exit 0 "status in quiet hours" "$UNSIT" --json status
json_field quiet_until <<<"$out" | grep -q 'Z"$' || fail "quiet_until: $out"
expect_exit 0 "status in quiet hours, as text" "$UNSIT" status
grep -q "^Quiet hours ($from-$to) until .*$to" <<<"$out" || fail "no quiet hours line: $out"
printf 'sit_limit: 45m\n' >"$config"
expect_exit 0 "reload without quiet hours" "$UNSIT" reload
[ "$("$UNSIT" --json status | json_field quiet_until)" = null ] || fail "quiet_until not null"

# ---- Events: watch sees a state change (--json and --format json alike).
"$UNSIT" --json watch >"$WORK/watch.out" 2>"$WORK/watch.err" &
watch_pid=$!
track "$watch_pid"
"$UNSIT" watch --format json >"$WORK/watch2.out" 2>"$WORK/watch2.err" &
watch2_pid=$!
track "$watch2_pid"
sleep 0.5
"$UNSIT" standing on >/dev/null
"$UNSIT" standing off >/dev/null
if wait_for 5 grep -q '"event"' "$WORK/watch.out"; then ok "watch prints events"; else
  fail "watch printed no event: $(cat "$WORK/watch.out" "$WORK/watch.err")"
fi
if wait_for 5 grep -q '"event"' "$WORK/watch2.out"; then ok "watch --format json prints events"; else
  fail "watch --format json printed no event: $(cat "$WORK/watch2.out" "$WORK/watch2.err")"
fi
kill "$watch2_pid"

# ---- Raw socket: garbage, a newer protocol, 10 MB without a newline.
cat >"$WORK/raw.py" <<'PY'
import json, socket, sys
path, case = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(path)
f = s.makefile("rb")
def reply(line):
    s.sendall(line)
    return json.loads(f.readline())
if case == "garbage":
    r = reply(b"this is not json\n")
    assert r["ok"] is False and r["error"]["code"] == "bad_json", r
    r = reply(b'{"v":1,"id":3,"cmd":"dance"}\n')
    assert r["id"] == 3 and r["error"]["code"] == "unknown_command", r
    r = reply(b'{"v":1,"id":4,"cmd":"snooze","args":{"for":true}}\n')
    assert r["error"]["code"] == "bad_args", r
    r = reply(b'{"v":99,"id":5,"cmd":"status"}\n')
    assert r["error"]["code"] == "protocol_mismatch" and r["error"]["daemon_v"] == 1, r
    r = reply(b'{"v":1,"id":6,"cmd":"status"}\n')
    assert r["ok"] is True and r["id"] == 6, r
elif case == "flood":
    chunk = b"x" * (1 << 20)
    try:
        for _ in range(10):
            s.sendall(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass
    r = json.loads(f.readline())
    assert r["error"]["code"] == "too_long", r
    assert f.readline() == b"", "not closed"
print("pass")
PY
expect_exit 0 "garbage, unknown verb, bad args and v99 each get an error" "$PYTHON" "$WORK/raw.py" "$socket" garbage
# The flood must not be buffered: the daemon grows by far less than 10 MB. (By
# growth, not size: under AddressSanitizer the daemon starts above 100 MB.)
rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$first/status")
expect_exit 0 "10 MB without a newline: too_long, then closed" "$PYTHON" "$WORK/raw.py" "$socket" flood
rss=$(awk '/VmRSS/ {print $2}' "/proc/$first/status")
echo "daemon RSS ${rss_before} kB before the flood, ${rss} kB after"
[ $((${rss:-0} - ${rss_before:-0})) -lt 4096 ] || fail "daemon RSS grew from ${rss_before} to ${rss} kB in the flood"
expect_exit 0 "still serving after the flood" "$UNSIT" status

# ---- A second daemon for the same user loses and leaves the first alone.
launch_daemon second
second=$daemon_pid
if wait_for 5 sh -c "! kill -0 $second 2>/dev/null"; then
  wait "$second"; code=$?
  [ "$code" -ne 0 ] || fail "second daemon exited 0"
  grep -q "$first" "$WORK/second.log" || fail "second daemon does not name pid $first: $(cat "$WORK/second.log")"
  ok "second daemon refused (exit $code)"
else
  fail "second daemon is still running"
fi
[ -S "$socket" ] || fail "the first daemon's socket is gone"
expect_exit 0 "the first still serves" "$UNSIT" status

# ---- Two daemons racing for a fresh runtime dir: exactly one wins.
export XDG_RUNTIME_DIR=$WORK/race
mkdir -m 0700 "$XDG_RUNTIME_DIR"
launch_daemon race1; race1=$daemon_pid
launch_daemon race2; race2=$daemon_pid
sleep 0.3
wait_for 10 sh -c "! kill -0 $race1 2>/dev/null || ! kill -0 $race2 2>/dev/null" || fail "both racers run"
if kill -0 "$race1" 2>/dev/null; then winner=$race1 loser=$race2 log=race2; else winner=$race2 loser=$race1 log=race1; fi
wait "$loser"; code=$?
[ "$code" -ne 0 ] || fail "the losing racer exited 0"
grep -q "$winner" "$WORK/$log.log" || fail "the loser does not name $winner: $(cat "$WORK/$log.log")"
expect_exit 0 "the racing winner serves" "$UNSIT" status
kill "$winner"; wait "$winner"
export XDG_RUNTIME_DIR=$WORK/run

# ---- A protocol mismatch: a fake daemon speaking v2.
cat >"$WORK/v2.py" <<'PY'
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1]); s.listen(1)
print("ready", flush=True)
c, _ = s.accept()
c.makefile("rb").readline()
c.sendall(b'{"v":2,"id":1,"ok":false,"error":{"code":"protocol_mismatch","message":"v2 only","daemon_v":2}}\n')
c.close()
PY
"$PYTHON" "$WORK/v2.py" "$WORK/v2.sock" >"$WORK/v2.out" &
track $!
wait_for 5 test -S "$WORK/v2.sock" || fail "fake v2 daemon did not start"
expect_exit 4 "protocol mismatch" "$UNSIT" --socket "$WORK/v2.sock" status
{ grep -q "v1" <<<"$err" && grep -q "v2" <<<"$err"; } || fail "mismatch message lacks versions: $err"

# ---- SIGTERM: exit 0, then the CLI says it is not running.
kill -TERM "$first"
wait "$first"; code=$?
[ "$code" -eq 0 ] || fail "daemon exited $code on SIGTERM"
expect_exit 3 "status after the daemon stopped" "$UNSIT" status
# The daemon wrote a database by now: read it without the daemon.
expect_exit 0 "history --days 365 from the database" "$UNSIT" --json history --days 365
grep -q "showing the recorded history" <<<"$err" || fail "offline history does not say so: $err"
[ "$(days_of <<<"$out" | cut -d' ' -f1)" = 365 ] || fail "offline history: $(days_of <<<"$out")"

# ---- watch (still running) reconnects to a restarted daemon.
events_before=$(grep -c '"event"' "$WORK/watch.out")
launch_daemon third
third=$daemon_pid
wait_for 10 "$UNSIT" status >/dev/null 2>&1 || fail "the restarted daemon did not answer"
# Toggles standing until watch (which retries every 2 s) has printed a new event.
new_event() {
  "$UNSIT" standing on >/dev/null && "$UNSIT" standing off >/dev/null
  [ "$(grep -c '"event"' "$WORK/watch.out")" -gt "$events_before" ]
}
if wait_for 15 new_event; then
  ok "watch reconnected after the restart"
else
  fail "watch printed nothing after the restart: $(tail -3 "$WORK/watch.err")"
fi
kill "$watch_pid" "$third" 2>/dev/null

pass
