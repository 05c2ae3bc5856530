# shellcheck shell=bash
# The one harness every end-to-end script (and the demo and the benchmarks that
# drive the daemon) sources. A script looks like this:
#
#   #!/usr/bin/env bash
#   # What it shows, in a sentence or two.
#   # Usage: NAME_e2e.sh BUILD_DIR
#   set -uo pipefail
#   source "$(dirname "$0")/lib.sh"
#   e2e_init "$@"                  # BUILD_DIR: the CMake build directory
#   need Xvfb dbus-daemon          # exit 77 (ctest's skip) if one is missing
#   start_xvfb; start_bus          # private servers, stopped again at exit
#   write_config 6s 2s 3s 3s
#   start_daemon x11 log
#   wait_for 10 field_is reminder_open true || fail "no reminder"
#   pass
#
# and is registered in tests/e2e/CMakeLists.txt with one line,
# `unsit_e2e_test(NAME_e2e TIMEOUT_SECONDS "e2e;AREA")`.
#
# The rules it keeps:
# - e2e_init BUILD_DIR (other arguments are the script's own): BUILD_DIR must
#   be a directory (usage error, exit 2, otherwise); UNSITD and UNSIT are its
#   daemon and CLI, and the test is skipped (77) if they are not built
#   (need_built FILE... does the same for other files). WORK is a fresh
#   directory, removed at exit (kept when KEEP_WORK is set); HOME and the XDG
#   runtime (0700), state and config directories are under it, and the
#   caller's display, bus and service-manager variables are removed, so a test
#   sees only the servers it starts. The locale variables are removed too (the
#   messages are English); UNSIT_LOCALEDIR names the build tree's catalogues.
# - Every background process goes through `track PID`; at exit they are stopped
#   (SIGTERM, then waited for), newest first, and nothing else is touched.
#   `stop PID` stops one of them early; `untrack PID` forgets one the script
#   reaped itself; `at_exit FUNCTION` runs more clean-up first. No fixed display
#   number or socket path.
# - fail MESSAGE: the first failure ends the test (exit 1), after the tail of
#   the daemon's log ($WORK/unsitd.log). pass: "PASS", exit 0.
# - wait_for SECONDS COMMAND...: re-runs COMMAND every 0.1 s until it succeeds
#   (give it a function, not a "$(...)" that would be evaluated once).
# - field_is FIELD JSON: `unsit --json status` has FIELD (dots for nesting)
#   equal to JSON; status_field FIELD prints it; json_field FIELD reads stdin.

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON=/usr/bin/python3
PIDS=()
AT_EXIT=()
DAEMON_ENV=()  # read by start_daemon
export E2E_STATUS=0  # read by at_exit functions

e2e_init() {
  if [ $# -lt 1 ] || [ ! -d "$1" ]; then
    echo "usage: $(basename "$0") BUILD_DIR (got '${1:-}')" >&2
    exit 2
  fi
  BUILD="$(cd "$1" && pwd)"
  UNSITD="$BUILD/daemon/unsitd"
  UNSIT="$BUILD/cli/unsit"
  need_built "$UNSITD" "$UNSIT"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/unsit-e2e.XXXXXX")"
  trap e2e_cleanup EXIT
  export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run" XDG_STATE_HOME="$WORK/state" \
    XDG_CONFIG_HOME="$WORK/config"
  unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS NOTIFY_SOCKET JOURNAL_STREAM
  # English unless a test names a locale (LANG=...); then the build tree's catalogues.
  unset LANG LANGUAGE LC_ALL LC_MESSAGES
  export UNSIT_LOCALEDIR="$BUILD/locale"
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME"
  chmod 700 "$XDG_RUNTIME_DIR"
}

# at_exit FUNCTION: runs FUNCTION at exit, before the tracked processes are
# stopped (newest first); E2E_STATUS holds the script's exit status then.
at_exit() { AT_EXIT+=("$1"); }

e2e_cleanup() {
  E2E_STATUS=$?
  local i
  for ((i = ${#AT_EXIT[@]} - 1; i >= 0; i--)); do "${AT_EXIT[$i]}"; done
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}

track() { PIDS+=("$@"); }
# untrack PID: forget a PID the script has stopped and reaped itself, so that
# cleanup never signals a process that later got the same number.
untrack() {
  local i
  for i in "${!PIDS[@]}"; do
    if [ "${PIDS[$i]}" = "$1" ]; then unset 'PIDS[i]'; fi
  done
  PIDS=("${PIDS[@]}")
}
stop() {  # stop PID: SIGTERM, wait, untrack
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  untrack "$1"
}

need() {
  local p
  for p in "$@"; do
    command -v "$p" >/dev/null 2>&1 || { echo "SKIP: $p is not installed"; exit 77; }
  done
}
need_built() {  # need_built FILE...: exit 77 unless each FILE of the build exists
  local f
  for f in "$@"; do
    [ -e "$f" ] || { echo "SKIP: $f is not built"; exit 77; }
  done
}
need_python_module() {
  "$PYTHON" -c "import $1" 2>/dev/null || { echo "SKIP: python3 module $1 is missing"; exit 77; }
}

fail() {
  echo "FAIL: $*" >&2
  if [ -s "$WORK/unsitd.log" ]; then tail -30 "$WORK/unsitd.log" | sed 's/^/  unsitd: /' >&2; fi
  exit 1
}
pass() {
  echo "PASS"
  exit 0
}

# wait_for SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds
# (status 0) or SECONDS of wall time have passed (status 1). Bounded by the
# clock, not by a count of tries, so a COMMAND that itself blocks (a D-Bus call
# to a stuck server) cannot stretch the wait to a test's timeout.
wait_for() {
  local deadline=$(($(now_ms) + $1 * 1000))
  shift
  while true; do
    "$@" && return 0
    [ "$(now_ms)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
now_ms() { date +%s%3N; }

json_field() {
  "$PYTHON" -c '
import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v[k]
print(json.dumps(v))' "$1"
}
status_field() { "$UNSIT" --json status | json_field "$1"; }
field_is() { [ "$(status_field "$1")" = "$2" ]; }

# expect_break LIMIT_MS: stops the activity; a break must begin within
# LIMIT_MS of the last input and withdraw the reminder. Sets LAST_INPUT (ms).
expect_break() {
  local detected
  stop_activity
  LAST_INPUT=$(now_ms)
  wait_for 8 field_is state '"away"' || fail "no break after break_after"
  detected=$(($(now_ms) - LAST_INPUT))
  echo "break detected ${detected} ms after the last input"
  [ "$detected" -le "$1" ] || fail "break detected late (${detected} ms)"
  [ "$(status_field reminder_open)" = false ] || fail "reminder not withdrawn by the break"
}

# doctor_says WHAT PATTERN...: `unsit doctor` succeeds and has a line matching
# each grep PATTERN; WHAT names them in the failure.
doctor_says() {
  local what=$1 pattern
  shift
  "$UNSIT" doctor >"$WORK/doctor" 2>&1 || fail "unsit doctor failed"
  for pattern in "$@"; do
    grep -q -- "$pattern" "$WORK/doctor" || fail "doctor does not name $what ($pattern): $(cat "$WORK/doctor")"
  done
}

# write_config SIT BREAK REMIND SNOOZE [UP_MIN_BREAK]: $WORK/unsit.yaml with
# second-scale durations.
write_config() {
  cat >"$WORK/unsit.yaml" <<CFG
sit_limit: $1
break_after: $2
remind_every: $3
snooze: $4
up_min_break: ${5:-1m}
CFG
}

# write_hold_config REASON: a reminder due after 4 s of sitting (then once an
# hour), held while REASON (dnd, call, screencast, fullscreen) holds and shown
# 2 s after it clears.
write_hold_config() {
  write_config 4s 2s 1h 1m
  printf 'hold:\n  for: [%s]\n  settle: 2s\n' "$1" >>"$WORK/unsit.yaml"
}

# need_indicator: exit 77 unless the running unsitd was built with the panel
# indicator (libdbusmenu-glib).
# watcher_up: a StatusNotifierWatcher answers on the session bus (for wait_for).
watcher_up() {
  gdbus call --session --dest org.kde.StatusNotifierWatcher --object-path /StatusNotifierWatcher \
    --method org.freedesktop.DBus.Peer.Ping >/dev/null 2>&1
}

need_indicator() {
  if "$UNSIT" doctor 2>/dev/null | grep -q "^indicator: not built"; then
    echo "SKIP: unsitd was built without the panel indicator (libdbusmenu-glib)"
    exit 77
  fi
}

# start_daemon BACKEND NOTIFIER [ARG...]: unsitd on $WORK/unsit.yaml (if there
# is one), logging at $DAEMON_LOG_LEVEL (debug unless set) to $WORK/unsitd.log,
# under `env "${DAEMON_ENV[@]}"` (e.g. -u DISPLAY VAR=VALUE); sets DAEMON_PID
# once it answers.
start_daemon() {
  local backend=$1 notifier=$2 config_args=()
  shift 2
  if [ -f "$WORK/unsit.yaml" ]; then config_args=(--config "$WORK/unsit.yaml"); fi
  env "${DAEMON_ENV[@]}" "$UNSITD" "${config_args[@]}" --idle-backend "$backend" --notifier "$notifier" \
    --log-level "${DAEMON_LOG_LEVEL:-debug}" "$@" >>"$WORK/unsitd.log" 2>&1 &
  DAEMON_PID=$!
  track "$DAEMON_PID"
  wait_for 10 "$UNSIT" status >/dev/null 2>&1 || fail "unsitd did not answer"
}

# ---- Private servers.

start_xvfb() {  # sets DISPLAY and XVFB_PID
  exec 5>"$WORK/display"
  Xvfb -displayfd 5 -noreset -nolisten tcp -screen 0 1280x800x24 >/dev/null 2>&1 &
  XVFB_PID=$!
  track "$XVFB_PID"
  exec 5>&-
  wait_for 10 test -s "$WORK/display" || fail "Xvfb did not start"
  DISPLAY=":$(head -n1 "$WORK/display")"
  export DISPLAY
}

# open_bus NAME [LISTEN]: a private dbus-daemon (session type, no service
# directories, so nothing is started by D-Bus activation; open to every user,
# for helpers run as another one) listening in $WORK or at LISTEN (a D-Bus
# address, e.g. unix:path=...). Sets BUS_ADDRESS and BUS_PID.
open_bus() {
  cat >"$WORK/$1.conf" <<CONF
<busconfig><type>session</type><listen>${2:-unix:dir=$WORK}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow send_destination="*" eavesdrop="true"/>
<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
CONF
  dbus-daemon --config-file="$WORK/$1.conf" --fork --print-address=1 --print-pid=1 >"$WORK/$1.bus" ||
    fail "dbus-daemon $1 did not start"
  BUS_ADDRESS=$(sed -n 1p "$WORK/$1.bus")
  BUS_PID=$(sed -n 2p "$WORK/$1.bus")
  track "$BUS_PID"
}
# start_bus: the session bus of this test (DBUS_SESSION_BUS_ADDRESS).
start_bus() {
  open_bus session
  export DBUS_SESSION_BUS_ADDRESS="$BUS_ADDRESS"
}

# start_dunst: dunst on DISPLAY and the session bus, with $DUNSTRC
# (tests/e2e/dunstrc unless set); sets DUNST_PID once it answers.
start_dunst() {
  PATH="$E2E_DIR:$PATH" dunst -config "${DUNSTRC:-$E2E_DIR/dunstrc}" >"$WORK/dunst.log" 2>&1 &
  DUNST_PID=$!
  track "$DUNST_PID"
  wait_for 5 dunstctl is-paused >/dev/null 2>&1 || fail "dunst did not start"
}
# start_dunst_desktop: what the notification tests run on: a private Xvfb, a
# session bus and dunst.
start_dunst_desktop() {
  need Xvfb xdotool dbus-daemon dunst dunstctl
  start_xvfb
  start_bus
  start_dunst
}
# dunst shows at least one notification (for wait_for).
displayed_some() { [ "$(dunstctl count displayed)" -ge 1 ]; }
# shoot_reminder FILE: waits for a notification on dunst, lets it draw, and
# saves a screenshot of the display as FILE (PNG) for a person to look at.
shoot_reminder() {
  wait_for 10 displayed_some || fail "no reminder on screen"
  sleep 1  # let dunst draw it
  xwd -root -display "$DISPLAY" | convert xwd:- "$1" || fail "no screenshot"
  echo "screenshot: $1"
}

# Keeps the X pointer moving in the background until stop_activity.
start_activity() {
  (while true; do
    xdotool mousemove_relative -- 2 1 >/dev/null 2>&1
    sleep 0.3
  done) &
  ACTIVITY_PID=$!
  track "$ACTIVITY_PID"
}
stop_activity() { stop "$ACTIVITY_PID"; }
