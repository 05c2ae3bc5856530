#!/usr/bin/env bash
# The sit-stand rhythm on a real notification server (dunst on a private Xvfb):
# after the sitting part "raise the desk" is on screen (a screenshot is kept
# for a person to look at, and one of "you may sit"). "Later", picked from dunst's menu, closes it and
# it comes back a snooze later; then its button, dunst's default action,
# switches standing on. After the standing part "you may sit" comes, and its
# button switches standing off. Today's totals hold sitting and standing apart.
# Usage: desk_rhythm_e2e.sh BUILD_DIR [SCREENSHOT.png]
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need xwd convert
SHOT=${2:-$WORK/desk.png}
start_dunst_desktop
write_config 1h 3s 1h 3s
printf 'standing_desk:\n  sit: 4s\n  stand: 5s\n' >>"$WORK/unsit.yaml"
start_activity
start_daemon x11 libnotify

# prompt_shown KIND TEXT [N]: the log has N (default 1) such prompts shown.
prompt_shown() { [ "$(grep -c "desk prompt shown ($1): $2" "$WORK/unsitd.log")" -ge "${3:-1}" ]; }
nothing_displayed() { [ "$(dunstctl count displayed)" -eq 0 ]; }

wait_for 15 prompt_shown raise "Time to raise the desk" || fail "no raise-the-desk prompt"
wait_for 5 displayed_some || fail "the raise-the-desk prompt is not on screen"
[ "$(status_field state)" = '"sitting"' ] || fail "not sitting before the desk went up"
sleep 1  # let dunst draw it
xwd -root -display "$DISPLAY" | convert xwd:- "$SHOT" || fail "no screenshot"
echo "screenshot: $SHOT"
grep -q "Stand for the next 5 s" "$WORK/unsitd.log" || fail "the prompt does not say how long to stand"

dunstctl context  # the menu's pick (notify_dmenu.sh): the snooze action, "Later"
wait_for 5 nothing_displayed || fail "Later did not close the prompt"
[ "$(status_field state)" = '"sitting"' ] || fail "Later switched the state"
wait_for 10 prompt_shown raise "Time to raise the desk" 2 || fail "the prompt did not come back after Later"
wait_for 5 displayed_some || fail "the prompt is not back on screen after Later"
echo "Later: asked again"

dunstctl action 0
wait_for 5 field_is state '"standing"' || fail "Desk is up did not switch standing on"
wait_for 5 nothing_displayed || fail "the prompt stayed on screen"
echo "Desk is up: standing"

wait_for 15 prompt_shown sit "You may sit" || fail "no you-may-sit prompt"
wait_for 5 displayed_some || fail "the you-may-sit prompt is not on screen"
sleep 1
xwd -root -display "$DISPLAY" | convert xwd:- "${SHOT%.png}-sit.png" || fail "no screenshot"
echo "screenshot: ${SHOT%.png}-sit.png"
dunstctl action 0
wait_for 5 field_is state '"sitting"' || fail "Sitting now did not switch standing off"
echo "Sitting now: sitting"

standing=$(status_field today.standing_seconds)
sitting=$(status_field today.sitting_seconds)
[ "$standing" -ge 4 ] || fail "today's standing time is $standing s, not the standing part"
[ "$sitting" -ge 4 ] || fail "today's sitting is $sitting s, less than the sitting part"
"$UNSIT" today | grep -q "s standing" || fail "unsit today does not show standing: $("$UNSIT" today)"
echo "today: ${sitting} s sitting, ${standing} s standing"
pass
