# Sourced by the benchmarks that time requests to a running daemon.
# start_bench_daemon NAME: a fresh temporary XDG tree in $tmp (NAME names it),
# unsitd ($unsitd) started there with no idle source and logged reminders as
# $daemon, and a wait until `$unsit status` answers (exit 2 if it never does).
# Only that daemon is stopped, and $tmp removed, at exit.
start_bench_daemon() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/unsit-$1.XXXXXX")
  export XDG_RUNTIME_DIR=$tmp/run XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config
  export HOME=$tmp/home
  unset JOURNAL_STREAM NOTIFY_SOCKET DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
  mkdir -p "$XDG_RUNTIME_DIR" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME" "$HOME"
  chmod 0700 "$XDG_RUNTIME_DIR"

  "$unsitd" --idle-backend none --notifier log >"$tmp/unsitd.log" 2>&1 &
  daemon=$!
  trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; rm -rf "$tmp"' EXIT
  for _ in $(seq 100); do "$unsit" status >/dev/null 2>&1 && break; sleep 0.1; done
  "$unsit" status >/dev/null || { cat "$tmp/unsitd.log" >&2; exit 2; }
}
