#!/usr/bin/env bash
# Fullscreen holds the reminder on sway, against the real daemon on a real
# headless sway: an X client under Xwayland is the focused window, swaymsg makes
# it fullscreen and back, and the daemon follows sway's window events on its IPC
# socket ($SWAYSOCK).
# Usage: hold_sway_fullscreen_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
source "$(dirname "$0")/fullscreen_helpers.sh"
e2e_init "$@"
need sway swaymsg Xwayland xmessage wtype runuser dbus-daemon
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run sway as another user"; exit 77; }

start_bus
start_sway
sway_ipc() {
  SWAYSOCK=$(find "$SWAY_DIR" -maxdepth 1 -type s -name 'sway-ipc.*.sock' | head -n1)
  [ -n "$SWAYSOCK" ]
}
wait_for 10 sway_ipc || fail "sway has no IPC socket"
ipc() { swaymsg -s "$SWAYSOCK" "$@" >/dev/null; }
ipc exec "xmessage -name unsit-window busy" || fail "swaymsg exec failed"
window_shown() { swaymsg -s "$SWAYSOCK" -t get_tree | grep -q unsit-window; }
wait_for 20 window_shown || fail "the X client did not map under Xwayland: $(tail -5 "$WORK/sway.log")"

write_hold_config fullscreen
start_sway_activity
start_unsitd auto XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=sway \
  WAYLAND_DISPLAY="$SWAY_DIR/$SWAY_SOCKET" SWAYSOCK="$SWAYSOCK"

doctor_says "sway-fullscreen as watched" '^  \* sway-fullscreen: watching'
enter() { ipc fullscreen enable; }
leave() { ipc fullscreen disable; }
expect_fullscreen_hold enter leave
pass
