#!/usr/bin/env bash
# The weekly schedule as a user meets it: quiet hours on today's weekday and
# working hours that begin tomorrow, shown by `unsit status` (text and JSON)
# and `unsit doctor`, and a refused schedule on reload with FILE:LINE:COLUMN.
# Usage: schedule_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need "$PYTHON"

export LC_ALL=C  # weekday names as the CLI prints them
day_name() { date -d "$1" +%a | tr '[:upper:]' '[:lower:]'; }
# A span from a minute ago to half an hour on, on the weekday it begins (it may
# run past midnight); the CLI names the day of its end only when it is not today.
today=$(day_name '-1 min')
tomorrow=$(day_name tomorrow)
from=$(date -d '-1 min' +%H:%M)
to=$(date -d '+30 min' +%H:%M)
until=$to
[ "$(date -d '+30 min' +%F)" = "$(date +%F)" ] || until="$(date -d '+30 min' +%a) $to"

# ---- Quiet hours on today's weekday.
cat >"$WORK/unsit.yaml" <<CFG
sit_limit: 45m
quiet_hours:
  - {days: $today, from: "$from", to: "$to"}
CFG
start_daemon none log
status=$("$UNSIT" --json status)
[ "$(json_field schedule.in <<<"$status")" = '"quiet_hours"' ] || fail "schedule.in: $status"
[ "$(json_field schedule.quiet <<<"$status")" = true ] || fail "schedule.quiet: $status"
[ "$(json_field schedule.span <<<"$status")" = "\"$today $from-$to\"" ] || fail "span: $status"
json_field schedule.until <<<"$status" | grep -q 'Z"$' || fail "schedule.until: $status"
"$UNSIT" status >"$WORK/status" || fail "unsit status failed"
grep -qx "Quiet hours ($today $from-$to) until $until: reminders wait until then" "$WORK/status" ||
  fail "no schedule line: $(cat "$WORK/status")"
doctor_says "the schedule" "^schedule: Quiet hours ($today $from-$to) until $until"
echo "ok: status and doctor name today's quiet span"

# ---- Working hours around now: reminders until the span ends.
printf 'sit_limit: 45m\nworking_hours: [{days: %s, from: "%s", to: "%s"}]\n' "$today" "$from" "$to" \
  >"$WORK/unsit.yaml"
"$UNSIT" reload >/dev/null || fail "reload with working hours around now"
[ "$(status_field schedule.quiet)" = false ] || fail "quiet in working hours"
"$UNSIT" status | grep -qx "Working hours ($today $from-$to): reminders until $until" ||
  fail "no working hours line: $("$UNSIT" status)"
echo "ok: status names the working span in force"

# ---- Working hours from tomorrow: outside them now, until tomorrow.
cat >"$WORK/unsit.yaml" <<CFG
sit_limit: 45m
working_hours: [{days: $tomorrow, from: "09:00", to: "17:00"}]
CFG
"$UNSIT" reload >/dev/null || fail "reload with working hours"
status=$("$UNSIT" --json status)
[ "$(json_field schedule.in <<<"$status")" = '"outside_working_hours"' ] || fail "in: $status"
[ "$(json_field schedule.span <<<"$status")" = null ] || fail "span: $status"
day=$(date -d tomorrow +%a)
"$UNSIT" status | grep -qx "Outside working hours until $day 09:00: reminders wait until then" ||
  fail "no working hours line: $("$UNSIT" status)"
echo "ok: outside working hours until $day 09:00"

# ---- A flow mapping whose comma splits the days is refused where it is.
printf 'quiet_hours: [{days: sat,sun}]\n' >"$WORK/unsit.yaml"
if "$UNSIT" reload >"$WORK/out" 2>&1; then fail "reload took a broken schedule"; fi
grep -q "unsit.yaml:1:26: quiet_hours\[0\]: the day \"sun\" is read as a key" "$WORK/out" ||
  fail "reload error: $(cat "$WORK/out")"
[ "$(status_field schedule.in)" = '"outside_working_hours"' ] || fail "the old schedule is gone"
echo "ok: a broken schedule is refused and the old one stays"

# ---- No schedule: null, and doctor says so.
printf 'sit_limit: 45m\n' >"$WORK/unsit.yaml"
"$UNSIT" reload >/dev/null || fail "reload without a schedule"
[ "$(status_field schedule)" = null ] || fail "schedule not null"
doctor_says "no schedule" "^schedule: none (reminders at any time)"
pass
