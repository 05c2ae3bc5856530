#!/usr/bin/env bash
# The daemon on a real GNOME Shell 43 (headless, Mutter's own IdleMonitor) with
# GNOME's notification service, input through Mutter's RemoteDesktop API:
# `auto` chooses mutter and a day runs from the first input to a history row
# (desktop_flow.sh), the reminder answered in the shell's message tray as a click
# on "I'm up" would (its Notify call, seen by dbus-monitor on the test's bus,
# names the theme sound for the shell to play: GNOME Shell has `sound`); then
# the shell locks the screen (its screen shield, which sets logind's
# LockedHint) and that is a break, which unlocking and input end.
# Stand-ins, because no real one runs here: logind and GDM are python-dbusmock
# objects on a private system bus (the shell needs logind to start, and locks
# only when a display manager answers), and the shell sees /run/systemd/seats
# in a private mount namespace (its test for "systemd runs"). Last, Do Not
# Disturb set through the shell's own setting (show-banners) holds a reminder.
# Usage: gnome_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
source "$(dirname "$0")/desktop_flow.sh"
e2e_init "$@"
need gnome-shell gjs runuser dbus-daemon dbus-monitor gdbus unshare
need_python_module dbusmock
need_python_module gi
[ -f /usr/share/gnome-shell/org.gnome.Shell.Notifications ] ||
  { echo "SKIP: GNOME's notification service is not installed"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run GNOME Shell as another user"; exit 77; }
unshare -m --propagation private true 2>/dev/null || { echo "SKIP: no mount namespaces here"; exit 77; }

# as_shell_user PROGRAM...: runs as $SWAY_USER in logind session c2 on the
# shared buses, seeing /run/systemd/seats.
as_shell_user() {
  unshare -m --propagation private sh -c \
    'mount -t tmpfs tmpfs /run/systemd && mkdir /run/systemd/seats && exec "$@"' sh \
    runuser -u "$SWAY_USER" -- env -i PATH=/usr/bin:/bin HOME="$GNOME_DIR" XDG_RUNTIME_DIR="$GNOME_DIR" \
    XDG_SESSION_ID=c2 DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS" \
    DBUS_SYSTEM_BUS_ADDRESS="$DBUS_SYSTEM_BUS_ADDRESS" "$@"
}

shell_eval() {  # shell_eval JS: prints the result; fails unless the shell ran it
  local out
  out=$(gdbus call --timeout 5 --session --dest org.gnome.Shell --object-path /org/gnome/Shell \
    --method org.gnome.Shell.Eval "$1") || return 1
  case "$out" in "(true, "*) echo "$out" ;; *) echo "$out" >&2; return 1 ;; esac
}
shell_unlocked() { shell_eval 'String(Main.screenShield.locked)' | grep -q false; }
idle_time() {
  gdbus call --timeout 2 --session --dest org.gnome.Mutter.IdleMonitor \
    --object-path /org/gnome/Mutter/IdleMonitor/Core --method org.gnome.Mutter.IdleMonitor.GetIdletime
}

shell_gone() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.gnome.Shell 2>/dev/null | grep -q false
}
# start_shell: gnome-shell --headless as the shell user; status 1 (and the
# shell stopped) when its IdleMonitor does not answer within 25 s.
start_shell() {
  local runner
  # GSettings: the keyfile backend (no dconf service runs on the private bus),
  # in $GNOME_DIR/.config, which the daemon reads too.
  # shellcheck disable=SC2016  # expanded by the inner shell
  as_shell_user sh -c 'echo $$ >"$XDG_RUNTIME_DIR/shell.pid"
    GSETTINGS_BACKEND=keyfile exec gnome-shell --headless \
    --wayland --no-x11 --virtual-monitor 1024x768 --unsafe-mode' >>"$WORK/shell.log" 2>&1 &
  runner=$!
  track "$runner"
  wait_for 5 test -s "$GNOME_DIR/shell.pid" && track "$(cat "$GNOME_DIR/shell.pid")" # runuser does not pass SIGTERM on
  wait_for 25 idle_time >/dev/null 2>&1 && return 0
  echo "GNOME Shell stalled at start: $(tail -3 "$WORK/shell.log")" >&2
  # The GNOME tests run one at a time (RUN_SERIAL): every shell of the shell
  # user is this test's.
  pkill -KILL -u "$SWAY_USER" -x gnome-shell
  stop "$runner"
  wait_for 10 shell_gone || echo "the stalled shell still holds org.gnome.Shell" >&2
  rm -f "$GNOME_DIR/shell.pid" "$GNOME_DIR"/wayland-0* "$GNOME_DIR/gnome-shell-disable-extensions"
  return 1
}

start_gnome() {
  user_dir gnome
  GNOME_DIR="$WORK/gnome"
  mkdir -p "$GNOME_DIR/.config/glib-2.0/settings"  # the keyfile, watched from the start
  chown -R "$SWAY_USER" "$GNOME_DIR/.config"
  open_bus session
  export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS
  open_bus system
  export DBUS_SYSTEM_BUS_ADDRESS=$BUS_ADDRESS
  "$PYTHON" -m dbusmock --system --template logind >"$WORK/logind.log" 2>&1 &
  track "$!"
  wait_for 10 logind_call /org/freedesktop/login1 org.freedesktop.DBus.Mock.AddSession \
    c2 seat0 "$(id -u "$SWAY_USER")" "$SWAY_USER" true || fail "the logind mock did not start"
  "$PYTHON" -m dbusmock --system org.gnome.DisplayManager /org/gnome/DisplayManager/Manager \
    org.gnome.DisplayManager.Manager >"$WORK/gdm.log" 2>&1 &
  track "$!"
  wait_for 10 gdbus call --system --dest org.gnome.DisplayManager \
    --object-path /org/gnome/DisplayManager/Manager --method org.freedesktop.DBus.Mock.AddProperty \
    org.gnome.DisplayManager.Manager Version "<'43.0'>" >/dev/null 2>&1 ||
    fail "the display manager mock did not start"
  # The headless shell here now and then stalls in its start-up (after it asks
  # polkit), before anything of unsit runs: it gets three tries. A shell that
  # never comes up is a server that cannot be had here, said as a skip; all
  # that the test checks of unsit comes after.
  start_shell || start_shell || start_shell || {
    echo "SKIP: GNOME Shell stalled at start three times: $(tail -3 "$WORK/shell.log")"
    exit 77
  }
  [ -S "$GNOME_DIR/wayland-0" ] || fail "GNOME Shell has no wayland-0 socket: $(ls "$GNOME_DIR")"
  # shellcheck disable=SC2016  # expanded by the inner shell
  as_shell_user sh -c 'echo $$ >"$XDG_RUNTIME_DIR/gjs.pid"
    exec gjs /usr/share/gnome-shell/org.gnome.Shell.Notifications' >"$WORK/notifications.log" 2>&1 &
  track "$!"
  wait_for 10 gdbus call --session --dest org.freedesktop.Notifications \
    --object-path /org/freedesktop/Notifications \
    --method org.freedesktop.Notifications.GetServerInformation >/dev/null 2>&1 ||
    fail "GNOME's notification service did not start: $(tail -5 "$WORK/notifications.log")"
  track "$(cat "$GNOME_DIR/gjs.pid")"
}

# One RemoteDesktop session for the whole test, fed through a FIFO on fd 7.
start_gnome_input() {
  mkfifo "$WORK/input"
  "$PYTHON" "$E2E_DIR/gnome_input.py" <"$WORK/input" >"$WORK/input.log" 2>&1 &
  track "$!"
  exec 7>"$WORK/input"
  wait_for 10 grep -q ready "$WORK/input.log" || fail "no RemoteDesktop session: $(cat "$WORK/input.log")"
}
gnome_input() { echo "$1" >&7; }
gnome_key() { gnome_input key; }

# Calls the "I'm up" button's callback of the unsit notification in the
# message tray: what a click on the button runs (the reminder is resident).
click_im_up() {
  shell_eval "(() => {
    for (const s of Main.messageTray.getSources())
      for (const n of s.notifications)
        for (const a of n.actions)
          if (/^I.m up\$/.test(a.label)) { a.callback(); return 'clicked'; }
    return 'no button';
  })()" | grep -q clicked
}

# The notification reaches the tray through GNOME's notification service a
# moment after the daemon shows it.
answer_in_tray() { wait_for 5 click_im_up; }

# tray_gnome_e2e.sh sources this file for the functions above.
[ -n "${UNSIT_GNOME_FUNCTIONS_ONLY:-}" ] && return 0

start_gnome
start_gnome_input
echo "GNOME Shell: $(gdbus call --session --dest org.freedesktop.Notifications \
  --object-path /org/freedesktop/Notifications --method org.freedesktop.Notifications.GetServerInformation)"
write_config 6s 3s 30s 3s 1s
printf 'hold:\n  settle: 2s\n' >>"$WORK/unsit.yaml"
start_input_loop gnome_input motion
dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
  >"$WORK/notify-calls.log" 2>&1 &
track "$!"
UNSITD_NOTIFIER=libnotify start_unsitd auto XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=GNOME \
  XDG_SESSION_ID=c2 WAYLAND_DISPLAY="$GNOME_DIR/wayland-0" \
  GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$GNOME_DIR/.config"
[ "$(status_field idle_backend)" = '"mutter"' ] ||
  fail "auto chose $(status_field idle_backend) on GNOME, expected mutter"
echo "auto chose mutter on GNOME Shell"
desktop_flow answer_in_tray gnome_key
grep -A1 'string "sound-name"' "$WORK/notify-calls.log" | grep -q 'variant *string "complete"' ||
  fail "the reminder's Notify call has no sound-name \"complete\": $(cat "$WORK/notify-calls.log")"
echo "the reminder carried sound-name \"complete\" for GNOME Shell to play"
doctor_says "GNOME Shell and its notification server" \
  "^compositor: gnome-shell (pid [0-9]*), version 43\.[0-9]*$" \
  "^idle backend: mutter (org.gnome.Mutter.IdleMonitor)$" "(gnome-shell 43.9 (GNOME))" "capabilities: actions" \
  '^  sound: "complete", played by the notification server (sound-name)$'
! grep -q "buttons:" "$WORK/doctor" || fail "doctor sends GNOME users to a menu: $(cat "$WORK/doctor")"
echo "doctor names GNOME Shell 43, Mutter's IdleMonitor, the notification server and its capabilities"

# The shell locks the screen: a break at once; unlocking and input end it.
sleep 1
shell_eval 'Main.screenShield.lock(false); String(Main.screenShield.locked)' | grep -q true ||
  fail "the shell did not lock"
wait_for 5 field_is state '"away"' || fail "the shell's lock was not a break"
echo "the shell locked the screen: break"
shell_eval 'Main.screenShield.deactivate(false)' >/dev/null || fail "the shell did not unlock"
wait_for 5 shell_unlocked || fail "the shell stayed locked"
gnome_key
wait_for 8 field_is state '"sitting"' || fail "unlock and input did not end the lock break"
"$PYTHON" - "$XDG_STATE_HOME/unsit/history.db" <<'PY' || fail "no closed lock break in the history"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sys.exit(0 if db.execute("SELECT count(*) FROM breaks WHERE cause = 'lock' "
                         "AND end_wall IS NOT NULL").fetchone()[0] == 1 else 1)
PY
echo "unlocked and back: the lock break is in the history"

# Do Not Disturb as the shell sets it (its own GSettings, show-banners false)
# holds the reminder; switched off, the reminder shows after the settle time.
set_banners() {  # set_banners true|false, through the shell's GSettings
  shell_eval "(() => {
    const s = new imports.gi.Gio.Settings({schema_id: 'org.gnome.desktop.notifications'});
    s.set_boolean('show-banners', $1);
    imports.gi.Gio.Settings.sync();
    return String(s.get_boolean('show-banners'));
  })()" | grep -q "\"$1\""
}
doctor_says "GNOME's Do Not Disturb as watched" '^  \* gsettings: watching'
start_input_loop gnome_input motion
set_banners false || fail "the shell did not turn Do Not Disturb on"
wait_for 5 field_is busy '["dnd"]' || fail "the shell's Do Not Disturb: status does not say busy dnd"
wait_for 12 field_is held_by '["dnd"]' || fail "the shell's Do Not Disturb did not hold the reminder"
echo "the shell's Do Not Disturb holds the reminder"
set_banners true || fail "the shell did not turn Do Not Disturb off"
wait_for 5 field_is busy '[]' || fail "Do Not Disturb off: status still says busy"
wait_for 6 field_is reminder_open true || fail "Do Not Disturb off: the reminder did not show"
grep -q "Do Not Disturb is off" "$WORK/unsitd.log" ||
  fail "Do Not Disturb off: the reminder does not say so"
stop_activity
echo "the shell's Do Not Disturb off: the reminder shows, saying so"
pass
