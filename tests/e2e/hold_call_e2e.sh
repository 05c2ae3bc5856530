#!/usr/bin/env bash
# A call holds the reminder, against the real daemon and a real PipeWire:
# pipewire and wireplumber run on the test's private runtime directory, a
# virtual microphone node stands in for a device, and pw-record's capture
# stream reaching the running state is the call. When it ends the reminder
# shows after hold.settle, saying the call is over; PipeWire stopping leaves
# nothing held.
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
# `none`: no idle source, so the user counts as present and the reminder falls due.
start_unsitd none

doctor_says "PipeWire as watched" '^  \* pipewire: watching'

pw-record /dev/null >"$WORK/record.log" 2>&1 &
RECORD_PID=$!
track "$RECORD_PID"
wait_for 10 field_is busy '["call"]' || fail "recording: status does not say busy call"
wait_for 10 field_is held_by '["call"]' || fail "recording: the reminder was not held"
sleep 1
grep -q "reminder: " "$WORK/unsitd.log" && fail "recording: a reminder was shown"
echo "capture stream running: reminder held"

kill "$RECORD_PID"
wait "$RECORD_PID" 2>/dev/null
wait_for 5 field_is busy '[]' || fail "recording stopped: status still says busy"
wait_for 6 field_is reminder_open true || fail "recording stopped: the reminder did not show"
grep -q "reminder: .* sitting — the call is over, time to stand" "$WORK/unsitd.log" ||
  fail "recording stopped: the reminder does not say the call is over"
echo "capture stream gone: reminder shown after the settle time"

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
