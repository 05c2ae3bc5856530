#include "protocol/paths.h"

#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace unsit::protocol {
namespace {

Error IoError(const std::string& what, const std::string& path, int err) {
  return Error{errc::kIo, what + " " + path + ": " + std::strerror(err) + "."};
}

}  // namespace

RuntimeDir RuntimeDirFor(const std::optional<std::string>& xdg_runtime_dir, uid_t uid) {
  if (xdg_runtime_dir && !xdg_runtime_dir->empty() && xdg_runtime_dir->front() == '/') {
    return RuntimeDir{*xdg_runtime_dir + "/unsit", ""};
  }
  std::string fallback = "/tmp/unsit-" + std::to_string(uid);
  return RuntimeDir{fallback,
                    "XDG_RUNTIME_DIR is not set; using " + fallback + " for the control socket."};
}

RuntimeDir DefaultRuntimeDir() {
  const char* xdg = std::getenv("XDG_RUNTIME_DIR");
  return RuntimeDirFor(xdg ? std::optional<std::string>(xdg) : std::nullopt, geteuid());
}

namespace {

// Fills `st` and checks that `path` is a real directory owned by `uid`.
Status CheckOwnDir(const std::string& path, uid_t uid, struct stat& st) {
  if (lstat(path.c_str(), &st) != 0) return IoError("Cannot inspect", path, errno);
  if (!S_ISDIR(st.st_mode)) {
    return Error{errc::kUnsafe, path +
                                    " is not a directory (or is a symlink); remove it or set "
                                    "XDG_RUNTIME_DIR."};
  }
  if (st.st_uid != uid) {
    return Error{errc::kUnsafe, path + " belongs to uid " + std::to_string(st.st_uid) +
                                    ", not to you (uid " + std::to_string(uid) +
                                    "); set XDG_RUNTIME_DIR to a directory of your own."};
  }
  return Ok{};
}

}  // namespace

Status EnsurePrivateDir(const std::string& path, uid_t uid) {
  if (mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
    return IoError("Cannot create", path, errno);
  }
  struct stat st {};
  if (Status own = CheckOwnDir(path, uid, st); !own) return own;
  if ((st.st_mode & 077) != 0 && chmod(path.c_str(), 0700) != 0) {
    return IoError("Cannot make private", path, errno);
  }
  return Ok{};
}

Status CheckPrivateDir(const std::string& path, uid_t uid) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0 && errno == ENOENT) return Ok{};
  if (Status own = CheckOwnDir(path, uid, st); !own) return own;
  if ((st.st_mode & 077) != 0) {
    return Error{errc::kUnsafe,
                 path + " is open to other users (mode " + std::to_string((st.st_mode >> 6) & 7) +
                     std::to_string((st.st_mode >> 3) & 7) + std::to_string(st.st_mode & 7) +
                     "); make it 0700 or set XDG_RUNTIME_DIR."};
  }
  return Ok{};
}

std::string SocketPathIn(const std::string& dir) { return dir + "/" + kSocketName; }

std::string DefaultSocketPath() { return SocketPathIn(DefaultRuntimeDir().dir); }

Result<RuntimeDir> ResolveRuntimeDir() {
  RuntimeDir dir = DefaultRuntimeDir();
  if (Status ensured = EnsurePrivateDir(dir.dir, geteuid()); !ensured) return ensured.error();
  return dir;
}

Status CheckSocketPathLength(const std::string& path) {
  constexpr std::size_t kLimit = sizeof(sockaddr_un::sun_path) - 1;
  if (path.size() > kLimit) {
    return Error{errc::kBadPath, "The socket path " + path + " is longer than " +
                                     std::to_string(kLimit) + " bytes."};
  }
  return Ok{};
}

}  // namespace unsit::protocol
