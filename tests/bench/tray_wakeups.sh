#!/usr/bin/env bash
# Wakeups of unsitd while sitting, with and without the panel indicator (not
# run by ctest). The idle source is `none`, so the user counts as sitting the
# whole time and only the daemon's own timers can wake it; the default config
# (sit limit 1 h) shows no reminder meanwhile. A private session bus with no
# panel: the item sends its signals, no host asks for anything. Prints, per
# setting, the io thread's timer fires (read() calls) and the context switches
# of all threads, per hour.
# Usage: tray_wakeups.sh BUILD_DIR [SECONDS]
set -uo pipefail
SECONDS_RUN=${2:-180}
source "$(dirname "$0")/../e2e/lib.sh"
e2e_init "$@"
need dbus-daemon
start_bus

sample() {  # prints: io_thread_reads switches_of_all_threads
  local f switches=0
  for f in /proc/"$DAEMON_PID"/task/*/status; do
    switches=$((switches + $(awk '/^(non)?voluntary_ctxt_switches/ {s += $2} END {print s}' "$f")))
  done
  echo "$(awk '/^syscr:/ {print $2}' "/proc/$DAEMON_PID/task/$DAEMON_PID/io") $switches"
}

for indicator in off auto; do
  printf 'notify:\n  indicator: %s\n' "$indicator" >"$WORK/unsit.yaml"
  "$UNSITD" --config "$WORK/unsit.yaml" --idle-backend none --notifier log >"$WORK/unsitd.log" 2>&1 &
  DAEMON_PID=$!
  track "$DAEMON_PID"
  for _ in $(seq 50); do "$UNSIT" status >/dev/null 2>&1 && break; sleep 0.1; done
  sleep 5  # start-up done
  read -r r0 s0 < <(sample)
  sleep "$SECONDS_RUN"
  read -r r1 s1 < <(sample)
  read -r rss pss < <(awk '/^Rss:/ {r=$2} /^Pss:/ {p=$2} END {print r, p}' "/proc/$DAEMON_PID/smaps_rollup")
  printf 'indicator %-4s sitting: %4d timer fires/hour, %5d context switches/hour (all threads); RSS %s MiB, PSS %s MiB\n' \
    "$indicator" $(((r1 - r0) * 3600 / SECONDS_RUN)) $(((s1 - s0) * 3600 / SECONDS_RUN)) \
    "$(awk -v k="$rss" 'BEGIN {printf "%.1f", k / 1024}')" "$(awk -v k="$pss" 'BEGIN {printf "%.1f", k / 1024}')"
  kill "$DAEMON_PID"
  wait "$DAEMON_PID" 2>/dev/null
done
