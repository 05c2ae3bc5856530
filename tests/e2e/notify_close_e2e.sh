#!/usr/bin/env bash
# Closes are matched to the notification they belong to (real dunst on Xvfb):
# after a reminder is answered with a button, later reminders closed by the
# user still count as dismissals (`on_dismiss: snooze`), each one, and none
# leaves the reminder open.
# Usage: notify_close_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
start_dunst_desktop
write_config 4s 2s 60s 2s 1s
start_activity
start_daemon x11 libnotify

wait_for 10 displayed_some || fail "no notification on screen"
dunstctl action 0
wait_for 5 field_is today.done 1 || fail "dunstctl action 0 not recorded as done"
wait_for 3 field_is reminder_open false || fail "reminder still open after the action"
echo "first reminder answered with its button"

for n in 1 2; do
  wait_for 10 displayed_some || fail "reminder $((n + 1)) not on screen"
  wait_for 5 field_is reminder_open true || fail "reminder $((n + 1)) not open"
  dunstctl close
  wait_for 5 field_is today.dismissed "$n" ||
    fail "closing reminder $((n + 1)) was not taken as a dismissal (dismissed: $(status_field today.dismissed))"
  field_is reminder_open false || fail "reminder $((n + 1)) still open after the user closed it"
  echo "reminder $((n + 1)) closed by the user: dismissal recorded"
done
pass
