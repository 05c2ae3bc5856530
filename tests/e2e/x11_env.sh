# Sourced by the X11 / notification end-to-end tests, the demo and the footprint
# benchmark. Starts private helpers (Xvfb on a display it picks, a session bus,
# dunst, the daemon), remembers each PID and stops only those at exit.
# Needs: BUILD (the build directory). Sets: DISPLAY, DBUS_SESSION_BUS_ADDRESS,
# XDG_* under a fresh temporary directory, UNSITD, UNSIT.

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON=/usr/bin/python3
UNSITD="$BUILD/daemon/unsitd"
UNSIT="$BUILD/cli/unsit"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/unsit-e2e.XXXXXX")"
PIDS=()
export XDG_RUNTIME_DIR="$WORK/run" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"

cleanup() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# Exit 77 (ctest's skip) when a program is missing.
need() {
  local p
  for p in "$@"; do
    command -v "$p" >/dev/null 2>&1 || { echo "SKIP: $p is not installed"; exit 77; }
  done
}

fail() { echo "FAIL: $*" >&2; [ -f "$WORK/unsitd.log" ] && tail -30 "$WORK/unsitd.log" >&2; exit 1; }

start_xvfb() {
  exec 5>"$WORK/display"
  Xvfb -displayfd 5 -noreset -nolisten tcp -screen 0 1280x800x24 >/dev/null 2>&1 &
  XVFB_PID=$!
  PIDS+=("$XVFB_PID")
  exec 5>&-
  for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  [ -s "$WORK/display" ] || fail "Xvfb did not start"
  export DISPLAY=":$(head -n1 "$WORK/display")"
}

# A session bus with no service directories: nothing is started by D-Bus
# activation (a stray dunst would hide "no notification server").
start_bus() {
  cat >"$WORK/bus.conf" <<CONF
<busconfig><type>session</type><listen>unix:dir=$WORK</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/>
<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
CONF
  dbus-daemon --config-file="$WORK/bus.conf" --fork --print-address=1 --print-pid=1 >"$WORK/bus"
  export DBUS_SESSION_BUS_ADDRESS="$(sed -n 1p "$WORK/bus")"
  PIDS+=("$(sed -n 2p "$WORK/bus")")
}

start_dunst() {
  PATH="$E2E_DIR:$PATH" dunst -config "$E2E_DIR/dunstrc" >"$WORK/dunst.log" 2>&1 &
  DUNST_PID=$!
  PIDS+=("$DUNST_PID")
  for _ in $(seq 50); do dunstctl is-paused >/dev/null 2>&1 && return 0; sleep 0.1; done
  fail "dunst did not start"
}

# write_config SIT BREAK REMIND SNOOZE [UP_MIN_BREAK]: second-scale durations.
write_config() {
  cat >"$WORK/unsit.yaml" <<CFG
sit_limit: $1
break_after: $2
remind_every: $3
snooze: $4
up_min_break: ${5:-1m}
CFG
}

start_daemon() {  # start_daemon NOTIFIER
  "$UNSITD" --config "$WORK/unsit.yaml" --idle-backend x11 --notifier "$1" --log-level debug \
    >"$WORK/unsitd.log" 2>&1 &
  DAEMON_PID=$!
  PIDS+=("$DAEMON_PID")
  for _ in $(seq 50); do "$UNSIT" status >/dev/null 2>&1 && return 0; sleep 0.1; done
  fail "unsitd did not answer"
}

# Keeps the mouse moving in the background until stop_activity.
start_activity() {
  (while true; do xdotool mousemove_relative -- 2 1 >/dev/null 2>&1; sleep 0.3; done) &
  ACTIVITY_PID=$!
  PIDS+=("$ACTIVITY_PID")
}
stop_activity() { kill "$ACTIVITY_PID" 2>/dev/null; wait "$ACTIVITY_PID" 2>/dev/null || true; }

# dunst shows at least one notification (for wait_for).
displayed_some() { [ "$(dunstctl count displayed)" -ge 1 ]; }

# json FIELD.PATH: one field of `unsit --json status`.
status_field() {
  "$UNSIT" --json status | "$PYTHON" -c '
import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v[k]
print(json.dumps(v))' "$1"
}

# field_is FIELD JSON: `unsit --json status` has FIELD equal to JSON (for wait_for).
field_is() { [ "$(status_field "$1")" = "$2" ]; }

# wait_for SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds.
wait_for() {
  local limit=$1 i
  shift
  for ((i = 0; i < limit * 10; i++)); do "$@" && return 0; sleep 0.1; done
  return 1
}
now_ms() { date +%s%3N; }
