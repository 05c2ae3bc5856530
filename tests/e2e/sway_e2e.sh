#!/usr/bin/env bash
# The daemon on a real headless sway (org_kde_kwin_idle), chosen by `auto`, with
# input from wtype: a reminder after sit_limit, a break after break_after that
# withdraws it and is counted, sitting again at the next input, and the
# compositor exiting leaves the daemon running and saying so.
# Usage: sway_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need sway wtype runuser dbus-daemon
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run sway as another user"; exit 77; }

start_bus  # no Mutter on it: auto must pass over mutter to kde-idle
start_sway
write_config 6s 2s 3s 3s
start_sway_activity
sleep 0.5
start=$(now_ms)
start_unsitd auto XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=sway \
  WAYLAND_DISPLAY="$SWAY_DIR/$SWAY_SOCKET"
[ "$(status_field idle_backend)" = '"kde-idle"' ] ||
  fail "auto chose $(status_field idle_backend), expected kde-idle"
"$UNSIT" doctor >"$WORK/doctor" 2>&1 || fail "unsit doctor failed"
{ grep -q "^compositor: sway (pid [0-9]*), version not read$" "$WORK/doctor" &&
  grep -q "^idle backend: kde-idle (org_kde_kwin_idle version 1)$" "$WORK/doctor"; } ||
  fail "doctor does not name sway and org_kde_kwin_idle: $(cat "$WORK/doctor")"

wait_for 12 field_is reminder_open true || fail "no reminder"
elapsed=$(($(now_ms) - start))
echo "reminder after ${elapsed} ms (sit_limit 6 s)"
{ [ "$elapsed" -le 8500 ] && [ "$elapsed" -ge 5000 ]; } || fail "reminder at ${elapsed} ms"

breaks_before=$(today_field breaks)
expect_break 4500

sway_type
wait_for 8 field_is state '"sitting"' || fail "input did not end the break"
breaks_after=$(today_field breaks)
echo "breaks today: ${breaks_before} -> ${breaks_after}"
[ "$breaks_after" -gt "$breaks_before" ] || fail "the break was not counted"

# The compositor exits: the daemon keeps running and says so.
kill "$SWAY_PID"
sleep 1
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died with the compositor"
"$UNSIT" status >/dev/null || fail "unsitd stopped answering after the compositor exited"
"$UNSIT" doctor >"$WORK/doctor" 2>&1
grep -qi "kde-idle\|compositor\|wayland" "$WORK/doctor" ||
  fail "doctor does not say the compositor went away: $(cat "$WORK/doctor")"
pass
