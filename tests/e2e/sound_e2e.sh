#!/usr/bin/env bash
# The reminder's sound, played by the daemon itself where the notification
# server has no `sound` capability (dunst), into a real sound server: pipewire,
# wireplumber and pipewire-pulse on the test's private runtime directory, with
# a null sink as the only output. The sound's stream (application "unsit",
# role "event") must appear on that sink while it plays, the sink's monitor
# must record more than silence (a recording of an output, which must not
# hold the reminder as a call), and once it has ended and nothing is due
# the daemon has no more threads than before it (libcanberra's is gone). With
# the sound server stopped, `doctor` says why the next reminder was silent.
# Usage: sound_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/sound_server.sh"
e2e_init "$@"
need Xvfb dbus-daemon dunst dunstctl pipewire wireplumber pipewire-pulse pactl parecord
[ -f /usr/share/sounds/freedesktop/stereo/complete.oga ] ||
  { echo "SKIP: sound-theme-freedesktop is not installed"; exit 77; }
"${PYTHON:-python3}" -c 'import ctypes; ctypes.CDLL("libcanberra.so.0")' 2>/dev/null ||
  { echo "SKIP: libcanberra0 is not installed"; exit 77; }

start_xvfb
start_bus
start_sound_server
start_dunst

# Long enough a sit_limit that the checks before the first reminder are done
# before it falls due, even on a loaded machine.
write_config 8s 4s 1m 1m
# `none`: no idle source, so the user counts as present and the reminder falls due.
start_daemon none libnotify
doctor_has() { "$UNSIT" doctor 2>&1 | grep -q -- "$1"; }
doctor_has "built without libcanberra" && { echo "SKIP: unsitd was built without libcanberra"; exit 77; }
doctor_says "the sound played by the daemon" \
  '^  sound: "complete", played by unsitd through libcanberra'
# libcanberra is not loaded before a reminder needs it.
field_is reminder_open false || fail "the reminder came before the checks"
grep -q libcanberra "/proc/$DAEMON_PID/maps" && fail "libcanberra was loaded before a reminder"
THREADS=$(thread_count "$DAEMON_PID")

# Every 50 ms, the streams on the null sink, until the reminder's has come and gone.
(while true; do pactl list sink-inputs; echo ---; sleep 0.05; done) >"$WORK/streams.log" 2>&1 &
WATCH_PID=$!
track "$WATCH_PID"
# What the null sink outputs, as 16-bit mono samples, to hear that it was sound.
parecord --device=unsit_test.monitor --raw --format=s16le --channels=1 --rate=8000 \
  "$WORK/monitor.raw" 2>"$WORK/parecord.log" &
RECORD_PID=$!
track "$RECORD_PID"
monitor_recorded() { pactl list short source-outputs 2>/dev/null | grep -q .; }
wait_for 5 monitor_recorded || fail "parecord does not record the monitor: $(cat "$WORK/parecord.log")"
wait_for 15 field_is reminder_open true || fail "no reminder (held by the monitor's recording?)"
# Recording an output (stream.capture.sink) is no call: held for calls by
# default, the daemon watches PipeWire now and must not see one.
kill -0 "$RECORD_PID" 2>/dev/null || fail "parecord stopped before the reminder"
field_is busy '[]' || fail "recording the monitor counts as busy: $(status_field busy)"
echo "the sink's monitor recorded as the reminder fell due: not busy, reminder shown"
wait_for 5 grep -q 'application.name = "unsit"' "$WORK/streams.log" ||
  fail "no stream of unsit on the sink: $(tail -20 "$WORK/streams.log")"
grep -A40 'application.name = "unsit"' "$WORK/streams.log" | grep -q 'media.role = "event"' ||
  fail "the stream is not an event sound"
grep -q "Sink: $(pactl list short sinks | awk '$2 == "unsit_test" { print $1 }')" "$WORK/streams.log" ||
  fail "the stream did not play into the null sink"
echo "reminder shown by dunst; unsitd played \"complete\" into the null sink"
no_stream() { ! pactl list sink-inputs | grep -q 'application.name = "unsit"'; }
wait_for 10 no_stream || fail "the sound's stream did not end"
stop "$WATCH_PID"
stop "$RECORD_PID"
loudest=$("$PYTHON" -c 'import array, os, sys
samples = array.array("h", open(sys.argv[1], "rb").read()[: os.path.getsize(sys.argv[1]) // 2 * 2])
print(max((abs(x) for x in samples), default=0))' "$WORK/monitor.raw")
[ "$loudest" -gt 1000 ] || fail "the null sink's monitor heard silence (peak $loudest of 32767)"
echo "the null sink's monitor heard it: peak $loudest of 32767"
grep -q libcanberra "/proc/$DAEMON_PID/maps" || fail "libcanberra is not mapped after playing"
# A due reminder keeps PipeWire connected for the call source (its data
# thread); paused, nothing is due and only libcanberra's thread could be left.
"$UNSIT" pause >/dev/null || fail "unsit pause refused"
threads_back() { [ "$(thread_count "$DAEMON_PID")" -le "$THREADS" ]; }
wait_for 5 threads_back ||
  fail "unsitd kept a thread after the sound: $(thread_count "$DAEMON_PID") > $THREADS"
"$UNSIT" resume >/dev/null || fail "unsit resume refused"
"$UNSIT" doctor 2>&1 | sed -n '/^Problems:/,$p' | grep -qi sound &&
  fail "doctor lists a sound problem after the sound played: $("$UNSIT" doctor 2>&1)"
echo "the sound ended: no thread of libcanberra left, no problem"

# No sound server: the next reminder is silent, and doctor says why.
stop "$PULSE_PID"
"$UNSIT" skip >/dev/null || fail "unsit skip refused"
wait_for 15 field_is reminder_open true || fail "no second reminder"
wait_for 5 doctor_has "no sound server answers" ||
  fail "doctor does not say there is no sound server: $("$UNSIT" doctor 2>&1)"
echo "sound server gone: doctor says no sound server answers"
pass
