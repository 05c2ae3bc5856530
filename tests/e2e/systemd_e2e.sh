#!/usr/bin/env bash
# unsit.service under a real systemd user manager.
# Usage: systemd_e2e.sh BUILD_DIR
# The unit is the one configured for the build tree (ExecStart at the built
# binaries), the man pages those of the build tree when scdoc built them. The manager runs in a private mount namespace with its own
# XDG_RUNTIME_DIR, XDG_CONFIG_HOME and XDG_STATE_HOME under a temporary directory;
# everything it starts is stopped and removed at the end.
#
# Checks: `systemd-analyze verify --user` prints nothing for the unit; the unit
# refuses root; start waits for READY=1 (without it the start times out) and the
# control socket answers as soon as it returns; `kill -9` is followed by a restart
# that keeps the bout; `systemctl --user reload` reloads (and refuses a broken
# config, keeping the old one); stop exits cleanly; started again with the
# session's LANG=de_DE.UTF-8 imported into the manager, doctor shows that
# locale and the daemon's findings are German.
set -uo pipefail

source "$(dirname "$0")/lib.sh"
e2e_init "$@"
unit=$BUILD/systemd/build-tree/unsit.service
need_built "$unit"
mandir=$BUILD/packaging/man
[ -d "$mandir" ] || mandir=""
need systemctl systemd-analyze unshare mount timeout
manager_bin=""
for m in /lib/systemd/systemd /usr/lib/systemd/systemd; do
  [ -x "$m" ] && { manager_bin=$m; break; }
done
[ -n "$manager_bin" ] || { echo "SKIP: systemd is not installed"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: a private mount namespace for the user manager needs root"; exit 77; }

unset INVOCATION_ID
export XDG_DATA_HOME=$WORK/data XDG_CACHE_HOME=$WORK/cache
mkdir -p "$XDG_CONFIG_HOME/unsit" "$XDG_DATA_HOME"
units=$XDG_CONFIG_HOME/systemd/user
dropins=$units/unsit.service.d
config=$XDG_CONFIG_HOME/unsit/unsit.yaml
log=$WORK/unsitd.log
manager_pid=""

step() { echo "--- $*"; }

# Stops the unit and the user manager (asked first, then by signal); after a
# failure shows the manager's log (fail showed the daemon's).
stop_manager() {
  if [ -n "$manager_pid" ] && kill -0 "$manager_pid" 2>/dev/null; then
    systemctl --user stop unsit.service >/dev/null 2>&1
    systemctl --user exit >/dev/null 2>&1
    wait_for 10 sh -c "! kill -0 $manager_pid 2>/dev/null"
    if kill -0 "$manager_pid" 2>/dev/null; then
      kill -TERM "$manager_pid" 2>/dev/null
      sleep 2
      kill -KILL "$manager_pid" 2>/dev/null
    fi
    wait "$manager_pid" 2>/dev/null
  fi
  if [ "$E2E_STATUS" -ne 0 ]; then
    echo "=== user manager log (last 40 lines)"
    tail -n 40 "$WORK/manager.log" 2>/dev/null
  fi
}
at_exit stop_manager
trap 'exit 1' INT TERM

prop() { systemctl --user show -p "$1" --value unsit.service; }
# A number field of `unsit --json status` (empty when absent or null).
status_json() { "$UNSIT" --json status 2>>"$WORK/cli.err"; }
field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p" <<<"$2" | head -n 1; }

# 1. The unit as installed (paths aside) passes systemd's own checks.
step "systemd-analyze verify --user"
out=$(systemd-analyze verify --user --man=no "$unit" 2>&1)
[ -z "$out" ] || fail "systemd-analyze verify printed: $out"
if [ -n "$mandir" ] && command -v man >/dev/null; then
  # The same with the Documentation= pages looked up in the built man tree.
  out=$(MANPATH=$mandir systemd-analyze verify --user "$unit" 2>&1)
  [ -z "$out" ] || fail "systemd-analyze verify (with man pages) printed: $out"
fi

# 2. A real user manager.
step "starting systemd --user"
# shellcheck disable=SC2016  # expanded by the inner shell
unshare -m --propagation private sh -c \
  '[ -d /run/systemd ] || mkdir -p /run/systemd
   mount -t tmpfs tmpfs /run/systemd && mkdir -p /run/systemd/system && exec "$0" --user' \
  "$manager_bin" >"$WORK/manager.log" 2>&1 &
manager_pid=$!
wait_for 30 test -S "$XDG_RUNTIME_DIR/systemd/private" || fail "the user manager did not come up"
wait_for 60 sh -c 'systemctl --user show -p SystemState --value 2>/dev/null | grep -Eqx "running|degraded"' ||
  fail "the user manager did not finish starting: $(systemctl --user show -p SystemState --value 2>&1)"

mkdir -p "$dropins"
cp "$unit" "$units/unsit.service"
cat >"$config" <<'YAML'
sit_limit: 60m
break_after: 5m
YAML
# Test settings: no display here, so no idle source and reminders in the log;
# the log goes to a file (no journald in the namespace).
cat >"$dropins/10-test.conf" <<CONF
[Service]
ExecStart=
ExecStart=$UNSITD --config $config --idle-backend none --notifier log --log-level debug
StandardOutput=append:$log
StandardError=inherit
TimeoutStartSec=30s
RestartSec=1s
# How each run of the daemon ended (the unit itself is unloaded once inactive).
ExecStopPost=/bin/sh -c 'echo "\$\$EXIT_CODE \$\$EXIT_STATUS \$\$SERVICE_RESULT" >>$WORK/exits'
CONF
if grep -aq __asan_init "$UNSITD"; then
  # AddressSanitizer's leak check stops the process with ptrace at exit, which the
  # unit's system call filter refuses; allow it for sanitizer builds only.
  printf '[Service]\nSystemCallFilter=@debug\n' >"$dropins/15-sanitizer.conf"
fi
systemctl --user daemon-reload || fail "daemon-reload failed"

# 3. Never for root.
step "the unit does not start for root"
systemctl --user start unsit.service || fail "start with an unmet condition failed"
[ "$(prop ActiveState)" = inactive ] || fail "unsit.service runs for root: $(prop ActiveState)"
[ "$(prop ConditionResult)" = no ] || fail "ConditionUser did not stop root: $(prop ConditionResult)"
# The rest runs as root, so the condition is lifted (an empty Condition resets them).
printf '[Unit]\nConditionUser=\n' >"$dropins/20-root.conf"

# 4. Type=notify: without READY=1 the start never completes.
step "start waits for READY=1"
cat >"$dropins/30-no-ready.conf" <<CONF
[Service]
ExecStart=
ExecStart=/usr/bin/env -u NOTIFY_SOCKET $UNSITD --config $config --idle-backend none --notifier log
TimeoutStartSec=8s
Restart=no
CONF
systemctl --user daemon-reload
systemctl --user start --no-block unsit.service
# The daemon itself comes up and answers; the unit must still be activating.
wait_for 10 sh -c "\"$UNSIT\" status >/dev/null 2>&1" || fail "the daemon without NOTIFY_SOCKET did not answer"
[ "$(prop ActiveState)" = activating ] || fail "active without READY=1: $(prop ActiveState)"
wait_for 20 sh -c "[ \"\$(systemctl --user show -p ActiveState --value unsit.service)\" != activating ]"
[ "$(prop Result)" = timeout ] || fail "expected a start timeout without READY=1, got Result=$(prop Result)"
systemctl --user reset-failed unsit.service 2>/dev/null
rm -f "$dropins/30-no-ready.conf"
systemctl --user daemon-reload
wait_for 10 sh -c "! \"$UNSIT\" status >/dev/null 2>&1" || fail "the daemon without READY=1 was not stopped"

# 5. A real start: returns after READY=1, and the socket already answers.
step "start"
timeout 60 systemctl --user start unsit.service || fail "systemctl --user start unsit failed"
[ "$(prop Type)" = notify ] || fail "Type=$(prop Type)"
[ "$(prop ActiveState)/$(prop SubState)" = active/running ] ||
  fail "after start: $(prop ActiveState)/$(prop SubState)"
json=$(status_json) || fail "unsit --json status failed right after start: $(cat "$WORK/cli.err")"
"$UNSIT" status >/dev/null || fail "unsit status failed"
echo "$json"
[ "$(prop NRestarts)" = 0 ] || fail "restarted before the test killed it"

# 6. kill -9: Restart=on-failure brings it back, and the bout goes on.
step "kill -9 and restart"
wait_for 15 sh -c "\"$UNSIT\" --json status | grep -Eq '\"bout_seconds\"[[:space:]]*:[[:space:]]*([3-9]|[1-9][0-9])'" ||
  fail "bout_seconds did not reach 3 s: $(status_json)"
b1=$(field bout_seconds "$(status_json)")
pid1=$(prop MainPID)
kill -9 "$pid1"
wait_for 30 sh -c "[ \"\$(systemctl --user show -p NRestarts --value unsit.service)\" -ge 1 ] &&
  [ \"\$(systemctl --user show -p ActiveState --value unsit.service)\" = active ]" ||
  fail "no restart after kill -9: $(prop ActiveState)/$(prop SubState) Result=$(prop Result)"
pid2=$(prop MainPID)
grep -qx "killed KILL signal" "$WORK/exits" || fail "the kill -9 was not seen as a failure: $(cat "$WORK/exits")"
{ [ "$pid2" != "$pid1" ] && [ "$pid2" != 0 ]; } || fail "MainPID after restart: $pid2 (was $pid1)"
json=$(status_json) || fail "unsit --json status failed after the restart"
b2=$(field bout_seconds "$json")
sleep 2
b3=$(field bout_seconds "$(status_json)")
echo "bout_seconds: $b1 before kill -9, $b2 after the restart, $b3 two seconds later"
{ [ -n "$b1" ] && [ -n "$b2" ] && [ -n "$b3" ]; } || fail "bout_seconds missing from unsit --json status"
[ "${b2:-0}" -gt "${b1:-0}" ] || fail "the bout did not survive the restart ($b1 s before, $b2 s after)"
[ "${b3:-0}" -gt "${b2:-0}" ] || fail "the bout stopped growing after the restart ($b2 s, then $b3 s)"

# 7. Reload through ExecReload (unsit reload).
step "reload"
before=$(field next_reminder_seconds "$(status_json)")
printf 'sit_limit: 30m\nbreak_after: 5m\n' >"$config"
systemctl --user reload unsit.service || fail "systemctl --user reload unsit failed"
[ "$(prop MainPID)" = "$pid2" ] || fail "reload replaced the daemon"
after=$(field next_reminder_seconds "$(status_json)")
echo "next_reminder_seconds: $before before the reload, $after after (sit_limit 60m -> 30m)"
if [ -z "$before" ] || [ -z "$after" ] || [ "$after" -gt $((before - 1500)) ]; then
  fail "the new sit_limit is not in force after reload"
fi
step "reload of a broken config is refused and the old one stays"
printf 'sit_limit: [oops\n' >"$config"
if systemctl --user reload unsit.service 2>"$WORK/reload.err"; then
  fail "reload of a broken config succeeded"
fi
{ [ "$(prop ActiveState)" = active ] && [ "$(prop MainPID)" = "$pid2" ]; } ||
  fail "a failed reload disturbed the daemon: $(prop ActiveState) pid $(prop MainPID)"
kept=$(field next_reminder_seconds "$(status_json)")
if [ -z "$kept" ] || [ -z "$after" ] || [ "$kept" -gt "$after" ]; then
  fail "the old config is not kept after a failed reload (next reminder $after s, then $kept s)"
fi
printf 'sit_limit: 30m\n' >"$config"

# 8. The XDG autostart copy defers to the running unit.
step "autostart defers to the unit"
timeout 20 "$UNSITD" --autostart --config "$config" --idle-backend none --notifier log \
  >>"$log" 2>&1 || fail "unsitd --autostart did not exit 0 beside the running unit"
[ "$(prop MainPID)" = "$pid2" ] || fail "unsitd --autostart disturbed the unit"

# 9. Stop: SIGTERM, STOPPING=1, exit 0.
step "stop"
timeout 60 systemctl --user stop unsit.service || fail "systemctl --user stop unsit failed"
[ "$(prop ActiveState)" = inactive ] || fail "after stop: $(prop ActiveState)"
echo "how the runs ended:"; cat "$WORK/exits"
[ "$(tail -n 1 "$WORK/exits")" = "exited 0 success" ] ||
  fail "the daemon did not exit 0 on SIGTERM: $(tail -n 1 "$WORK/exits")"
"$UNSIT" status >/dev/null 2>&1
rc=$?
[ "$rc" = 3 ] || fail "unsit status after stop exited $rc, expected 3 (daemon not running)"

# 9b. The daemon speaks the session's language: LANG as the user manager hands
# it (imported from the session, as desktops do at login), seen by doctor.
step "the daemon follows the session's LANG"
if LANG=de_DE.UTF-8 locale 2>&1 | grep -q "Cannot set"; then
  echo "the de_DE.UTF-8 locale is not installed (locales-all): step skipped"
else
  systemctl --user set-environment UNSIT_LOCALEDIR="$BUILD/locale"
  LANG=de_DE.UTF-8 systemctl --user import-environment LANG
  timeout 60 systemctl --user start unsit.service || fail "start with LANG=de_DE.UTF-8 failed"
  doctor=$("$UNSIT" --json doctor) || fail "unsit doctor failed"
  grep -q '"locale": "de_DE.UTF-8 (Kataloge in '"$BUILD"'/locale)"' <<<"$doctor" ||
    fail "doctor does not show the session's locale: $(grep '"locale"' <<<"$doctor")"
  grep -q "feste[nm] Plan" <<<"$doctor" || fail "the daemon's findings are not in German: $doctor"
  "$UNSIT" doctor | grep "^locale: de_DE.UTF-8" || fail "unsit doctor prints no locale line"
  timeout 60 systemctl --user stop unsit.service || fail "stop failed"
  systemctl --user unset-environment LANG UNSIT_LOCALEDIR
fi

# 10. With the unit neither running nor due to start (graphical-session.target is
# not up here), the autostart copy is the daemon.
step "autostart runs the daemon where the unit does not"
"$UNSITD" --autostart --config "$config" --idle-backend none --notifier log >>"$log" 2>&1 &
autostart_pid=$!
wait_for 20 "$UNSIT" status || fail "unsitd --autostart did not start a daemon without the unit"
kill -TERM "$autostart_pid" 2>/dev/null
wait "$autostart_pid" 2>/dev/null

pass
