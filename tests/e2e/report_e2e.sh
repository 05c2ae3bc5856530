#!/usr/bin/env bash
# `unsit report` with the daemon stopped: a week of known history is written
# into the history file, the report is rendered with rsvg-convert and the
# picture is checked where the bouts, the part past the sit limit, the breaks
# and a reminder must be, and where an empty day must stay empty; the SVG must
# parse as XML with its text alternative, and the HTML page must embed it.
#   report_e2e.sh UNSIT SOURCE_DIR
set -uo pipefail
unsit=${1:?usage: report_e2e.sh UNSIT SOURCE_DIR}
src=${2:?usage: report_e2e.sh UNSIT SOURCE_DIR}
for tool in python3 rsvg-convert convert; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is needed"; exit 77; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/unsit-report.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_RUNTIME_DIR=$tmp/run XDG_STATE_HOME=$tmp/state HOME=$tmp/home
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 0700 "$XDG_RUNTIME_DIR"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# Each of the last 7 days but the fourth: sitting 09:00-11:00 (sit limit at
# 10:00, a reminder then, snoozed), a break 11:00-11:30, sitting 11:30-12:30.
python3 - "$XDG_STATE_HOME/unsit/history.db" "$src/tests/bench" <<'PY'
import sqlite3, sys, time
sys.path.insert(0, sys.argv[2])
import history_gen
history_gen.pathlib.Path(sys.argv[1]).parent.mkdir(parents=True)
db = sqlite3.connect(sys.argv[1])
for sql in history_gen.migrations():
    db.executescript(sql)
db.execute(f"PRAGMA user_version = {len(history_gen.migrations())}")
M = history_gen.MINUTE
with db:
    for day in range(7):
        if day == 3:
            continue
        at = lambda h, m=0: history_gen.local_ms(day, h, m)
        db.execute("INSERT INTO bouts (start_wall, end_wall, length_ms, end_reason, limit_wall) "
                   "VALUES (?, ?, ?, 'break', ?)", (at(9), at(11), 120 * M, at(10)))
        db.execute("INSERT INTO bouts (start_wall, end_wall, length_ms, end_reason, limit_wall) "
                   "VALUES (?, ?, ?, 'break', NULL)", (at(11, 30), at(12, 30), 60 * M))
        db.execute("INSERT INTO breaks (start_wall, end_wall, length_ms, cause, after_reminder) "
                   "VALUES (?, ?, ?, 'idle', 1)", (at(11), at(11, 30), 30 * M))
        db.execute("INSERT INTO reminders (shown_wall, times_shown, outcome, closed_wall, "
                   "sitting_ms) VALUES (?, 1, 'snoozed', ?, ?)", (at(10), at(10, 1), 60 * M))
PY

cd "$tmp" || exit 1
out=$("$unsit" report --output "$tmp/week")
rc=$?
if [ $rc -eq 0 ]; then ok "report with the daemon stopped: $out"; else fail "report exited $rc: $out"; fi
{ [ -s week.svg ] && [ -s week.html ]; } || { fail "week.svg and week.html written"; exit 1; }

python3 - week.svg week.html <<'PY' || fail "the SVG's structure (above)"
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
svg = open(sys.argv[1], encoding="utf-8").read()
root = ET.fromstring(svg)
title, desc = root.find("s:title", ns), root.find("s:desc", ns)
assert title is not None and title.text.startswith("Sitting, "), "a <title>"
lines = desc.text.strip().split("\n")
assert len(lines) == 7, f"<desc> says one line per day: {lines}"
assert "sat 3 h 00 min in 2 bouts, longest 2 h 00 min; 1 break; 1 reminder (1 snoozed)." \
    in lines[-1], lines[-1]
assert lines[3].endswith("no sitting recorded."), lines[3]
days = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "day"]
assert len(days) == 7, f"one row per day, got {len(days)}"
assert svg in open(sys.argv[2], encoding="utf-8").read(), "the HTML page embeds the SVG"
assert "href" not in svg and "<script" not in svg, "self-contained"
print("ok: the SVG parses; title, one description line and one row per day; HTML embeds it")
PY

rsvg-convert -o week.png week.svg || fail "rsvg-convert renders the SVG"
# hex COLOUR of pixel X,Y
pixel() { convert week.png -format "%[hex:p{$1,$2}]" info: | cut -c1-6; }
# The axis runs 09:00-13:00 over x 130..770 (160 px an hour); row i starts at
# y = 104 + 34 i: bouts at +7..+21, reminders at +14, breaks at +24..+29.
check() {  # NAME X Y EXPECTED
  local got
  got=$(pixel "$2" "$3")
  if [ "$got" = "$4" ]; then ok "$1 ($2,$3) is #$4"; else fail "$1 ($2,$3) is #$got, expected #$4"; fi
}
for row in 0 6; do
  y=$((104 + 34 * row))
  check "row $row sitting before the limit" 210 $((y + 10)) 4A78B5
  check "row $row past the sit limit" 370 $((y + 10)) E07B39
  check "row $row break" 490 $((y + 26)) 62A86B
  check "row $row sitting after the break" 650 $((y + 10)) 4A78B5
  check "row $row snoozed reminder" 290 $((y + 14)) D99A06
  check "row $row nothing at 12:45" 730 $((y + 10)) F3F5F8  # even rows are shaded
done
check "the empty day stays empty" 210 $((104 + 34 * 3 + 10)) FFFFFF

if [ -n "${UNSIT_KEEP_REPORT:-}" ]; then cp week.svg week.html week.png "$UNSIT_KEEP_REPORT"/; fi
if [ $failures -eq 0 ]; then echo "PASS"; else echo "$failures failure(s)"; exit 1; fi
