# shellcheck shell=bash
# Sourced after lib.sh by the Wayland, Mutter, logind and auto-selection
# end-to-end tests: a headless sway run as an unprivileged user, the Mutter and
# logind mocks, and the daemon started with a chosen backend and environment.
MUTTER_TEMPLATE="$E2E_DIR/../platform/mutter_idle_monitor.py"
SWAY_USER=unsit-wl

# start_unsitd BACKEND [VAR=VALUE...]: the daemon with the log notifier (or
# $UNSITD_NOTIFIER), under exactly the display variables given (the others are
# removed).
start_unsitd() {
  local backend=$1
  shift
  # shellcheck disable=SC2034  # read by start_daemon (lib.sh)
  local DAEMON_ENV=(-u DISPLAY -u WAYLAND_DISPLAY -u XDG_SESSION_TYPE -u XDG_CURRENT_DESKTOP
    -u XDG_SESSION_ID "$@")
  start_daemon "$backend" "${UNSITD_NOTIFIER:-log}"
}
stop_unsitd() { stop "$DAEMON_PID"; }

# today_field NAME: one field of `unsit --json today`.
today_field() {
  "$UNSIT" --json today | "$PYTHON" -c '
import json, sys
v = json.load(sys.stdin)
print(json.dumps(v.get("today", v)[sys.argv[1]]))' "$1"
}

# user_dir DIR: $SWAY_USER (created if missing) owns $WORK/DIR, its runtime
# directory, which the daemon (root) can reach.
user_dir() {
  local _
  for _ in 1 2 3 4 5; do  # another test may hold the passwd lock meanwhile
    id "$SWAY_USER" >/dev/null 2>&1 && break
    useradd --system --no-create-home --shell /usr/sbin/nologin "$SWAY_USER" 2>/dev/null || sleep 1
  done
  id "$SWAY_USER" >/dev/null 2>&1 || fail "cannot create the user $SWAY_USER"
  chmod 711 "$WORK"  # the user must reach its own directory below it
  mkdir -p "$WORK/$1"
  chown "$SWAY_USER" "$WORK/$1"
  chmod 700 "$WORK/$1"
}

# Headless sway as $SWAY_USER (sway refuses root), in its own runtime dir that
# the daemon (root) can reach. Sets SWAY_DIR, SWAY_SOCKET, SWAY_PID.
start_sway() {
  user_dir sway
  SWAY_DIR="$WORK/sway"
  # shellcheck disable=SC2016  # expanded by the inner shell
  runuser -u "$SWAY_USER" -- env -i PATH=/usr/bin:/bin HOME="$SWAY_DIR" XDG_RUNTIME_DIR="$SWAY_DIR" \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
    sh -c 'echo $$ >"$XDG_RUNTIME_DIR/sway.pid"; exec sway -c /dev/null' >"$WORK/sway.log" 2>&1 &
  track "$!"
  SWAY_SOCKET=
  for _ in $(seq 100); do
    SWAY_SOCKET=$(find "$SWAY_DIR" -maxdepth 1 -type s -name 'wayland-*' -printf '%f\n' | head -n1)
    [ -n "$SWAY_SOCKET" ] && break
    sleep 0.1
  done
  [ -n "$SWAY_SOCKET" ] || fail "headless sway did not start: $(tail -5 "$WORK/sway.log")"
  SWAY_PID=$(cat "$SWAY_DIR/sway.pid")
  track "$SWAY_PID"
}

# Keyboard input through the virtual keyboard protocol, as the sway user.
sway_type() {
  runuser -u "$SWAY_USER" -- env -i XDG_RUNTIME_DIR="$SWAY_DIR" WAYLAND_DISPLAY="$SWAY_SOCKET" \
    wtype a >/dev/null 2>&1
}
start_sway_activity() {
  (while true; do sway_type; sleep 0.3; done) &
  ACTIVITY_PID=$!
  track "$ACTIVITY_PID"
}

# The programs the python-dbusmock stand-ins need (exit 77 without them).
need_dbusmock() {
  need dbus-daemon gdbus
  need_python_module dbusmock
}

# The Mutter IdleMonitor mock on the current session bus.
start_mutter_mock() {
  "$PYTHON" -m dbusmock --template "$MUTTER_TEMPLATE" >"$WORK/mutter.log" 2>&1 &
  MUTTER_PID=$!
  track "$MUTTER_PID"
  wait_for 10 gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetNameOwner org.gnome.Mutter.IdleMonitor >/dev/null 2>&1 ||
    fail "the Mutter mock did not start"
}
mutter() {  # mutter METHOD [ARGS...]: a call on the mock
  local method=$1
  shift
  gdbus call --session --dest org.gnome.Mutter.IdleMonitor \
    --object-path /org/gnome/Mutter/IdleMonitor/Core --method "org.gnome.Mutter.IdleMonitor.$method" \
    "$@" >/dev/null
}
mutter_calls() {
  gdbus call --session --dest org.gnome.Mutter.IdleMonitor \
    --object-path /org/gnome/Mutter/IdleMonitor/Core --method org.freedesktop.DBus.Mock.GetCalls
}

# A second private bus used as the system bus, with the logind mock and one
# session of this user. Sets DBUS_SYSTEM_BUS_ADDRESS.
start_logind_mock() {
  open_bus system
  export DBUS_SYSTEM_BUS_ADDRESS="$BUS_ADDRESS"
  "$PYTHON" -m dbusmock --system --template logind >"$WORK/logind.log" 2>&1 &
  track "$!"
  wait_for 10 logind_call /org/freedesktop/login1 org.freedesktop.DBus.Mock.AddSession \
    c1 seat0 "$(id -u)" "$(id -un)" true || fail "the logind mock did not start"
}
logind_call() {  # logind_call PATH INTERFACE.METHOD [ARGS...]
  local path=$1 method=$2
  shift 2
  gdbus call --address "$DBUS_SYSTEM_BUS_ADDRESS" --dest org.freedesktop.login1 \
    --object-path "$path" --method "$method" "$@" >/dev/null 2>&1
}

# mutter_called METHOD [MIN]: the mock has recorded METHOD at least MIN times (1).
mutter_called() { [ "$(mutter_calls | grep -o "'$1'" | wc -l)" -ge "${2:-1}" ]; }
