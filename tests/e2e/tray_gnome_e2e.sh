#!/usr/bin/env bash
# The panel indicator on a real GNOME Shell 43 (headless) with Debian's
# AppIndicator extension enabled: the extension's StatusNotifierWatcher lists
# the item, the shell's panel holds it (found through org.gnome.Shell.Eval)
# with the minutes sitting as its label, and menu items picked in the shell's
# menu (the extension sends the "clicked" event) change `unsit status`.
# Stand-ins as in gnome_e2e.sh (logind and GDM mocks, /run/systemd/seats).
# Usage: tray_gnome_e2e.sh BUILD_DIR
set -uo pipefail
UNSIT_GNOME_FUNCTIONS_ONLY=1 source "$(dirname "$0")/gnome_e2e.sh" "$1"
EXTENSION=ubuntu-appindicators@ubuntu.com
[ -d "/usr/share/gnome-shell/extensions/$EXTENSION" ] ||
  { echo "SKIP: gnome-shell-extension-appindicator is not installed"; exit 77; }

start_gnome
# Enable the extension the way the extension manager does once its setting is
# set, without waiting for the shell to notice the setting change.
shell_eval "Main.extensionManager._callExtensionEnable('$EXTENSION');
  String(Main.extensionManager.lookup('$EXTENSION').state)" >"$WORK/enable" ||
  fail "could not enable $EXTENSION: $(cat "$WORK/enable")"
wait_for 10 watcher_up ||
  fail "the AppIndicator extension serves no StatusNotifierWatcher: $(tail -5 "$WORK/shell.log")"
echo "ok: the AppIndicator extension runs ($(cat "$WORK/enable"))"

write_config 15s 3s 1m 4s 1m
start_unsitd none XDG_CURRENT_DESKTOP=GNOME
need_indicator
UNSIT_JS="Object.values(Main.panel.statusArea).find(i => i && i._indicator && i._indicator.id === 'unsit')"
in_panel() { shell_eval "String(Boolean($UNSIT_JS))" | grep -q true; }
wait_for 20 in_panel || fail "the shell's panel has no unsit indicator"
echo "ok: the indicator is in GNOME Shell's panel"
label() { shell_eval "(() => { const i = $UNSIT_JS; return i._label ? i._label.text : ''; })()"; }
label_shown() { label 2>/dev/null | grep -q '"[0-9]*m"'; }
wait_for 15 label_shown || fail "the panel shows no minutes: $(label)"
echo "ok: the panel shows the label: $(label)"
grep -q "^indicator: shown" <("$UNSIT" doctor 2>&1) || fail "doctor: $("$UNSIT" doctor 2>&1 | grep indicator)"

# pick LABEL: the shell's menu item LABEL sends "clicked", as a click does
# (the extension fills its menu from ours a moment after the item shows).
try_pick() {
  shell_eval "(() => { const i = $UNSIT_JS;
    const m = i.menu._getMenuItems().find(m => m.label && m.label.text === '$1');
    if (!m) return 'none';
    m._dbusItem.handleEvent('clicked', imports.gi.GLib.Variant.new('i', 0), 0); return 'picked'; })()" |
    grep -q picked
}
pick() {
  wait_for 5 try_pick "$1" || fail "no menu item $1 in the shell"
  echo "picked in the shell: $1"
}
wait_for 20 field_is reminder_open true || fail "no reminder"
pick Snooze
wait_for 5 field_is reminder_open false || fail "Snooze left the reminder open"
shot() {  # shot NAME: the shell's screen, as the user sees it (kept in UNSIT_KEEP_SHOTS)
  gdbus call --session --dest org.gnome.Shell.Screenshot --object-path /org/gnome/Shell/Screenshot \
    --method org.gnome.Shell.Screenshot.Screenshot false false "$GNOME_DIR/$1.png" >/dev/null ||
    fail "the shell took no screenshot"
  [ -n "${UNSIT_KEEP_SHOTS:-}" ] && cp "$GNOME_DIR/$1.png" "$UNSIT_KEEP_SHOTS/"
  return 0
}
shot gnome-snoozed
pick "Pause 30 min"
wait_for 5 field_is paused true || fail "Pause 30 min did not pause"
# GNOME's extension hides Passive items: while paused the icon is gone.
visible() { shell_eval "String($UNSIT_JS.visible)" | grep -q "$1"; }
wait_for 5 visible false || fail "the extension still shows the paused (Passive) item"
"$UNSIT" resume >/dev/null || fail "unsit resume failed"
wait_for 5 visible true || fail "the item did not come back after resume"
pick Standing
wait_for 5 field_is state '"standing"' || fail "Standing did not start standing"
pick Standing
wait_for 5 field_is state '"sitting"' || fail "Standing again did not sit down"
shot gnome-sitting
echo "ok: the item hides while paused (Passive) and returns; Standing toggles from the shell"
# Show a stretch: the shell opens the submenu with the stretch's lines.
open_stretch() {
  shell_eval "(() => { const i = $UNSIT_JS; i.menu.open(false);
    const m = i.menu._getMenuItems().find(m => m.label && m.label.text === 'Show a stretch');
    if (!m || !m.menu) return 'none';
    m.setSubmenuShown(true);
    return m.menu._getMenuItems().map(l => l.label.text).join('|'); })()" >"$WORK/stretch" &&
    grep -q "(.* min)|1\. " "$WORK/stretch"
}
wait_for 5 open_stretch || fail "the shell shows no stretch under Show a stretch: $(cat "$WORK/stretch")"
shot gnome-stretch
shell_eval "$UNSIT_JS.menu.close(false)" >/dev/null
echo "ok: Show a stretch opens in the shell: $(cut -c1-120 "$WORK/stretch")"
echo "PASS"
