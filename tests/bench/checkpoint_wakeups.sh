#!/usr/bin/env bash
# What checkpoints of the open bout cost while the user sits (not run by ctest).
#
#   tests/bench/checkpoint_wakeups.sh BUILD_DIR [SECONDS]
#
# Runs the daemon twice for SECONDS with the user always present (idle backend
# `none`): once checkpointing every 2 s, once every hour (no checkpoint in the
# window). The difference in the daemon's context switches, all threads, divided
# by the number of checkpoints, is what one checkpoint costs; times 12 it is the
# cost per hour at the default history.checkpoint of 5m. Budget: <= 15 per hour.
set -euo pipefail
build=$(cd "${1:?usage: $0 BUILD_DIR [SECONDS]}" && pwd)
window=${2:-30}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT INT TERM

switches() { # all threads of $1: voluntary + involuntary
  cat /proc/"$1"/task/*/status 2>/dev/null |
    awk '/^(non)?voluntary_ctxt_switches/ {sum += $2} END {print sum + 0}'
}

run() { # run CHECKPOINT: prints the context switches of one window
  local dir="$work/$1"
  mkdir -p "$dir/run" "$dir/cfg"
  chmod 700 "$dir/run"
  printf 'sit_limit: 10h\nbreak_after: 5m\nhistory:\n  checkpoint: %s\n' "$1" >"$dir/cfg/unsit.yaml"
  XDG_RUNTIME_DIR="$dir/run" XDG_STATE_HOME="$dir/state" DBUS_SESSION_BUS_ADDRESS="" \
    "$build/daemon/unsitd" --config "$dir/cfg/unsit.yaml" --idle-backend none --notifier log \
    --log-level warn 2>"$dir/log" &
  pid=$!
  sleep 2  # start-up is not part of the window
  local before after
  before=$(switches "$pid")
  sleep "$window"
  after=$(switches "$pid")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  echo $((after - before))
}

with=$(run 2s)
without=$(run 1h)
checkpoints=$((window / 2))
awk -v w="$with" -v wo="$without" -v n="$checkpoints" -v s="$window" 'BEGIN {
  per = (w - wo) / n
  if (per < 0) per = 0
  hourly = per * 12
  printf "checkpoints while sitting: %d context switches in %d s with a checkpoint every 2 s, %d without\n", w, s, wo
  printf "  = %.2f wakeups per checkpoint; at history.checkpoint 5m: %.1f per hour (budget <= 15: %s)\n",
         per, hourly, hourly <= 15 ? "met" : "NOT met"
  exit hourly <= 15 ? 0 : 1
}'
