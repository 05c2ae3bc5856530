#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "core/result.h"

// Where the control socket lives. Used by the daemon (which creates the
// directory) and by the CLI (which only computes the path).
namespace unsit::protocol {

inline constexpr const char* kSocketName = "control.sock";

struct RuntimeDir {
  std::string dir;      // $XDG_RUNTIME_DIR/unsit, or /tmp/unsit-UID
  std::string warning;  // non-empty when the fallback was used; the caller prints it
};

// The directory for the socket and lock: `xdg_runtime_dir`/unsit when that is
// an absolute path, else the fallback /tmp/unsit-`uid` (with a warning).
RuntimeDir RuntimeDirFor(const std::optional<std::string>& xdg_runtime_dir, uid_t uid);

// RuntimeDirFor with $XDG_RUNTIME_DIR and the effective uid of this process.
RuntimeDir DefaultRuntimeDir();

// Creates `path` with mode 0700 if it is missing (its parent must exist), then
// checks it: a real directory (not a symlink), owned by `uid`, no access for
// group or others. A directory of ours with a looser mode is tightened; one
// owned by someone else is an error (never used, never changed).
Status EnsurePrivateDir(const std::string& path, uid_t uid);

// Checks an existing `path` without changing anything: a real directory, owned
// by `uid`, no access for group or others. What the CLI asks of the /tmp
// fallback before it trusts a socket in it; a missing directory is Ok (there
// is then no daemon to reach).
Status CheckPrivateDir(const std::string& path, uid_t uid);

// DefaultRuntimeDir(), created and checked with EnsurePrivateDir: what the
// daemon calls at start.
Result<RuntimeDir> ResolveRuntimeDir();

// `dir`/control.sock.
std::string SocketPathIn(const std::string& dir);

// The socket the CLI connects to by default: SocketPathIn(DefaultRuntimeDir().dir).
std::string DefaultSocketPath();

// Checks that `path` fits in sockaddr_un; an Error naming the limit otherwise.
Status CheckSocketPathLength(const std::string& path);

}  // namespace unsit::protocol
