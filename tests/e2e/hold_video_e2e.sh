#!/usr/bin/env bash
# Video in a real PipeWire holds the reminder: pipewire and wireplumber run on
# the test's private runtime directory, and GStreamer's pipewiresink offers a
# Video/Source node (test pictures) that pipewiresrc consumes, so it runs. A
# plain one stands in for a screen cast; one with media.role Camera for a
# camera (no video device here). Each holds the reminder that falls due while
# it runs; when its consumer stops, the node is no longer running and the
# reminder shows after hold.settle, saying what is over.
# Usage: hold_video_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need dbus-daemon pipewire wireplumber pw-cli gst-launch-1.0
for element in pipewiresink pipewiresrc videotestsrc; do
  if ! gst-inspect-1.0 "$element" >/dev/null 2>&1; then
    echo "SKIP: GStreamer's $element element is not installed"
    exit 77
  fi
done

start_bus
pipewire >"$WORK/pipewire.log" 2>&1 &
track "$!"
wait_for 10 test -S "$XDG_RUNTIME_DIR/pipewire-0" || fail "pipewire did not start"
wireplumber >"$WORK/wireplumber.log" 2>&1 &
track "$!"

# video_node NAME [PROPERTY...]: a Video/Source node NAME fed test pictures.
video_node() {
  local name=$1 props
  shift
  props=$(IFS=,; echo "props,media.class=Video/Source,node.name=$name${*:+,$*}")
  gst-launch-1.0 -q videotestsrc is-live=true ! video/x-raw,width=64,height=48,framerate=5/1 ! \
    pipewiresink mode=provide stream-properties="$props" >"$WORK/$name.log" 2>&1 &
  track "$!"
  wait_for 10 node_state "$name" >/dev/null || fail "the node $name did not appear"
}
# node_state NAME: prints the node's state (suspended, running, ...).
node_state() {
  local id
  id=$(pw-cli ls Node 2>/dev/null | awk -v n="node.name = \"$1\"" '/^\tid / {id = $2} index($0, n) {print id + 0; exit}')
  [ -n "$id" ] || return 1
  pw-cli info "$id" 2>/dev/null | sed -n 's/^\*\?[[:space:]]*state: "\(.*\)"/\1/p'
}
node_running() { [ "$(node_state "$1")" = running ]; }
# consume NAME: a stream that takes the node's pictures; sets CONSUMER_PID.
consume() {
  gst-launch-1.0 -q pipewiresrc target-object="$1" ! video/x-raw ! fakesink >"$WORK/consumer-$1.log" 2>&1 &
  CONSUMER_PID=$!
  track "$CONSUMER_PID"
  wait_for 10 node_running "$1" || fail "$1 is not running with a consumer: $(node_state "$1")"
}

# held_then_shown NODE REASON PHRASE: with NODE running, the reminder that
# falls due is held by REASON; once its consumer stops it shows saying PHRASE.
held_then_shown() {
  wait_for 12 field_is busy "[\"$2\"]" || fail "$1 running: status does not say busy $2"
  wait_for 10 field_is held_by "[\"$2\"]" || fail "$1 running: the reminder was not held"
  [ "$(status_field reminder_open)" = false ] || fail "$1 running: a reminder was shown"
  echo "$1 running as the reminder fell due: held by $2"
  stop "$CONSUMER_PID"
  wait_for 10 field_is busy '[]' || fail "$1 stopped: status still says busy"
  wait_for 6 field_is reminder_open true || fail "$1 stopped: the reminder did not show"
  grep -q "reminder: .* sitting — $3, time to stand" "$WORK/unsitd.log" ||
    fail "$1 stopped: the reminder does not say $3"
  echo "$1 stopped: reminder shown after the settle time"
}

video_node test-cast
consume test-cast
write_hold_config call,screencast
start_unsitd none
held_then_shown test-cast screencast "the screen share is over"

"$UNSIT" skip >/dev/null || fail "unsit skip refused"
video_node test-camera media.role=Camera
consume test-camera
held_then_shown test-camera call "the call is over"
pass
