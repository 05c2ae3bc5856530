#!/usr/bin/env bash
# The daemon on a real KWin 5.27 (headless, `--virtual`), dunst showing the
# reminders on it, input from org_kde_kwin_fake_input: `auto` chooses
# ext-idle-notify-v1, and a day runs from the first input to a history row
# (desktop_flow.sh); then org_kde_kwin_idle, asked for by name, sees a break and
# the return from it.
# Usage: kwin_e2e.sh BUILD_DIR FAKE_INPUT_CLIENT
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
source "$(dirname "$0")/desktop_flow.sh"
e2e_init "$@"
FAKE_INPUT="${2:-}"
need_built "$FAKE_INPUT"
need kwin_wayland runuser dbus-daemon dunst dunstctl
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run KWin as another user"; exit 77; }

# KWin as $SWAY_USER in its own runtime directory, on the session bus it
# shares with the daemon and dunst, as in a real session. The installed binary
# carries a file capability that a container without it may refuse to run; a
# copy has none. Sets KWIN_DIR, KWIN_SOCKET, KWIN_PID.
start_kwin() {
  user_dir kwin
  KWIN_DIR="$WORK/kwin"
  KWIN_SOCKET=wayland-unsit
  cp /usr/bin/kwin_wayland "$FAKE_INPUT" "$KWIN_DIR/"
  # shellcheck disable=SC2016  # expanded by the inner shell
  runuser -u "$SWAY_USER" -- env -i PATH=/usr/bin:/bin HOME="$KWIN_DIR" XDG_RUNTIME_DIR="$KWIN_DIR" \
    QT_QPA_PLATFORM=offscreen KWIN_WAYLAND_NO_PERMISSION_CHECKS=1 \
    DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS" \
    sh -c 'echo $$ >"$XDG_RUNTIME_DIR/kwin.pid"; exec "$XDG_RUNTIME_DIR/kwin_wayland" \
      --virtual --no-lockscreen --no-global-shortcuts --socket "$0" --width 1024 --height 768' \
    "$KWIN_SOCKET" >"$WORK/kwin.log" 2>&1 &
  track "$!"
  wait_for 15 kwin_input motion || fail "KWin did not start: $(tail -5 "$WORK/kwin.log")"
  KWIN_PID=$(cat "$KWIN_DIR/kwin.pid")
  track "$KWIN_PID"
}

# kwin_input motion|key: one input event through fake-input, sent as the user
# that runs KWin (KWin offers the interface only to clients it can identify).
kwin_input() {
  runuser -u "$SWAY_USER" -- env -i XDG_RUNTIME_DIR="$KWIN_DIR" WAYLAND_DISPLAY="$KWIN_SOCKET" \
    "$KWIN_DIR/kwin_fake_input" "$1" >/dev/null 2>&1
}
kwin_key() { kwin_input key; }

# dunst on KWin's display (a layer-shell client), on the daemon's session bus.
start_dunst_on_kwin() {
  WAYLAND_DISPLAY="$KWIN_DIR/$KWIN_SOCKET" PATH="$E2E_DIR:$PATH" \
    dunst -config "$E2E_DIR/dunstrc" >"$WORK/dunst.log" 2>&1 &
  track "$!"
  wait_for 5 dunstctl is-paused >/dev/null 2>&1 || fail "dunst did not start on KWin"
}
dunst_click_default() { dunstctl action 0; }

user_dir kwin  # $SWAY_USER exists before the bus that lets it in
open_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS
start_kwin
start_dunst_on_kwin
write_config 6s 3s 30s 3s 1s
start_input_loop kwin_input motion
UNSITD_NOTIFIER=libnotify start_unsitd auto XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=KDE \
  WAYLAND_DISPLAY="$KWIN_DIR/$KWIN_SOCKET"
[ "$(status_field idle_backend)" = '"ext-idle-notify"' ] ||
  fail "auto chose $(status_field idle_backend) on KWin, expected ext-idle-notify"
echo "auto chose ext-idle-notify on KWin"
desktop_flow dunst_click_default kwin_key
doctor_says "KWin 5.27, the bound protocol and dunst's menu" \
  "^compositor: kwin_wayland (pid [0-9]*), version 5\.27\.[0-9]*$" \
  "^idle backend: ext-idle-notify (ext_idle_notifier_v1 version 1)$" "dunstctl context"
echo "doctor names KWin 5.27, ext_idle_notifier_v1 version 1 and where dunst keeps the buttons"

# org_kde_kwin_idle, asked for by name, on the same KWin.
stop_unsitd
start_input_loop kwin_input motion
start_unsitd kde-idle XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=KDE \
  WAYLAND_DISPLAY="$KWIN_DIR/$KWIN_SOCKET"
[ "$(status_field idle_backend)" = '"kde-idle"' ] || fail "kde-idle not used: $(status_field idle_backend)"
"$UNSIT" doctor >"$WORK/doctor" 2>&1 || fail "unsit doctor failed"
grep -q "^idle backend: kde-idle (org_kde_kwin_idle version 1)$" "$WORK/doctor" ||
  fail "doctor does not name org_kde_kwin_idle: $(cat "$WORK/doctor")"
wait_for 8 field_is state '"sitting"' || fail "kde-idle: input did not start a bout"
stop_activity
wait_for 10 field_is state '"away"' || fail "kde-idle: no break after the user walked away"
kwin_key
wait_for 8 field_is state '"sitting"' || fail "kde-idle: input did not end the break"
echo "org_kde_kwin_idle: break and return seen"
pass
