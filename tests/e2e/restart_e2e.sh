#!/usr/bin/env bash
# What lasts across restarts, with the real unsitd and unsit:
# - the stretch rotation: a daemon restarted part-way through meets every
#   entry of its places and kinds once before any repeats;
# - today's reminder outcomes: every reminder ends in exactly one outcome, the
#   parts add up to the whole, and the live figures, the figures read from the
#   database with the daemon stopped, and those after a restart all agree;
# - history.day_starts: with the daemon stopped, `today` and `history` split
#   the days where the daemon split them, not at local midnight.
#   restart_e2e.sh UNSITD UNSIT
# Input comes from the `test` idle backend (a FIFO); reminders go to the log.
# Every path is under a fresh temporary directory; only processes started here
# are stopped.
set -uo pipefail
unsitd=${1:?usage: restart_e2e.sh UNSITD UNSIT}
unsit=${2:?usage: restart_e2e.sh UNSITD UNSIT}
py=$(command -v python3 || true)
[ -n "$py" ] || { echo "SKIP: python3 is needed to read JSON"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/unsit-restart.XXXXXX")
export XDG_RUNTIME_DIR=$tmp/run XDG_CONFIG_HOME=$tmp/config HOME=$tmp/home
unset JOURNAL_STREAM NOTIFY_SOCKET DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/unsit" "$HOME"
chmod 0700 "$XDG_RUNTIME_DIR"
export UNSIT_TEST_IDLE=$tmp/idle
mkfifo "$UNSIT_TEST_IDLE"
exec 3<>"$UNSIT_TEST_IDLE"  # held open: every line written is one report

daemon_pid=""
cleanup() {
  if [ -n "$daemon_pid" ]; then kill "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null; fi
  exec 3>&-
  rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.1
  done
}

# json_field FIELD: prints a field of the JSON on stdin.
json_field() { "$py" -c 'import json,sys; print(json.dumps(json.load(sys.stdin)[sys.argv[1]]))' "$1"; }

start_daemon() {
  "$unsitd" --idle-backend test --notifier log --log-level debug >>"$tmp/daemon.log" 2>&1 &
  daemon_pid=$!
  wait_for 10 "$unsit" status >/dev/null 2>&1 || { fail "daemon did not start"; cat "$tmp/daemon.log"; exit 1; }
}

stop_daemon() {
  kill "$daemon_pid"
  wait "$daemon_pid" 2>/dev/null
  daemon_pid=""
}

today_is() { [ "$("$unsit" --json today 2>/dev/null | json_field "$1")" = "$2" ]; }

# ---- The rotation: 6 stretches, a restart, then the other 11 of 17.
export XDG_STATE_HOME=$tmp/state-rotation
cat >"$XDG_CONFIG_HOME/unsit/unsit.yaml" <<'YAML'
stretches:
  places: [standing, desk, floor]
  kinds: [stretch, strength, release, walk, posture]
YAML
take() { "$unsit" --json stretch | json_field id; }
seen=()
start_daemon
for _ in 1 2 3 4 5 6; do seen+=("$(take)"); done
stop_daemon
start_daemon
for _ in 1 2 3 4 5 6 7 8 9 10 11; do seen+=("$(take)"); done
stop_daemon
distinct=$(printf '%s\n' "${seen[@]}" | sort -u | wc -l)
if [ "$distinct" -eq 17 ]; then ok "17 stretches across a restart, none twice"; else
  fail "only $distinct distinct stretches in 17 across a restart: ${seen[*]}"
fi

# ---- Outcomes: done, up on one's own, skipped, snoozed, and one left open.
export XDG_STATE_HOME=$tmp/state-outcomes
cat >"$XDG_CONFIG_HOME/unsit/unsit.yaml" <<'YAML'
sit_limit: 3s
break_after: 2s
up_min_break: 1s
remind_every: 1h
snooze: 1h
YAML
start_daemon
# next_reminder N: the user comes back and sits until reminder N shows.
next_reminder() {
  echo active >&3
  wait_for 10 today_is reminders "$1" || fail "reminder $1 never showed"
}
next_reminder 1
"$unsit" done >/dev/null
wait_for 5 today_is done 1 || fail "done not counted"
wait_for 5 today_is breaks 1 || fail "no break after done and up_min_break without input"
next_reminder 2
echo "idle 5" >&3  # walks away while it is on screen
wait_for 5 today_is up_on_own 1 || fail "getting up on one's own not counted"
next_reminder 3
"$unsit" skip >/dev/null
wait_for 5 today_is skipped 1 || fail "skip not counted"
next_reminder 4
"$unsit" snooze >/dev/null
wait_for 5 today_is snoozed 1 || fail "snooze not counted"
"$unsit" done >/dev/null  # no reminder open: a break, but no reminder answered
wait_for 5 today_is breaks 3 || fail "done without a reminder is no break"
today_is done 1 || fail "done without a reminder raised done"
next_reminder 5
live=$("$unsit" --json today)
live_text=$("$unsit" today | head -1)
stop_daemon

fields=(reminders done up_on_own snoozed skipped dismissed open breaks)
figures() { for f in "${fields[@]}"; do printf '%s=%s ' "$f" "$(json_field "$f" <<<"$1")"; done; }
want="reminders=5 done=1 up_on_own=1 snoozed=1 skipped=1 dismissed=0 open=1 breaks=3 "
[ "$(figures "$live")" = "$want" ] && ok "live: $want" || fail "live: $(figures "$live"), wanted $want"
echo "$live_text" | grep -q "5 reminders: 1 done, 1 up on your own, 1 snoozed, 1 skipped, 1 open" \
  && ok "today says: $live_text" || fail "today says: $live_text"
stored=$("$unsit" --json today 2>/dev/null)
[ "$(figures "$stored")" = "$want" ] && ok "daemon stopped: $want" \
  || fail "with the daemon stopped: $(figures "$stored"), wanted $want"
start_daemon
restarted=$("$unsit" --json today)
[ "$(figures "$restarted")" = "$want" ] && ok "after a restart: $want" \
  || fail "after a restart: $(figures "$restarted"), wanted $want"
history=$("$unsit" history --days 1 | head -1)
echo "$history" | grep -q "2/5 reminders heeded" && ok "history: $history" || fail "history: $history"
stop_daemon

# ---- The day start: a time zone in which it is about noon here, days that
# begin at 18:00, so today's history day began yesterday evening and is dated
# yesterday, by the daemon and without it.
export XDG_STATE_HOME=$tmp/state-day-start
printf 'history:\n  day_starts: "18:00"\n' >"$XDG_CONFIG_HOME/unsit/unsit.yaml"
east=$(( (12 - 10#$(date -u +%H) + 24) % 24 ))
export TZ="UNS-$east"  # POSIX: UNS-5 is UTC+5
yesterday=$(date -d "$(date +%F) 12:00 1 day ago" +%F)
dates() { "$py" -c 'import json,sys; print(" ".join(d["date"] for d in json.load(sys.stdin)["days"]))'; }
start_daemon
live_date=$("$unsit" --json today | json_field date | tr -d '"')
live_days=$("$unsit" --json history --days 3 | dates)
stop_daemon
[ "$live_date" = "$yesterday" ] && ok "daemon: today's history day is dated $yesterday" \
  || fail "daemon: today is dated $live_date, wanted $yesterday (days begin at 18:00)"
stored_date=$("$unsit" --json today 2>/dev/null | json_field date | tr -d '"')
stored_days=$("$unsit" --json history --days 3 2>/dev/null | dates)
[ "$stored_date" = "$live_date" ] && ok "daemon stopped: today is dated $stored_date too" \
  || fail "daemon stopped: today is dated $stored_date, the daemon said $live_date"
[ "$stored_days" = "$live_days" ] && ok "daemon stopped: history days $stored_days" \
  || fail "daemon stopped: history days $stored_days, the daemon said $live_days"
unset TZ

if [ "$failures" -ne 0 ]; then
  echo "$failures failed; daemon log:"; tail -40 "$tmp/daemon.log"; exit 1
fi
echo "all passed"
