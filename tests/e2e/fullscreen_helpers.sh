# shellcheck shell=bash
# The fullscreen hold as both fullscreen tests check it (X11 and sway), sourced
# after lib.sh with the daemon started on `write_hold_config fullscreen`.

# expect_fullscreen_hold ENTER LEAVE: nothing is busy; after the command ENTER
# the status says fullscreen and the due reminder is held, not shown; after
# LEAVE it is free and the reminder shows after the settle time, saying so.
expect_fullscreen_hold() {
  field_is busy '[]' || fail "busy before anything is fullscreen"
  "$1" || fail "entering fullscreen failed ($1)"
  wait_for 5 field_is busy '["fullscreen"]' || fail "fullscreen: status does not say busy"
  wait_for 10 field_is held_by '["fullscreen"]' || fail "fullscreen: the reminder was not held"
  sleep 1
  field_is reminder_open false || fail "fullscreen: the reminder showed"
  grep -q "reminder: " "$WORK/unsitd.log" && fail "fullscreen: a reminder was shown"
  echo "fullscreen: reminder held"

  "$2" || fail "leaving fullscreen failed ($2)"
  wait_for 5 field_is busy '[]' || fail "left fullscreen: status still says busy"
  wait_for 6 field_is reminder_open true || fail "left fullscreen: the reminder did not show"
  grep -q "reminder: .* sitting — you left fullscreen, time to stand" "$WORK/unsitd.log" ||
    fail "left fullscreen: the reminder does not say so"
  echo "left fullscreen: reminder shown after the settle time"
}
