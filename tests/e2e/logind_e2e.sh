#!/usr/bin/env bash
# The daemon with python-dbusmock's logind on a private system bus (and the
# Mutter mock for input): locking the session and suspending are breaks that
# begin at once, unlocking plus input ends them; a daemon started behind a
# locked screen starts on a break.
# Usage: logind_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/auto_helpers.sh"
e2e_init "$@"
need_dbusmock

start_bus
start_mutter_mock
start_logind_mock
# break_after is long: only lock and sleep can make a break here.
write_config 60s 30s 30s 30s
start_unsitd mutter XDG_CURRENT_DESKTOP=GNOME
SESSION=/org/freedesktop/login1/session/c1

mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "input did not start a bout"
sleep 1
breaks0=$(today_field breaks)

logind_call "$SESSION" org.freedesktop.login1.Session.Lock || fail "Lock call failed"
wait_for 5 field_is state '"away"' || fail "locking was not a break"
logind_call "$SESSION" org.freedesktop.login1.Session.Unlock
mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "unlock + input did not end the break"
breaks1=$(today_field breaks)
[ "$breaks1" -gt "$breaks0" ] || fail "the lock break was not counted ($breaks0 -> $breaks1)"
sleep 1

logind_call "$SESSION" org.freedesktop.login1.Session.SetLockedHint true
wait_for 5 field_is state '"away"' || fail "LockedHint was not a break"
logind_call "$SESSION" org.freedesktop.login1.Session.SetLockedHint false
mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "LockedHint false + input: no bout"
sleep 1

logind_call /org/freedesktop/login1 org.freedesktop.DBus.Mock.EmitSignal \
  org.freedesktop.login1.Manager PrepareForSleep b '[<true>]' || fail "EmitSignal failed"
wait_for 5 field_is state '"away"' || fail "PrepareForSleep(true) was not a break"
logind_call /org/freedesktop/login1 org.freedesktop.DBus.Mock.EmitSignal \
  org.freedesktop.login1.Manager PrepareForSleep b '[<false>]'
mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "wake + input did not end the break"
breaks3=$(today_field breaks)
echo "breaks today: ${breaks0} -> ${breaks3}"
[ "$breaks3" -ge $((breaks0 + 3)) ] || fail "expected three more breaks, got ${breaks0} -> ${breaks3}"

# A restart behind a locked screen (an upgrade while the user is away): the
# daemon stops while the user sits, the screen locks before it is back. Input
# at the lock screen (typing the password) must not start a bout until the
# unlock, as with a lock the daemon saw happen.
mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "input did not start a bout"
stop_unsitd
logind_call "$SESSION" org.freedesktop.login1.Session.SetLockedHint true
start_unsitd mutter XDG_CURRENT_DESKTOP=GNOME
sleep 1
mutter FireActive
sleep 1
field_is state '"away"' || fail "started while locked: input at the lock screen started a bout"
logind_call "$SESSION" org.freedesktop.login1.Session.SetLockedHint false
mutter FireActive
wait_for 5 field_is state '"sitting"' || fail "unlock + input after the restart: no bout"
pass
