#!/usr/bin/env bash
# The panel indicator with KDE's own StatusNotifierWatcher: the
# statusnotifierwatcher module of a real kded5 (Plasma 5.27's), loaded as a
# Plasma session loads it. The item registers with it, KDE's watcher says a
# host shows it, menu items picked as a host picks them change `unsit status`,
# and a restarted kded5 (the watcher changing owner) lists the item again.
# Usage: tray_kde_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need kded5 dbus-daemon gdbus
need_python_module gi
KDED_MODULE=$(find /usr/lib -path "*/kf5/kded/statusnotifierwatcher.so" 2>/dev/null | head -n 1)
[ -n "$KDED_MODULE" ] || { echo "SKIP: KDE's statusnotifierwatcher module (plasma-workspace) is missing"; exit 77; }
SNI="$PYTHON $E2E_DIR/sni_item.py"

start_bus
# kded5 runs kconf_update at each start and waits up to 30 s for it; its
# krunnerhistory script waits for KDE's activity manager, which this bus does
# not have, so each start took those 30 s. Marked done, as in a Plasma home
# where it ran once; the other updates still run (under a second).
printf '[krunnerhistory.upd]\ndone=5.21KRunnerHistory\n' >"$XDG_CONFIG_HOME/kconf_updaterc"
# start_kded: kded5 without a display, with its StatusNotifierWatcher module
# loaded as a Plasma session loads it. kded5 answers its first call only once
# its start-up work (kconf_update) is done, so that call may take a while.
kded_up() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.kde.kded5 2>/dev/null | grep -q true
}
start_kded() {
  QT_QPA_PLATFORM=offscreen kded5 >>"$WORK/kded.log" 2>&1 &
  KDED_PID=$!
  track "$KDED_PID"
  wait_for 10 kded_up || fail "kded5 did not start: $(tail -5 "$WORK/kded.log")"
  gdbus call --timeout 30 --session --dest org.kde.kded5 --object-path /kded \
    --method org.kde.kded5.loadModule statusnotifierwatcher | grep -q true ||
    fail "kded5 did not load statusnotifierwatcher: $(tail -5 "$WORK/kded.log")"
  wait_for 5 watcher_up ||
    fail "kded5 serves no StatusNotifierWatcher: $(tail -5 "$WORK/kded.log")"
}
start_kded

# No idle source: the user counts as present, a reminder after sit_limit.
write_config 10s 2s 1m 1h 1m
start_unsitd none XDG_CURRENT_DESKTOP=KDE
need_indicator
ITEM="org.kde.StatusNotifierItem-$DAEMON_PID-1"
listed() { $SNI items 2>/dev/null | grep -q "$ITEM"; }
wait_for 10 listed || fail "KDE's watcher does not list $ITEM: $($SNI items)"
doctor_says "the indicator as shown by KDE's watcher" "^indicator: shown (StatusNotifierWatcher"
echo "ok: KDE's watcher lists $ITEM and doctor says it is shown"

click() { $SNI click "$ITEM" "$1" || fail "could not pick '$1': $($SNI menu "$ITEM")"; }
wait_for 20 field_is reminder_open true || fail "no reminder"
click Snooze
wait_for 5 field_is reminder_open false || fail "Snooze left the reminder open"
click "Pause 30 min"
wait_for 5 field_is paused true || fail "Pause 30 min did not pause"
click Resume
wait_for 5 field_is paused false || fail "Resume did not resume"
click Standing
wait_for 5 field_is state '"standing"' || fail "Standing did not start standing"
echo "ok: Snooze, Pause 30 min, Resume and Standing picked through KDE's watcher's item"

# The watcher changes owner: the item registers with the new one.
stop "$KDED_PID"
start_kded
wait_for 10 listed || fail "the item did not register with the restarted kded5"
echo "ok: registered again with the restarted kded5"
kill -0 "$DAEMON_PID" || fail "unsitd died"
pass
