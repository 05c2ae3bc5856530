#!/usr/bin/env bash
# Latency of a `status` request while other clients crowd the control socket:
# with 0, 100 and 1000 other connections opened and left silent (each new one
# pushes the one idle the longest out), ROUNDS requests on a fresh connection
# each; prints p50 and p99 in ms, and the daemon's open fds and resident memory
# before and after. Not run by ctest (timings depend on the machine).
#   socket_load.sh BUILD_DIR [ROUNDS]
# Exit: 0 done, 1 set-up failure, 2 usage, 77 not built.
set -uo pipefail
source "$(dirname "$0")/../e2e/lib.sh"
e2e_init "$@"
rounds=${2:-300}
need "$PYTHON"
DAEMON_LOG_LEVEL=info start_daemon none log

"$PYTHON" - "$DAEMON_PID" "$XDG_RUNTIME_DIR/unsit/control.sock" "$rounds" <<'PY'
import os, resource, socket, statistics, sys, time

pid, path, rounds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))

def footprint():
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
    return f"{fds} fds, {rss / 1024:.1f} MiB resident"

def status_ms():
    start = time.monotonic_ns()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(path)
    s.sendall(b'{"v":1,"id":1,"cmd":"status"}\n')
    data = b""
    while not data.endswith(b"\n"):
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    if b'"ok":true' not in data:
        sys.exit(f"status failed: {data[:200]!r}")
    return (time.monotonic_ns() - start) / 1e6

print(f"before: {footprint()}")
for others in (0, 100, 1000):
    crowd = []
    for _ in range(others):
        c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        c.connect(path)
        crowd.append(c)
    times = sorted(status_ms() for _ in range(rounds))
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{others:5d} other clients: status p50 {p50:.3f} ms, p99 {p99:.3f} ms; daemon {footprint()}")
    for c in crowd:
        c.close()
time.sleep(0.5)
print(f"after: {footprint()}")
PY
