#!/usr/bin/env bash
# unsitd's exit status when the single-instance lock cannot even be opened (a
# directory where the lock file belongs): a failure (1), not "already running"
# (3, which the unit does not restart and --autostart takes as success). Then a
# running daemon given hostile config files (a lone comma, which yaml-cpp 0.7's
# document loop never leaves; aliases that expand to 2^41 values) on `unsit
# reload` and on SIGHUP: refused with FILE:LINE:COLUMN, the config in force
# kept, the daemon running.
# Usage: daemon_faults_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need "$PYTHON" timeout
DAEMON_LOG_LEVEL=info  # the level a user runs at: the log is checked line by line
mkdir -m 700 "$XDG_RUNTIME_DIR/unsit"
mkdir "$XDG_RUNTIME_DIR/unsit/unsitd.lock"

timeout 10 "$UNSITD" --idle-backend none --notifier log >"$WORK/log" 2>&1; rc=$?
[ "$rc" = 1 ] || fail "lock file cannot be opened: exit $rc, expected 1: $(cat "$WORK/log")"
grep -q "Cannot open" "$WORK/log" || fail "no reason given: $(cat "$WORK/log")"
timeout 10 "$UNSITD" --autostart --idle-backend none --notifier log >"$WORK/log" 2>&1; rc=$?
[ "$rc" = 1 ] || fail "--autostart took an unopenable lock file for a running daemon (exit $rc)"
echo "unopenable lock file: exit 1 with the reason, also under --autostart"

rmdir "$XDG_RUNTIME_DIR/unsit/unsitd.lock"
config="$WORK/unsit.yaml"
printf 'sit_limit: 45m\n' >"$config"
start_daemon none log
"$PYTHON" -c "
t = 'a0: &a0 [x, x]\\n'
for i in range(1, 41): t += f'a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\\n'
open('$WORK/aliases.yaml', 'w').write(t + 'stretches:\\n  extra: *a40\\n')"
printf ',' >"$WORK/comma.yaml"
for hostile in comma aliases; do
  cp "$WORK/$hostile.yaml" "$config"
  out=$(timeout 10 "$UNSIT" reload 2>&1); rc=$?
  [ "$rc" = 1 ] || fail "$hostile: unsit reload exit $rc: $out"
  case "$out" in "unsit: $config:"[0-9]*:[0-9]*": "*) ;; *) fail "$hostile: not FILE:LINE:COLUMN: $out" ;; esac
  kill -HUP "$DAEMON_PID"
  sleep 0.3
  kill -0 "$DAEMON_PID" 2>/dev/null || fail "$hostile: the daemon died on reload: $(tail -5 "$WORK/unsitd.log")"
  seconds=$("$UNSIT" --json status | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["sit_limit_seconds"])')
  [ "$seconds" = 2700 ] || fail "$hostile: the config in force changed ($seconds s)"
done
[ "$(grep -c 'the config in force stays' "$WORK/unsitd.log")" = 4 ] || fail "reloads not logged: $(cat "$WORK/unsitd.log")"
echo "hostile config on reload and SIGHUP: refused with a position, config kept, daemon running"
