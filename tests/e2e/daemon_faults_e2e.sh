#!/usr/bin/env bash
# unsitd's exit status when the single-instance lock cannot even be opened (a
# directory where the lock file belongs): a failure (1), not "already running"
# (3, which the unit does not restart and --autostart takes as success).
# Usage: daemon_faults_e2e.sh UNSITD
set -uo pipefail
unsitd=${1:?usage: daemon_faults_e2e.sh UNSITD}
work=$(mktemp -d "${TMPDIR:-/tmp}/unsit-dfault.XXXXXX")
trap 'rm -rf "$work"' EXIT
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
