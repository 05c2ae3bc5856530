#!/usr/bin/env bash
# The panel indicator in a real host: waybar's tray (its own
# StatusNotifierWatcher) under a real headless sway. The item registers, its
# Status and label follow the model, a screenshot is taken with grim, every
# menu item is picked as the host would pick it (com.canonical.dbusmenu
# "clicked") and its effect checked in `unsit status`, and a restarted waybar
# (the watcher changing owner) lists the item again.
# Usage: tray_waybar_e2e.sh BUILD_DIR   (UNSIT_KEEP_SHOTS=DIR keeps the screenshots)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need sway waybar grim runuser dbus-daemon gdbus
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run sway as another user"; exit 77; }
SNI="$PYTHON $E2E_DIR/sni_item.py"

open_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS
start_sway
cat >"$SWAY_DIR/waybar.json" <<'CFG'
{"layer": "top", "position": "top", "height": 34, "modules-left": ["clock"],
 "modules-right": ["tray"], "clock": {"format": "unsit test"},
 "tray": {"icon-size": 22, "spacing": 8, "show-passive-items": true}}
CFG
cat >"$SWAY_DIR/waybar.css" <<'CSS'
* { font-family: "DejaVu Sans"; font-size: 14px; }
window#waybar { background: #2b303b; color: #ffffff; }
#tray { padding: 0 10px; }
CSS
chown "$SWAY_USER" "$SWAY_DIR/waybar.json" "$SWAY_DIR/waybar.css"
as_sway() {
  runuser -u "$SWAY_USER" -- env -i PATH=/usr/bin:/bin HOME="$SWAY_DIR" XDG_RUNTIME_DIR="$SWAY_DIR" \
    WAYLAND_DISPLAY="$SWAY_SOCKET" DBUS_SESSION_BUS_ADDRESS="$BUS_ADDRESS" "$@"
}
start_waybar() {
  as_sway waybar -c "$SWAY_DIR/waybar.json" -s "$SWAY_DIR/waybar.css" >>"$WORK/waybar.log" 2>&1 &
  WAYBAR_PID=$!
  track "$WAYBAR_PID"
  wait_for 15 watcher_up ||
    fail "waybar's tray did not start a StatusNotifierWatcher: $(tail -5 "$WORK/waybar.log")"
}
start_waybar

# No idle source: the user counts as present, a reminder after sit_limit.
write_config 15s 2s 1m 4s 1m
start_unsitd none XDG_CURRENT_DESKTOP=sway
ITEM="org.kde.StatusNotifierItem-$DAEMON_PID-1"
need_indicator
listed() { $SNI items 2>/dev/null | grep -q "$ITEM"; }
wait_for 10 listed || fail "the watcher does not list $ITEM: $($SNI items)"
echo "ok: waybar's watcher lists $ITEM"
"$UNSIT" doctor >"$WORK/doctor" 2>&1
grep -q "^indicator: shown (StatusNotifierWatcher" "$WORK/doctor" ||
  fail "doctor does not say the indicator is shown: $(cat "$WORK/doctor")"

prop() { $SNI prop "$ITEM" "$1"; }
prop_is() { [ "$(prop "$1")" = "$2" ]; }
wait_for 5 prop_is Status Active || fail "Status is $(prop Status) while sitting"
[[ "$(prop XAyatanaLabel)" =~ ^[0-9]+m$ ]] || fail "the label is $(prop XAyatanaLabel)"
wait_for 20 field_is reminder_open true || fail "no reminder"
wait_for 5 prop_is Status NeedsAttention || fail "Status is $(prop Status) with a reminder open"
echo "ok: Status Active while sitting, NeedsAttention with the reminder; label $(prop XAyatanaLabel)"
prop ToolTip | grep -q "Time to get up" || fail "tooltip: $(prop ToolTip)"
# Show a stretch: a submenu that reads the stretch of the reminder on screen.
$SNI submenu "$ITEM" "Show a stretch" >"$WORK/stretch" ||
  fail "no Show a stretch submenu: $($SNI menu "$ITEM")"
name=$(head -n 1 "$WORK/stretch" | sed 's/ ([0-9]* min)$//')
grep -q "^1\. " "$WORK/stretch" || fail "the stretch submenu has no numbered steps: $(cat "$WORK/stretch")"
# The reminder's body, logged after its summary line, names its stretch.
grep -qF "$name — " "$WORK/unsitd.log" ||
  fail "the submenu shows '$name', not the stretch of the reminder: $(grep -A3 "reminder: " "$WORK/unsitd.log")"
echo "ok: Show a stretch reads the reminder's stretch: $(tr '\n' '|' <"$WORK/stretch")"

shot() {  # shot NAME: what the panel shows now
  sleep 1  # waybar redraws on the item's signals
  as_sway grim -g "0,0 1280x34" - >"$WORK/$1.png" 2>>"$WORK/grim.log" || fail "grim failed"
  [ -n "${UNSIT_KEEP_SHOTS:-}" ] && cp "$WORK/$1.png" "$UNSIT_KEEP_SHOTS/"
  return 0
}
shot tray-due

click() {
  $SNI click "$ITEM" "$1" || fail "could not pick '$1': $($SNI menu "$ITEM")"
  echo "picked: $1"
}
click Snooze
wait_for 5 field_is reminder_open false || fail "Snooze left the reminder open"
wait_for 8 field_is reminder_open true || fail "no reminder after the snooze"
click Skip
wait_for 5 field_is reminder_open false || fail "Skip left the reminder open"
next=$(status_field next_reminder_seconds)
[ "${next%.*}" -ge 10 ] || fail "after Skip the next reminder is in $next s, expected a full sit limit"
wait_for 20 field_is reminder_open true || fail "no reminder after the skip"
click "I'm up"
wait_for 5 field_is reminder_open false || fail "I'm up left the reminder open"
[ "$(status_field today.done)" = 1 ] || fail "I'm up was not counted: $(status_field today)"

click "Pause 30 min"
wait_for 5 field_is paused true || fail "Pause 30 min did not pause"
wait_for 5 prop_is Status Passive || fail "Status is $(prop Status) while paused"
shot tray-paused
until_s=$(date -d "$(status_field paused_until | tr -d '"')" +%s)
left=$((until_s - $(date +%s)))
{ [ "$left" -ge 1790 ] && [ "$left" -le 1800 ]; } || fail "Pause 30 min paused for $left s"
click Resume
wait_for 5 field_is paused false || fail "Resume did not resume"
click "Pause 1 h"
wait_for 5 field_is paused true || fail "Pause 1 h did not pause"
left=$(($(date -d "$(status_field paused_until | tr -d '"')" +%s) - $(date +%s)))
{ [ "$left" -ge 3590 ] && [ "$left" -le 3600 ]; } || fail "Pause 1 h paused for $left s"
click "Pause until tomorrow"
TOMORROW=$(date -d "tomorrow 00:00" +%s)
paused_until_tomorrow() { [ "$(date -d "$(status_field paused_until | tr -d '"')" +%s)" = "$TOMORROW" ]; }
wait_for 5 paused_until_tomorrow ||
  fail "Pause until tomorrow paused until $(status_field paused_until)"
click Resume
wait_for 5 field_is paused false || fail "Resume did not resume"
echo "ok: snooze, skip, I'm up, the three pauses and resume did what they say"

click Standing
wait_for 5 field_is state '"standing"' || fail "Standing did not start standing"
# The menu follows the status through the GLib thread: a moment later.
menu_has() { $SNI menu "$ITEM" | grep -q "$1"; }
wait_for 5 menu_has "^[0-9]*	Standing	True	1$" ||
  fail "the Standing box is not checked: $($SNI menu "$ITEM")"
wait_for 5 prop_is XAyatanaLabel "" || fail "the label is $(prop XAyatanaLabel) while standing"
click Standing
wait_for 5 field_is state '"sitting"' || fail "Standing again did not sit down"
wait_for 5 menu_has "	Today: .* sitting, longest .*, [0-9]* breaks	False" ||
  fail "no line with today's totals: $($SNI menu "$ITEM")"
echo "ok: Standing toggles, the menu shows today's totals"
shot tray-sitting

# The watcher changes owner: the item registers with the new one.
kill "$WAYBAR_PID"
wait "$WAYBAR_PID" 2>/dev/null
start_waybar
wait_for 10 listed || fail "the item did not register with the new watcher"
echo "ok: registered again with the restarted waybar"
kill -0 "$DAEMON_PID" || fail "unsitd died"
pass
