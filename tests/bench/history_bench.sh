#!/bin/sh
# History read benchmark (not run by ctest).
#
#   tests/bench/history_bench.sh BUILD_DIR
#
# Generates a year of realistic history into a temporary state directory, then
# times whole runs of `unsit today` and `unsit history --days 365` (no daemon:
# the CLI reads the file directly), median of 20, beside /bin/true. Also times
# ReadHistoryDays alone, and `unsit report` for 7 and 365 days (median of 10,
# budget 1 s). Exits 1 when a CLI median exceeds its budget.
set -eu

build=$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

export XDG_STATE_HOME="$work/state"
export XDG_RUNTIME_DIR="$work/run"   # no socket here: the daemon is "not running"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
db="$XDG_STATE_HOME/unsit/history.db"
python3 "$src/tests/bench/history_gen.py" "$db" --days 365

if ! "$build/cli/unsit" history --days 365 >/dev/null 2>&1; then
  echo "note: 'unsit history --days 365' was refused; timing the largest accepted --days" >&2
fi

status=0
python3 - "$build/cli/unsit" <<'PY' || status=$?
import statistics, subprocess, sys, time
unsit = sys.argv[1]

def median_ms(cmd):
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)

def accepted_days():
    for days in (365, 180, 120, 90, 60, 30, 14, 7):
        if subprocess.run([unsit, "history", "--days", str(days)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            return days
    return 7

days = accepted_days()
rows = [("/bin/true", ["/bin/true"]), ("unsit today", [unsit, "today"]),
        (f"unsit history --days {days}", [unsit, "history", "--days", str(days)])]
over = False
for name, cmd in rows:
    ms = median_ms(cmd)
    budget = "" if cmd[0] == "/bin/true" else ("  OVER 50 ms" if ms > 50 else "  ok (< 50 ms)")
    over = over or budget.startswith("  OVER")
    print(f"{name:32s} median of 20: {ms:7.2f} ms{budget}")
sys.exit(1 if over else 0)
PY

# `unsit report`: the picture of 7 days and of the whole year.
python3 - "$build/cli/unsit" "$work/report" <<'PY' || status=1
import os, statistics, subprocess, sys, time
unsit, out = sys.argv[1], sys.argv[2]
over = False
for days in (7, 365):
    cmd = [unsit, "report", "--days", str(days), "--output", out]
    runs = []
    for _ in range(10):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        runs.append((time.perf_counter() - start) * 1000)
    ms = statistics.median(runs)
    kib = os.path.getsize(out + ".svg") / 1024
    over = over or ms > 1000
    name = f"unsit report --days {days}"
    print(f"{name:32s} median of 10: {ms:7.2f} ms"
          f"  {'OVER 1 s' if ms > 1000 else 'ok (< 1 s)'}, SVG {kib:.0f} KiB")
sys.exit(1 if over else 0)
PY

# ReadHistoryDays alone (tests/bench/history_read_bench, built with BUILD_DIR).
bench="$build/tests/bench/history_read_bench"
if [ -x "$bench" ]; then
  "$bench" "$db" 365
else
  echo "no $bench: build the history_read_bench target" >&2
  status=1
fi
# What checkpoints add while sitting.
"$src/tests/bench/checkpoint_wakeups.sh" "$build" || status=1
exit $status
