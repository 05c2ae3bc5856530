#!/usr/bin/env bash
# What lasts across restarts, with the real unsitd and unsit:
# - the stretch rotation: a daemon restarted part-way through meets every
#   entry of its places and kinds once before any repeats;
# - today's reminder outcomes: every reminder ends in exactly one outcome, the
#   parts add up to the whole, and the live figures, the figures read from the
#   database with the daemon stopped, and those after a restart all agree;
# - history.day_starts: with the daemon stopped, `today` and `history` split
#   the days where the daemon split them, not at local midnight.
# Input comes from the `test` idle backend (a FIFO); reminders go to the log.
# Usage: restart_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need "$PYTHON"
mkdir -p "$XDG_CONFIG_HOME/unsit"
export UNSIT_TEST_IDLE=$WORK/idle
mkfifo "$UNSIT_TEST_IDLE"
exec 3<>"$UNSIT_TEST_IDLE"  # held open: every line written is one report

ok() { echo "ok: $*"; }
stop_daemon() { stop "$DAEMON_PID"; }

today_is() { [ "$("$UNSIT" --json today 2>/dev/null | json_field "$1")" = "$2" ]; }

# ---- The rotation: 6 stretches, a restart, then the other 11 of 17.
export XDG_STATE_HOME=$WORK/state-rotation
cat >"$XDG_CONFIG_HOME/unsit/unsit.yaml" <<'YAML'
stretches:
  places: [standing, desk, floor]
  kinds: [stretch, strength, release, walk, posture]
YAML
take() { "$UNSIT" --json stretch | json_field id; }
seen=()
start_daemon test log
for _ in 1 2 3 4 5 6; do seen+=("$(take)"); done
stop_daemon
start_daemon test log
for _ in 1 2 3 4 5 6 7 8 9 10 11; do seen+=("$(take)"); done
stop_daemon
distinct=$(printf '%s\n' "${seen[@]}" | sort -u | wc -l)
if [ "$distinct" -eq 17 ]; then ok "17 stretches across a restart, none twice"; else
  fail "only $distinct distinct stretches in 17 across a restart: ${seen[*]}"
fi

# ---- Outcomes: done, up on one's own, skipped, snoozed, and one left open.
export XDG_STATE_HOME=$WORK/state-outcomes
cat >"$XDG_CONFIG_HOME/unsit/unsit.yaml" <<'YAML'
sit_limit: 3s
break_after: 2s
up_min_break: 1s
remind_every: 1h
snooze: 1h
YAML
start_daemon test log
# next_reminder N: the user comes back and sits until reminder N shows.
next_reminder() {
  echo active >&3
  wait_for 10 today_is reminders "$1" || fail "reminder $1 never showed"
}
next_reminder 1
"$UNSIT" "done" >/dev/null
wait_for 5 today_is "done" 1 || fail "done not counted"
wait_for 5 today_is breaks 1 || fail "no break after done and up_min_break without input"
next_reminder 2
echo "idle 5" >&3  # walks away while it is on screen
wait_for 5 today_is up_on_own 1 || fail "getting up on one's own not counted"
next_reminder 3
"$UNSIT" skip >/dev/null
wait_for 5 today_is skipped 1 || fail "skip not counted"
next_reminder 4
"$UNSIT" snooze >/dev/null
wait_for 5 today_is snoozed 1 || fail "snooze not counted"
"$UNSIT" "done" >/dev/null  # no reminder open: a break, but no reminder answered
wait_for 5 today_is breaks 3 || fail "done without a reminder is no break"
today_is "done" 1 || fail "done without a reminder raised done"
next_reminder 5
live=$("$UNSIT" --json today)
live_text=$("$UNSIT" today | head -1)
stop_daemon

fields=(reminders "done" up_on_own snoozed skipped dismissed open breaks)
figures() { for f in "${fields[@]}"; do printf '%s=%s ' "$f" "$(json_field "$f" <<<"$1")"; done; }
want="reminders=5 done=1 up_on_own=1 snoozed=1 skipped=1 dismissed=0 open=1 breaks=3 "
[ "$(figures "$live")" = "$want" ] || fail "live: $(figures "$live"), wanted $want"
ok "live: $want"
echo "$live_text" | grep -q "5 reminders: 1 done, 1 up on your own, 1 snoozed, 1 skipped, 1 open" ||
  fail "today says: $live_text"
ok "today says: $live_text"
stored=$("$UNSIT" --json today 2>/dev/null)
[ "$(figures "$stored")" = "$want" ] || fail "with the daemon stopped: $(figures "$stored"), wanted $want"
ok "daemon stopped: $want"
start_daemon test log
restarted=$("$UNSIT" --json today)
[ "$(figures "$restarted")" = "$want" ] || fail "after a restart: $(figures "$restarted"), wanted $want"
ok "after a restart: $want"
history=$("$UNSIT" history --days 1 | head -1)
echo "$history" | grep -q "2/5 reminders heeded" || fail "history: $history"
ok "history: $history"
stop_daemon

# ---- The day start: a time zone in which it is about noon here, days that
# begin at 18:00, so today's history day began yesterday evening and is dated
# yesterday, by the daemon and without it.
export XDG_STATE_HOME=$WORK/state-day-start
printf 'history:\n  day_starts: "18:00"\n' >"$XDG_CONFIG_HOME/unsit/unsit.yaml"
east=$(((12 - 10#$(date -u +%H) + 24) % 24))
export TZ="UNS-$east" # POSIX: UNS-5 is UTC+5
yesterday=$(date -d "$(date +%F) 12:00 1 day ago" +%F)
dates() { "$PYTHON" -c 'import json,sys; print(" ".join(d["date"] for d in json.load(sys.stdin)["days"]))'; }
start_daemon test log
live_date=$("$UNSIT" --json today | json_field date | tr -d '"')
live_days=$("$UNSIT" --json history --days 3 | dates)
stop_daemon
[ "$live_date" = "$yesterday" ] || fail "daemon: today is dated $live_date, wanted $yesterday (days begin at 18:00)"
ok "daemon: today's history day is dated $yesterday"
stored_date=$("$UNSIT" --json today 2>/dev/null | json_field date | tr -d '"')
stored_days=$("$UNSIT" --json history --days 3 2>/dev/null | dates)
[ "$stored_date" = "$live_date" ] || fail "daemon stopped: today is dated $stored_date, the daemon said $live_date"
ok "daemon stopped: today is dated $stored_date too"
[ "$stored_days" = "$live_days" ] || fail "daemon stopped: history days $stored_days, the daemon said $live_days"
ok "daemon stopped: history days $stored_days"
unset TZ
pass
