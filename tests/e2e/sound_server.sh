# shellcheck shell=bash
# Sourced after lib.sh by the tests and benchmarks that play sounds: a real
# sound server on the test's private runtime directory (pipewire,
# wireplumber, pipewire-pulse) whose only output is a null sink. Needs the
# private session bus (start_bus) for wireplumber.

# start_sound_server: sets PULSE_PID (pipewire-pulse, to stop it early) and
# makes the null sink "unsit_test" the default output.
start_sound_server() {
  pipewire >"$WORK/pipewire.log" 2>&1 &
  track "$!"
  wait_for 10 test -S "$XDG_RUNTIME_DIR/pipewire-0" || fail "pipewire did not start"
  wireplumber >"$WORK/wireplumber.log" 2>&1 &
  track "$!"
  pipewire-pulse >"$WORK/pipewire-pulse.log" 2>&1 &
  PULSE_PID=$!
  track "$PULSE_PID"
  wait_for 10 pactl info >/dev/null 2>&1 || fail "pipewire-pulse did not answer"
  pactl load-module module-null-sink sink_name=unsit_test >/dev/null || fail "no null sink"
  pactl set-default-sink unsit_test || fail "the null sink cannot be the default"
}

# thread_count PID: how many threads the process runs.
thread_count() { find "/proc/$1/task" -mindepth 1 -maxdepth 1 | wc -l; }
