#!/usr/bin/env bash
# German, as a user with LANG=de_DE.UTF-8 meets it: the reminder on a real
# notification server (dunst on Xvfb) with a German summary, body and action
# labels (read from the Notify call on the bus), a screenshot kept for a person
# to look at, and the CLI's replies in German with German plurals.
# Usage: i18n_german_e2e.sh BUILD_DIR [SCREENSHOT.png]
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need Xvfb xdotool dbus-daemon dbus-monitor dunst dunstctl xwd convert
need_built "$UNSIT_LOCALEDIR/de/LC_MESSAGES/unsit.mo"
if LANG=de_DE.UTF-8 locale 2>&1 | grep -q "Cannot set"; then
  echo "SKIP: the de_DE.UTF-8 locale is not installed (package locales-all)"
  exit 77
fi
SHOT=${2:-$WORK/reminder-de.png}
export LANG=de_DE.UTF-8

start_dunst_desktop
dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
  >"$WORK/notify.log" 2>&1 &
track $!
write_config 4s 2s 1h 10m
start_activity
start_daemon x11 libnotify

shoot_reminder "$SHOT"

wait_for 5 grep -q "Zeit zum Aufstehen" "$WORK/notify.log" || fail "the summary is not German: $(cat "$WORK/notify.log")"
grep -Eq "Zeit zum Aufstehen – seit [0-9]+ Sek. im Sitzen" "$WORK/notify.log" ||
  fail "the summary is not the German one: $(cat "$WORK/notify.log")"
for text in "Gehen Sie ein paar Minuten umher." \
    "Alle Schritte: unsit stretch" "stehen im Menü der Benachrichtigung (dunstctl context)." \
    "Ich stehe auf" "10 Min. später" "Überspringen"; do
  grep -qF "$text" "$WORK/notify.log" || fail "the notification lacks \"$text\": $(cat "$WORK/notify.log")"
done
echo "ok: the reminder on dunst is German (summary, body, actions)"

status=$("$UNSIT" status)
echo "$status"
grep -q "^Sitzt seit " <<<"$status" || fail "unsit status is not German: $status"
grep -q "^Eine Erinnerung ist offen: Zeit zum Aufstehen.$" <<<"$status" || fail "no open reminder line: $status"
grep -Eq "^Heute: .* im Sitzen, längste Sitzphase .*, 0 Pausen; 1 Erinnerung: 1 offen$" <<<"$status" ||
  fail "today's line is not German with German plurals: $status"
"$UNSIT" snooze 15m | grep -q "^Um 15 Min. verschoben.$" || fail "snooze did not answer in German"
"$UNSIT" doctor | grep -q "^Sprachumgebung: de_DE.UTF-8" || fail "doctor does not show the locale"
# The JSON keeps its English keys and values.
field_is state '"sitting"' || fail "the JSON changed with the locale"
pass
