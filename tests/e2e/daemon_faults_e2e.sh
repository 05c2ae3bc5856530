#!/usr/bin/env bash
# unsitd's exit status when the single-instance lock cannot even be opened (a
# directory where the lock file belongs): a failure (1), not "already running"
# (3, which the unit does not restart and --autostart takes as success). Then a
# running daemon given hostile config files (a lone comma, which yaml-cpp 0.7's
# document loop never leaves; aliases that expand to 2^41 values) on `unsit
# reload` and on SIGHUP: refused with FILE:LINE:COLUMN, the config in force
# kept, the daemon running.
# Usage: daemon_faults_e2e.sh UNSITD UNSIT
set -uo pipefail
unsitd=${1:?usage: daemon_faults_e2e.sh UNSITD UNSIT}
unsit=${2:?usage: daemon_faults_e2e.sh UNSITD UNSIT}
work=$(mktemp -d "${TMPDIR:-/tmp}/unsit-dfault.XXXXXX")
daemon=""
trap '[ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon"; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export XDG_RUNTIME_DIR="$work/run" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
export HOME="$work/home"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS NOTIFY_SOCKET JOURNAL_STREAM
mkdir -p -m 700 "$XDG_RUNTIME_DIR/unsit" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME" "$HOME"
mkdir "$XDG_RUNTIME_DIR/unsit/unsitd.lock"

timeout 10 "$unsitd" --idle-backend none --notifier log >"$work/log" 2>&1; rc=$?
[ "$rc" = 1 ] || fail "lock file cannot be opened: exit $rc, expected 1: $(cat "$work/log")"
grep -q "Cannot open" "$work/log" || fail "no reason given: $(cat "$work/log")"
timeout 10 "$unsitd" --autostart --idle-backend none --notifier log >"$work/log" 2>&1; rc=$?
[ "$rc" = 1 ] || fail "--autostart took an unopenable lock file for a running daemon (exit $rc)"
echo "unopenable lock file: exit 1 with the reason, also under --autostart"

rmdir "$XDG_RUNTIME_DIR/unsit/unsitd.lock"
config="$work/unsit.yaml"
printf 'sit_limit: 45m\n' >"$config"
"$unsitd" --config "$config" --idle-backend none --notifier log >"$work/log" 2>&1 &
daemon=$!
for _ in $(seq 50); do "$unsit" status >/dev/null 2>&1 && break; sleep 0.1; done
"$unsit" status >/dev/null || fail "unsitd did not answer: $(cat "$work/log")"
python3 -c "
t = 'a0: &a0 [x, x]\\n'
for i in range(1, 41): t += f'a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\\n'
open('$work/aliases.yaml', 'w').write(t + 'stretches:\\n  extra: *a40\\n')"
printf ',' >"$work/comma.yaml"
for hostile in comma aliases; do
  cp "$work/$hostile.yaml" "$config"
  out=$(timeout 10 "$unsit" reload 2>&1); rc=$?
  [ "$rc" = 1 ] || fail "$hostile: unsit reload exit $rc: $out"
  case "$out" in "unsit: $config:"[0-9]*:[0-9]*": "*) ;; *) fail "$hostile: not FILE:LINE:COLUMN: $out" ;; esac
  kill -HUP "$daemon"
  sleep 0.3
  kill -0 "$daemon" 2>/dev/null || fail "$hostile: the daemon died on reload: $(tail -5 "$work/log")"
  seconds=$("$unsit" --json status | python3 -c 'import json, sys; print(json.load(sys.stdin)["sit_limit_seconds"])')
  [ "$seconds" = 2700 ] || fail "$hostile: the config in force changed ($seconds s)"
done
[ "$(grep -c 'the config in force stays' "$work/log")" = 4 ] || fail "reloads not logged: $(cat "$work/log")"
echo "hostile config on reload and SIGHUP: refused with a position, config kept, daemon running"
