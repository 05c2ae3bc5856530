#!/usr/bin/env bash
# What the daemon's own sound costs: unsitd with dunst (no `sound` capability,
# so unsitd plays the reminder's sound through libcanberra) and a real sound
# server (tests/e2e/sound_server.sh: PipeWire, pipewire-pulse, a null sink).
# Prints RSS, anonymous memory, threads, mapped files (and which are new) and
# wakeups (context switches of all threads) per hour for a phase before the
# first reminder and a phase after its sound has ended; nothing else is due in
# either (history checkpoints every hour, the reminder re-shown after an hour).
# SOUND=none runs the same with notify.sound: none: the phase after the sound
# must have no more wakeups than that (libcanberra leaves nothing ticking).
# Not run by ctest. Usage: [SOUND=none] sound_cost.sh BUILD_DIR [PHASE_SECONDS]
set -uo pipefail
source "$(dirname "$0")/../e2e/lib.sh"
source "$(dirname "$0")/../e2e/sound_server.sh"
e2e_init "$@"
PHASE=${2:-30}
need Xvfb dbus-daemon dunst pipewire wireplumber pipewire-pulse pactl

start_xvfb
start_bus
start_sound_server
start_dunst
cat >"$WORK/unsit.yaml" <<CFG
sit_limit: $((PHASE + 10))s
break_after: 5s
remind_every: 1h
history:
  checkpoint: 1h
notify:
  sound: ${SOUND:-complete}
CFG
echo "notify.sound: ${SOUND:-complete}"
# `none`: the user counts as present, so the reminder falls due at sit_limit.
start_daemon none libnotify

by_thread() {  # prints one "tid:name:switches" per thread
  local t
  for t in /proc/"$DAEMON_PID"/task/*; do
    echo "${t##*/}:$(cat "$t/comm"):$(awk '/^(non)?voluntary_ctxt_switches/ {s += $2} END {print s}' "$t/status")"
  done
}
snapshot() {  # prints: rss_kib anonymous_kib threads mapped_files, then by_thread's words
  local rss anon
  read -r rss anon < <(awk '/^Rss:/ {r=$2} /^Anonymous:/ {a=$2} END {print r, a}' \
    "/proc/$DAEMON_PID/smaps_rollup")
  echo "$rss $anon $(thread_count "$DAEMON_PID") \
$(mapped | wc -l) $(by_thread | tr ' \n' '_ ')"
}
switches_between() {  # switches_between BEFORE AFTER: of the threads alive at the end
  awk 'NR == 1 { for (i = 5; i <= NF; i++) { n = split($i, f, ":"); was[f[1]] = f[n] } }
       NR == 2 { t = 0
                 for (i = 5; i <= NF; i++) { n = split($i, f, ":"); t += f[n] - was[f[1]] }
                 print t }' <(echo "$1") <(echo "$2")
}
report() {  # report NAME BEFORE AFTER: one row from two snapshots a phase apart
  local -a b
  read -r -a b <<<"$3"
  printf '%-22s %8.1f %8.1f %8d %8d %14d\n' "$1" "$(bc -l <<<"${b[0]} / 1024")" \
    "$(bc -l <<<"${b[1]} / 1024")" "${b[2]}" "${b[3]}" \
    "$(($(switches_between "$2" "$3") * 3600 / PHASE))"
}

mapped() { awk '$6 ~ /^\// {print $6}' "/proc/$DAEMON_PID/maps" | sort -u; }

sleep 2
mapped >"$WORK/mapped-before"
first=$(snapshot)
sleep "$PHASE"
before=$(snapshot)
wait_for 20 field_is reminder_open true || fail "no reminder"
sleep 8  # "complete" lasts about 1.3 s; its context is destroyed when it ends
[ "${SOUND:-complete}" = none ] || grep -q libcanberra "/proc/$DAEMON_PID/maps" ||
  fail "libcanberra was not loaded: no sound played"
settled=$(snapshot)
threads_settled=$(by_thread)
sleep "$PHASE"
after=$(snapshot)
echo "after the sound, by thread (tid:name:switches), at its start and end:"
echo "$threads_settled" | tr '\n' ' '
echo
by_thread | tr '\n' ' '
echo
printf '%-22s %8s %8s %8s %8s %14s\n' phase "RSS MiB" "anon MiB" threads "mapped" "wakeups/hour"
report "before the reminder" "$first" "$before"
report "after its sound" "$settled" "$after"
echo "mapped after the sound, not before: $(comm -13 "$WORK/mapped-before" <(mapped) |
  xargs -n1 basename | tr '\n' ' ')"
"$UNSIT" doctor | grep "^  sound:"
