#!/usr/bin/env bash
# Footprint of unsitd on a private Xvfb (XSync idle backend), in three phases:
# user active (input every 0.3 s), reading (input bursts with 4 s pauses), away
# (no input). Per phase: RSS and PSS, CPU seconds per hour, wakeups (context
# switches of all threads) per hour, threads; then the `unsit status` round trip
# beside /bin/true started the same way. Budgets are printed as met / not met.
# Not run by ctest. Usage: footprint.sh BUILD_DIR [PHASE_SECONDS]
set -uo pipefail
BUILD="$(cd "$1" && pwd)"
PHASE=${2:-30}
source "$(dirname "$0")/../e2e/x11_env.sh"
need Xvfb xdotool dbus-daemon

# Default durations (60 min sitting, 5 min break): no reminder fires while measuring.
start_xvfb
start_bus
: >"$WORK/unsit.yaml"
start_daemon log

sample() {  # prints: cpu_ticks switches threads
  local pid=$DAEMON_PID ticks switches=0 threads=0 f
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  for f in /proc/"$pid"/task/*/status; do
    switches=$((switches + $(awk '/^(non)?voluntary_ctxt_switches/ {s += $2} END {print s}' "$f")))
    threads=$((threads + 1))
  done
  echo "$ticks $switches $threads"
}
memory() {  # prints: rss_kib pss_kib
  awk '/^Rss:/ {r=$2} /^Pss:/ {p=$2} END {print r, p}' "/proc/$DAEMON_PID/smaps_rollup"
}

active() { local end=$((SECONDS + PHASE)); while ((SECONDS < end)); do xdotool mousemove_relative -- 1 1; sleep 0.3; done; }
reading() {
  local end=$((SECONDS + PHASE))
  while ((SECONDS < end)); do
    for _ in 1 2 3; do xdotool key shift; sleep 0.2; done
    sleep 4
  done
}
away() { sleep "$PHASE"; }

TICK=$(getconf CLK_TCK)
printf '%-8s %8s %8s %12s %14s %8s\n' phase "RSS MiB" "PSS MiB" "CPU s/hour" "wakeups/hour" threads
declare -A WAKE CPU
RSS_MAX=0
for phase in active reading away; do
  read -r t0 s0 _ < <(sample)
  "$phase"
  read -r t1 s1 threads < <(sample)
  read -r rss pss < <(memory)
  cpu=$(awk -v d=$((t1 - t0)) -v tk="$TICK" -v p="$PHASE" 'BEGIN {printf "%.3f", d / tk * 3600 / p}')
  wake=$(((s1 - s0) * 3600 / PHASE))
  WAKE[$phase]=$wake
  CPU[$phase]=$cpu
  ((rss > RSS_MAX)) && RSS_MAX=$rss
  printf '%-8s %8.1f %8.1f %12s %14d %8d\n' "$phase" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" \
    "$(awk -v k="$pss" 'BEGIN{print k/1024}')" "$cpu" "$wake" "$threads"
done

read -r status_ms true_ms < <("$PYTHON" - "$UNSIT" <<'PY'
import statistics, subprocess, sys, time
def median_ms(argv):
    runs = []
    for _ in range(200):
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)
print(f"{median_ms([sys.argv[1], 'status']):.2f} {median_ms(['/bin/true']):.2f}")
PY
)
echo "unsit status: median ${status_ms} ms; /bin/true: median ${true_ms} ms (200 runs each)"

verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
echo "budget RSS <= 12 MiB: $(verdict "$(awk -v r="$RSS_MAX" 'BEGIN{print (r <= 12*1024)}')")"
echo "budget <= 30 wakeups/hour while typing: $(verdict "$((WAKE[active] <= 30))")"
cpu_ok=1
for phase in active reading away; do
  awk -v c="${CPU[$phase]}" 'BEGIN{exit !(c <= 0.5)}' || cpu_ok=0
done
echo "budget CPU <= 0.5 s/hour (every phase): $(verdict "$cpu_ok")"
echo "budget status <= 2x /bin/true: $(verdict "$(awk -v s="$status_ms" -v t="$true_ms" 'BEGIN{print (s <= 2*t)}')")"
