#!/usr/bin/env bash
# A call holds the reminder, against the real daemon and a real PipeWire:
# pipewire and wireplumber run on the test's private runtime directory, a
# virtual microphone node stands in for a device, and pw-record's capture
# stream reaching the running state is the call. The daemon connects to
# PipeWire only while a reminder is due, and a call already running when it
# falls due holds it. When the call ends the reminder shows after
# hold.settle, saying the call is over; PipeWire stopping leaves nothing held.
# Usage: hold_call_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need dbus-daemon pipewire wireplumber pw-cli pw-record

start_bus
pipewire >"$WORK/pipewire.log" 2>&1 &
PIPEWIRE_PID=$!
track "$PIPEWIRE_PID"
wait_for 10 test -S "$XDG_RUNTIME_DIR/pipewire-0" || fail "pipewire did not start"
wireplumber >"$WORK/wireplumber.log" 2>&1 &
track "$!"
mic_made() {
  pw-cli create-node adapter '{ factory.name=support.null-audio-sink node.name=test-mic
    media.class=Audio/Source/Virtual audio.position=[MONO] object.linger=true }' >/dev/null 2>&1
}
wait_for 10 mic_made || fail "could not make the virtual microphone"

write_hold_config call
# The call is running before the reminder falls due: the daemon connects to
# PipeWire only then, and reads the call before it shows anything.
# Under load pw-record takes a while to link: the call must be running first.
recording_runs() {
  pw-dump 2>/dev/null | "$PYTHON" -c '
import json, sys
for o in json.load(sys.stdin):
    info = o.get("info") or {}
    if (info.get("props") or {}).get("media.class") == "Stream/Input/Audio" \
            and info.get("state") == "running":
        sys.exit(0)
sys.exit(1)'
}
# Now and then, under load, the stream is never linked: it gets another start.
start_recording() {
  pw-record /dev/null >"$WORK/record.log" 2>&1 &
  RECORD_PID=$!
  track "$RECORD_PID"
  wait_for 10 recording_runs && return 0
  kill "$RECORD_PID"
  wait "$RECORD_PID" 2>/dev/null
  return 1
}
start_recording || start_recording || start_recording ||
  fail "pw-record's capture stream did not start running in three tries"
# `none`: no idle source, so the user counts as present and the reminder falls due.
start_unsitd none

doctor_says "PipeWire as watched on demand" \
  '^  \* pipewire: watching .*; connected only while a reminder is due'

wait_for 10 field_is busy '["call"]' || fail "recording: status does not say busy call"
wait_for 10 field_is held_by '["call"]' || fail "recording: the reminder was not held"
sleep 1
grep -q "reminder: " "$WORK/unsitd.log" && fail "recording: a reminder was shown"
echo "capture stream running as the reminder fell due: reminder held, never shown"

kill "$RECORD_PID"
wait "$RECORD_PID" 2>/dev/null
wait_for 5 field_is busy '[]' || fail "recording stopped: status still says busy"
wait_for 6 field_is reminder_open true || fail "recording stopped: the reminder did not show"
grep -q "reminder: .* sitting — the call is over, time to stand" "$WORK/unsitd.log" ||
  fail "recording stopped: the reminder does not say the call is over"
echo "capture stream gone: reminder shown after the settle time"

# Connected while the reminder is on screen; not while nothing is due (paused).
unsitd_client() { pw-cli ls Client 2>/dev/null | grep -q '"unsitd"'; }
no_unsitd_client() { ! unsitd_client; }
unsitd_client || fail "reminder open: the daemon is not connected to PipeWire"
"$UNSIT" pause >/dev/null || fail "unsit pause refused"
wait_for 5 no_unsitd_client || fail "paused: the daemon is still connected to PipeWire"
"$UNSIT" resume >/dev/null || fail "unsit resume refused"
wait_for 5 unsitd_client || fail "resumed: the daemon did not connect to PipeWire again"
echo "PipeWire connected only while a reminder is due"

# PipeWire stops during a call: nothing stays held, the daemon runs on.
"$UNSIT" skip >/dev/null || fail "unsit skip refused"
pw-record /dev/null >"$WORK/record.log" 2>&1 &
track "$!"
wait_for 10 field_is busy '["call"]' || fail "second recording: not busy"
kill "$PIPEWIRE_PID"
wait_for 5 field_is busy '[]' || fail "PipeWire stopped, but status still says busy"
kill -0 "$DAEMON_PID" 2>/dev/null || fail "unsitd died with PipeWire"
echo "PipeWire gone: free, daemon running"
pass
