#!/usr/bin/env bash
# The CLI against sockets that misbehave, each served by a small fake daemon:
# one that says "busy" and closes before reading (exit 1 and the daemon's words,
# not "not running"), one that sends a reply nested 400,000 levels deep (an
# error, not a crash), and, without XDG_RUNTIME_DIR, a /tmp/unsit-UID fallback
# owned by another user or open to others (refused, never connected to). The
# fallback cases run in a private mount namespace with its own /tmp (root only;
# skipped otherwise), so no real /tmp/unsit-UID is touched.
# Usage: cli_faults_e2e.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init "$@"
need "$PYTHON"
server=""

# serve SOCKET REPLY_FILE READ_FIRST: answers every connection with the file.
cat >"$WORK/serve.py" <<'PY'
import socket, sys
path, reply, read_first = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
data = open(reply, "rb").read()
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path)
s.listen(16)
print("ready", flush=True)
while True:
    c, _ = s.accept()
    if read_first:
        c.recv(65536)
    try:
        c.sendall(data)
    except OSError:
        pass
    c.close()
PY
serve() {
  if [ -n "$server" ]; then stop "$server"; fi
  rm -f "$1"
  "$PYTHON" "$WORK/serve.py" "$1" "$2" "$3" >"$WORK/serve.out" &
  server=$!
  track "$server"
  wait_for 5 grep -q ready "$WORK/serve.out" || fail "the fake daemon did not start"
}

# Durations the daemon would refuse are usage errors (exit 2), as unsit(1) says.
for args in "snooze 25h" "pause 31d" "snooze 0s"; do
  read -ra words <<<"$args"
  out=$("$UNSIT" "${words[@]}" 2>&1); rc=$?
  [ "$rc" = 2 ] || fail "unsit $args: exit $rc, expected 2: $out"
done
echo "out-of-range durations: usage errors"

mkdir -m 700 "$XDG_RUNTIME_DIR/unsit"
sock="$XDG_RUNTIME_DIR/unsit/control.sock"

printf '%s\n' '{"error":{"code":"busy","message":"Too many connections (32); try again."},"id":null,"ok":false,"v":1}' >"$WORK/busy"
serve "$sock" "$WORK/busy" 0
for _ in 1 2 3 4 5; do
  out=$("$UNSIT" status 2>&1); rc=$?
  [ "$rc" = 1 ] || fail "busy daemon: exit $rc, expected 1: $out"
  case "$out" in *"Too many connections"*) ;; *) fail "busy daemon: $out" ;; esac
done
echo "busy: exit 1 with the daemon's words"

"$PYTHON" -c "print('{\"v\":1,\"id\":1,\"ok\":true,\"result\":{\"a\":' + '['*400000 + '1' + ']'*400000 + '}}')" >"$WORK/deep"
serve "$sock" "$WORK/deep" 1
"$UNSIT" status >"$WORK/out" 2>&1; rc=$?
[ "$rc" -lt 128 ] || fail "a deeply nested reply killed unsit (exit $rc)"
[ "$rc" != 0 ] || fail "a deeply nested reply was accepted"
echo "deep reply: refused with exit $rc"

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null; then
  echo "SKIP (fallback directory part): needs root and unshare"
  exit 0
fi
printf '%s\n' '{"id":1,"ok":true,"result":{},"v":1}' >"$WORK/ok"
# Run in a private mount namespace whose /tmp is a fresh tmpfs (which hides
# $WORK too, so what the fake needs is carried over first).
cat >"$WORK/fallback.sh" <<SH
set -u
serve_py=\$(cat "$WORK/serve.py"); ok=\$(cat "$WORK/ok")
mount -t tmpfs tmpfs /tmp || exit 77
printf '%s\\n' "\$serve_py" >/tmp/serve.py; printf '%s\\n' "\$ok" >/tmp/ok
dir=/tmp/unsit-\$(id -u)
mkdir -m 700 "\$dir"
"$PYTHON" /tmp/serve.py "\$dir/control.sock" /tmp/ok 1 >/tmp/serve.out &
pid=\$!
for _ in \$(seq 100); do grep -q ready /tmp/serve.out && break; sleep 0.1; done
unset XDG_RUNTIME_DIR
chown 65534 "\$dir"
"$UNSIT" status 2>&1; echo "other \$?"
chown 0 "\$dir"; chmod 777 "\$dir"
"$UNSIT" status 2>&1; echo "open \$?"
chmod 700 "\$dir"
"$UNSIT" --json status 2>&1; echo "own \$?"
kill \$pid
SH
unshare -m bash "$WORK/fallback.sh" >"$WORK/fallback.out" 2>&1
out=$(cat "$WORK/fallback.out")
grep -q "^other 3$" "$WORK/fallback.out" || fail "a fallback directory of another user was used: $out"
grep -q "belongs to uid 65534" "$WORK/fallback.out" || fail "no reason given: $out"
grep -q "^open 3$" "$WORK/fallback.out" || fail "a fallback directory open to others was used: $out"
grep -q "^own 0$" "$WORK/fallback.out" || fail "our own fallback directory was refused: $out"
echo "fallback /tmp directory: another user's or an open one refused, our own used"
