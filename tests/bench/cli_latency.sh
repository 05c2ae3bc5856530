#!/usr/bin/env bash
# Start-up plus round-trip cost of `unsit status` against a running unsitd,
# beside /bin/true started the same way (fork + exec + wait, monotonic clock,
# output to /dev/null), interleaved. Prints the medians of RUNS runs each and
# their ratio; the budget is status <= 2x /bin/true. The daemon runs with no
# idle source and logged reminders, in a fresh temporary XDG tree; only it is
# stopped at the end. Not run by ctest (timings depend on the machine).
# With LOCALE (e.g. de_DE.UTF-8) both run under LANG=LOCALE, so `unsit status`
# also loads the locale and its message catalogue from the build tree.
#   cli_latency.sh BUILD_DIR [RUNS] [LOCALE]
# Exit: 0 budget met, 1 not met or set-up failure, 2 usage, 77 not built.
set -uo pipefail
source "$(dirname "$0")/../e2e/lib.sh"
e2e_init "$@"
runs=${2:-200}
if [ -n "${3:-}" ]; then export LANG=$3; fi
need "$PYTHON"
DAEMON_LOG_LEVEL=info start_daemon none log

"$PYTHON" - "$runs" "$UNSIT" <<'PY'
import os, statistics, sys, time

runs, unsit = int(sys.argv[1]), sys.argv[2]
devnull = os.open(os.devnull, os.O_WRONLY)

def once(argv):
    start = time.monotonic_ns()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status = os.waitpid(pid, 0)
    elapsed = time.monotonic_ns() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv} failed: {status}")
    return elapsed / 1e6

# Interleaved, so that a busy moment of the machine hits both alike.
for _ in range(10):  # warm the page cache
    once(["/bin/true"]), once([unsit, "status"])
true, status = [], []
for _ in range(runs):
    true.append(once(["/bin/true"]))
    status.append(once([unsit, "status"]))
status_ms, true_ms = statistics.median(status), statistics.median(true)
ratio = status_ms / true_ms
print(f"LANG={os.environ.get('LANG', '(unset)')}: unsit status: median {status_ms:.3f} ms; /bin/true: median {true_ms:.3f} ms "
      f"({runs} runs each); ratio {ratio:.2f} (budget 2.00): "
      f"{'met' if ratio <= 2 else 'NOT met'}")
sys.exit(0 if ratio <= 2 else 1)
PY
