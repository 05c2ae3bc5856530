#!/usr/bin/env bash
# No untranslated text: the CLI and the daemon under the en@pseudo catalogue
# (every message bracketed ⟦...⟧, made from the template by po/pseudo.sh). Each
# line a person reads from `--help`, the replies of every verb, `doctor` with and
# without the daemon, the usage errors and the reminder (the log notifier's
# text) must carry the marks; a line without them is text that did not go
# through the catalogue. What stays as it is, by design, is listed in `exempt`.
# Usage: i18n_pseudo_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need_built "$UNSIT_LOCALEDIR/en@pseudo/LC_MESSAGES/unsit.mo"
if LANG=en_US.UTF-8 locale 2>&1 | grep -q "Cannot set"; then
  echo "SKIP: the en_US.UTF-8 locale is not installed (package locales-all)"
  exit 77
fi
export LANG=en_US.UTF-8 LANGUAGE=en@pseudo
checked=0

# Lines that are data, not words: the steps of a stretch (the catalogue's own
# text, translated with the catalogue), JSON, a path, an option's name and
# value type alone on its line in --help, a verb's example command lines,
# CLI11's own error line before ours, and blank lines. A backend's reason is
# not exempt, not even one that ends in a path: it comes with its text.
exempt() {
  [[ -z "${1// /}" ]] ||
    [[ "$1" =~ ^\ \ -[-a-z,]+(\ [A-Z]+[^a-z]*(\ in\ .*|\{.*)?)?$ ]] ||
    [[ "$1" =~ ^\ \ unsit\  ]] ||
    [[ "$1" =~ ^\ \ [0-9]+\.\  ]] ||
    [[ "$1" =~ ^[{}] ]] ||
    [[ "$1" =~ ^/ ]] ||
    [[ "$1" =~ ^(The following argument|Could not convert|[a-z]+:\ ⟦) ]]
}

# all_marked WHAT TEXT: every line of TEXT carries a mark or is exempt.
all_marked() {
  local line
  while IFS= read -r line; do
    exempt "$line" && continue
    [[ "$line" == *⟦* || "$line" == *⟧* ]] || fail "$1: untranslated line: \"$line\""
  done <<<"$2"
  checked=$((checked + 1))
}

# out_of COMMAND...: its stdout and stderr together (the exit status is not ours here).
out_of() { "$@" 2>&1; }
# The tooltip of the Waybar line, as Waybar shows it (not JSON-escaped).
tooltip() {
  "$UNSIT" status --format waybar | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["tooltip"])'
}

# ---- Without the daemon.
all_marked "unsit --help" "$(out_of "$UNSIT" --help)"
for verb in status today history report snooze "done" skip pause resume standing stretch watch \
    doctor reload version; do
  all_marked "unsit $verb --help" "$(out_of "$UNSIT" "$verb" --help)"
done
all_marked "unsitd --help" "$(out_of "$UNSITD" --help)"
all_marked "unsitd --check-config" "$(out_of "$UNSITD" --check-config)"
all_marked "status, not running" "$(out_of "$UNSIT" status)"
all_marked "offline doctor" "$(out_of "$UNSIT" doctor)"
all_marked "offline today" "$(out_of "$UNSIT" today)"
all_marked "bad duration" "$(out_of "$UNSIT" snooze soon)"
all_marked "too long" "$(out_of "$UNSIT" pause 9999d)"
all_marked "waybar offline tooltip" "$(tooltip)"

# ---- With the daemon: a reminder after 3 s (no idle source: always present).
write_config 3s 2s 1h 10m
start_daemon none log
wait_for 10 field_is reminder_open true || fail "no reminder"
summary=$(grep -a "reminder: " "$WORK/unsitd.log" | head -n 1)
[[ "$summary" == *"reminder: ⟦"* ]] || fail "the reminder's summary is not translated: $summary"
for part in "⟦Wàlk àrõünd" "⟦Àll stéps: unsit stretch⟧" "⟦Nõ büttõns héré"; do
  grep -aqF "$part" "$WORK/unsitd.log" || fail "the reminder's body lacks \"$part\""
done
checked=$((checked + 1))
for verb in status today history stretch version; do
  all_marked "unsit $verb" "$(out_of "$UNSIT" "$verb")"
done
all_marked "doctor" "$(out_of "$UNSIT" doctor)"
all_marked "snooze" "$(out_of "$UNSIT" snooze 5m)"
all_marked "pause" "$(out_of "$UNSIT" pause 10m)"
all_marked "resume" "$(out_of "$UNSIT" resume)"
all_marked "standing on" "$(out_of "$UNSIT" standing on)"
all_marked "standing off" "$(out_of "$UNSIT" standing off)"
all_marked "skip" "$(out_of "$UNSIT" skip)"
all_marked "done" "$(out_of "$UNSIT" "done")"
all_marked "reload" "$(out_of "$UNSIT" reload)"
all_marked "waybar tooltip" "$(tooltip)"
# The JSON and the Waybar feed keep their English keys and values.
"$UNSIT" --json status | grep -Eq '"state": ?"(sitting|standing|away)"' ||
  fail "the JSON changed with the locale: $("$UNSIT" --json status)"
"$UNSIT" status --format waybar | grep -Eq '"class": ?"(sitting|due|held|away|paused)"' ||
  fail "the Waybar class changed: $("$UNSIT" status --format waybar)"
echo "ok: $checked outputs, every line through the catalogue"
pass
