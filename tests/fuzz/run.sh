#!/usr/bin/env bash
# Runs every libFuzzer harness for a bounded time over a copy of its seed corpus
# and prints how many inputs each ran.
#   tests/fuzz/run.sh BUILD_DIR [SECONDS_EACH]     (a build of the `fuzz` preset)
# A crash, leak, timeout (5 s) or memory blow-up (1 GiB) fails the run; the input
# is kept in BUILD_DIR/fuzz-artifacts/ to be added as a regression test.
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/fuzz-artifacts"
status=0
for name in request config duration quiet_hours; do
  mkdir -p "$work/$name"
  cp "$here/corpus/$name/"* "$work/$name/"
  options=(-max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -print_final_stats=1
    -max_len=16384 -artifact_prefix="$build/fuzz-artifacts/$name-")
  [ -f "$here/$name.dict" ] && options+=(-dict="$here/$name.dict")
  if "$build/tests/fuzz/fuzz_$name" "${options[@]}" "$work/$name" >"$work/$name.log" 2>&1; then
    runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$work/$name.log")
    echo "fuzz_$name: ${runs:-?} inputs in ${seconds} s, corpus $(find "$work/$name" -maxdepth 1 -type f | wc -l) files, no failure"
  else
    echo "fuzz_$name: FAILED"
    tail -n 40 "$work/$name.log"
    status=1
  fi
done
exit $status
