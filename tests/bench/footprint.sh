#!/usr/bin/env bash
# Footprint of unsitd on a private Xvfb (XSync idle backend), in three phases
# with no reminder due: user active (input every 0.3 s), reading (input bursts
# with 4 s pauses), away (no input); then two more: due (a reminder on screen,
# input as when active: the busy sources that watch on demand, PipeWire,
# connected) and paused (the same reminder muted, input as when active: they
# let go). Per phase: RSS, PSS and anonymous memory (heap, malloc arenas,
# touched stack pages: what the daemon itself allocates; the rest of RSS is file
# pages of the executable and shared libraries, which RSS counts in full even
# when other processes share them), CPU seconds per hour, wakeups (context
# switches of all threads) per hour, timer fires per hour (read() calls of the io
# thread, from /proc/PID/task/PID/io: every timerfd fire is one read; SQLite's
# preads count too, but only at transitions), threads. Then the wakeups of the
# away phase by thread, what RSS is made of, and the `unsit status` round trip
# beside /bin/true started the same way. Budgets are printed as met / not met.
# Phases of 20-40 s are extrapolated to an hour. With CALLGRIND=1 (and valgrind
# installed) the daemon is then restarted under callgrind and the instructions
# it runs in one away phase are printed: a figure that does not vary with load.
# INDICATOR=off runs the daemon with `notify.indicator: off`; by default the
# panel indicator runs (on a bus without a panel: its own wakeups, not a host's).
# Not run by ctest. Usage: [CALLGRIND=1] [INDICATOR=off] footprint.sh BUILD_DIR [PHASE_SECONDS]
set -uo pipefail
source "$(dirname "$0")/../e2e/lib.sh"
e2e_init "$@"
PHASE=${2:-30}
need Xvfb xdotool dbus-daemon

# Default durations (60 min sitting, 5 min break): no reminder fires while measuring.
start_xvfb
start_bus
# A private PipeWire, when installed, so that the busy source that watches it
# (calls, screen sharing: on by default) is measured connected.
if command -v pipewire >/dev/null; then
  pipewire >"$WORK/pipewire.log" 2>&1 &
  track "$!"
  wait_for 10 test -S "$XDG_RUNTIME_DIR/pipewire-0" || fail "pipewire did not start"
fi
: >"$WORK/unsit.yaml"
[ "${INDICATOR:-auto}" = off ] && printf 'notify:\n  indicator: off\n' >"$WORK/unsit.yaml"
echo "notify.indicator: ${INDICATOR:-auto}"
start_daemon x11 log

sample() {  # prints: cpu_ticks switches threads io_thread_reads
  local pid=$DAEMON_PID ticks switches=0 threads=0 f reads
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  for f in /proc/"$pid"/task/*/status; do
    switches=$((switches + $(awk '/^(non)?voluntary_ctxt_switches/ {s += $2} END {print s}' "$f")))
    threads=$((threads + 1))
  done
  reads=$(awk '/^syscr:/ {print $2}' "/proc/$pid/task/$pid/io")
  echo "$ticks $switches $threads $reads"
}
thread_switches() {  # prints one "tid:name:switches" per thread
  local t
  for t in /proc/"$DAEMON_PID"/task/*; do
    echo "${t##*/}:$(cat "$t/comm"):$(awk '/^(non)?voluntary_ctxt_switches/ {s += $2} END {print s}' "$t/status")"
  done
}
memory() {  # prints: rss_kib pss_kib anonymous_kib
  awk '/^Rss:/ {r=$2} /^Pss:/ {p=$2} /^Anonymous:/ {a=$2} END {print r, p, a}' \
    "/proc/$DAEMON_PID/smaps_rollup"
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
due() { active; }
paused() { active; }
# Before the due phase: back at the keyboard, then a config whose sit limit the
# bout has passed, so the reminder falls due at the reload. Before paused: pause.
setup_due() {
  xdotool key shift
  printf 'sit_limit: 30s\nbreak_after: 25s\n' >>"$WORK/unsit.yaml"
  "$UNSIT" reload >/dev/null || fail "unsit reload refused"
  wait_for 10 field_is reminder_open true || fail "due: no reminder shown"
}
setup_paused() { "$UNSIT" pause >/dev/null || fail "unsit pause refused"; sleep 1; }

# How many PipeWire clients unsitd has open (none without a PipeWire).
pipewire_clients() {
  if command -v pw-cli >/dev/null && [ -S "$XDG_RUNTIME_DIR/pipewire-0" ]; then
    pw-cli ls Client 2>/dev/null | grep -c '"unsitd"'
  else
    echo "no PipeWire"
  fi
}

TICK=$(getconf CLK_TCK)
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
printf '%-8s %8s %8s %9s %11s %13s %12s %8s\n' phase "RSS MiB" "PSS MiB" "anon MiB" \
  "CPU s/hour" "wakeups/hour" "timer fires/h" threads
declare -A WAKE CPU
RSS_MAX=0
PSS_MAX=0
for phase in active reading away due paused; do
  if [ "$phase" = due ] || [ "$phase" = paused ]; then
    "setup_$phase"
    echo "busy sources connected ($phase): $(pipewire_clients)"
  fi
  [ "$phase" = away ] && mapfile -t AWAY0 < <(thread_switches)
  read -r t0 s0 _ r0 < <(sample)
  "$phase"
  read -r t1 s1 threads r1 < <(sample)
  [ "$phase" = away ] && mapfile -t AWAY1 < <(thread_switches)
  read -r rss pss anon < <(memory)
  cpu=$(awk -v d=$((t1 - t0)) -v tk="$TICK" -v p="$PHASE" 'BEGIN {printf "%.3f", d / tk * 3600 / p}')
  wake=$(((s1 - s0) * 3600 / PHASE))
  WAKE[$phase]=$wake
  CPU[$phase]=$cpu
  # The budget holds with no reminder due; the due phase is stated beside it.
  if [ "$phase" != due ]; then
    ((rss > RSS_MAX)) && RSS_MAX=$rss
    ((pss > PSS_MAX)) && PSS_MAX=$pss
  fi
  printf '%-8s %8s %8s %9s %11s %13d %12d %8d\n' "$phase" "$(mib "$rss")" "$(mib "$pss")" \
    "$(mib "$anon")" "$cpu" "$wake" "$(((r1 - r0) * 3600 / PHASE))" "$threads"
done

# Which thread woke while away (the io thread is the one named like the process
# whose tid is the pid; GLib's are gmain and gdbus).
away_threads=""
for before in "${AWAY0[@]}"; do
  tid=${before%%:*}
  for after in "${AWAY1[@]}"; do
    [ "${after%%:*}" = "$tid" ] || continue
    name=${before#*:}
    name=${name%:*}
    [ "$tid" = "$DAEMON_PID" ] && name="$name(io)"
    away_threads+=" $name=$(((${after##*:} - ${before##*:}) * 3600 / PHASE))"
  done
done
echo "away wakeups/hour by thread:$away_threads"

# What RSS is made of: file-backed pages (executable and shared libraries, in
# full) and anonymous memory, the part the daemon's own allocations decide.
read -r rss _ anon < <(memory)
libs=$(awk '/^[0-9a-f]+-[0-9a-f]+ / {name = $6} /^Rss:/ && $2 > 0 && name ~ /^\// {seen[name] = 1}
  END {n = 0; for (k in seen) n++; print n}' "/proc/$DAEMON_PID/smaps")
echo "RSS $(mib "$rss") MiB = $(mib $((rss - anon))) MiB file pages of $libs mapped files" \
  "(executable and shared libraries) + $(mib "$anon") MiB anonymous"

# The busy signals (hold.for: Do Not Disturb by default) run while measuring:
# their cost is inside every figure above.
echo "busy signal sources running while measured:"
"$UNSIT" doctor | awk '/^busy signals/ {on = 1; next} on && /^  / {print; next} on {exit}'

# Interleaved, so that a load change on a shared machine hits both alike.
read -r status_ms true_ms < <("$PYTHON" - "$UNSIT" <<'PY'
import statistics, subprocess, sys, time
def run_ms(argv):
    t = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000
status, true = [], []
for _ in range(200):
    status.append(run_ms([sys.argv[1], 'status']))
    true.append(run_ms(['/bin/true']))
print(f"{statistics.median(status):.2f} {statistics.median(true):.2f}")
PY
)
echo "unsit status: median ${status_ms} ms; /bin/true: median ${true_ms} ms" \
  "(200 runs each, interleaved; ratio $(awk -v s="$status_ms" -v t="$true_ms" 'BEGIN {printf "%.2f", s / t}'))"

verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
echo "budget RSS <= 12 MiB: $(verdict "$(awk -v r="$RSS_MAX" 'BEGIN{print (r <= 12*1024)}')")" \
  "(PSS $(mib "$PSS_MAX") MiB; file pages alone are $(mib $((rss - anon))) MiB of RSS)"
echo "budget <= 30 wakeups/hour while typing: $(verdict "$((WAKE[active] <= 30))")"
echo "wakeups/hour with no reminder due: typing ${WAKE[active]}, away ${WAKE[away]};" \
  "typing, paused after one was due: ${WAKE[paused]}"
cpu_ok=1
for phase in active reading away; do
  awk -v c="${CPU[$phase]}" 'BEGIN{exit !(c <= 0.5)}' || cpu_ok=0
done
echo "budget CPU <= 0.5 s/hour (every phase): $(verdict "$cpu_ok")"
echo "budget status <= 2x /bin/true: $(verdict "$(awk -v s="$status_ms" -v t="$true_ms" 'BEGIN{print (s <= 2*t)}')")"

# Instructions of one away phase, under callgrind (slow to start, so it runs last
# with its own daemon; the measured one is stopped first: one instance at a time).
if [ -n "${CALLGRIND:-}" ] && command -v valgrind >/dev/null && command -v callgrind_control >/dev/null; then
  kill "$DAEMON_PID" && wait "$DAEMON_PID" 2>/dev/null
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
    "$UNSITD" --config "$WORK/unsit.yaml" --idle-backend x11 --notifier log >"$WORK/callgrind.log" 2>&1 &
  DAEMON_PID=$!
  track "$DAEMON_PID"
  for _ in $(seq 300); do "$UNSIT" status >/dev/null 2>&1 && break; sleep 0.1; done
  xdotool key shift
  sleep 1
  callgrind_control -z "$DAEMON_PID" >/dev/null 2>&1
  away
  callgrind_control -d "$DAEMON_PID" >/dev/null 2>&1
  sleep 1
  ir=$(awk '/^totals:/ {print $2}' "$WORK"/callgrind.out.* 2>/dev/null | tail -n 1)
  echo "callgrind: ${ir:-?} instructions in a ${PHASE} s away phase (after a status request)"
fi
