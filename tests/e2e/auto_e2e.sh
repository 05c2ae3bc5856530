#!/usr/bin/env bash
# `idle.backend: auto` per environment, through the real daemon: X only -> x11,
# a GNOME session with Mutter on the bus (and DISPLAY) -> mutter, a Wayland
# session whose compositor is gone plus XWayland's DISPLAY -> not x11, nothing ->
# none, with `doctor` saying reminders run on a fixed schedule.
# (sway only -> kde-idle is covered by sway_e2e.sh, only logind -> logind by
# logind_idle_e2e.sh.)
# Usage: auto_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need Xvfb dbus-daemon gdbus
write_config 60s 30s 30s 30s
# No system bus either, so logind (the last resort) is not found on this machine's.
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$WORK/no-system-bus"
start_bus
start_xvfb

expect_backend() {  # expect_backend NAME VAR=VALUE...
  local want=$1
  shift
  start_unsitd auto "$@"
  local got
  got=$(status_field idle_backend)
  stop_unsitd
  [ "$got" = "\"$want\"" ] || fail "with $* auto chose $got, expected $want"
  echo "auto with $*: $want"
}

expect_backend x11 XDG_SESSION_TYPE=x11 XDG_CURRENT_DESKTOP=i3 DISPLAY="$DISPLAY"
expect_backend none XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=sway DISPLAY="$DISPLAY" \
  WAYLAND_DISPLAY="$WORK/no-such-compositor"
if "$PYTHON" -c 'import dbusmock' 2>/dev/null; then
  start_mutter_mock
  expect_backend mutter XDG_SESSION_TYPE=x11 XDG_CURRENT_DESKTOP=GNOME DISPLAY="$DISPLAY"
  kill "$MUTTER_PID"
  wait "$MUTTER_PID" 2>/dev/null
fi

# Nothing at all: no display and no session bus.
start_unsitd auto DBUS_SESSION_BUS_ADDRESS=
[ "$(status_field idle_backend)" = '"none"' ] || fail "auto chose $(status_field idle_backend)"
"$UNSIT" --json doctor >"$WORK/doctor.json" 2>&1 || fail "doctor failed: $(cat "$WORK/doctor.json")"
grep -qi "fixed schedule" "$WORK/doctor.json" ||
  fail "doctor does not mention the fixed schedule: $(cat "$WORK/doctor.json")"
pass
