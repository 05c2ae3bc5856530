#pragma once

#include <string>

#include "core/result.h"

namespace unsit {

// Proof that this process is the one unsitd of the user: an exclusive flock
// on `runtime_dir`/unsitd.lock, which holds our pid. Move-only; the lock is
// released when the object (or the process) dies, so a crash leaves no stale
// lock. Only the holder may remove a stale socket (ControlServer::Start).
class InstanceLock {
 public:
  InstanceLock(InstanceLock&& other) noexcept;
  InstanceLock& operator=(InstanceLock&& other) noexcept;
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  ~InstanceLock();

  const std::string& lock_path() const { return lock_path_; }
  // `runtime_dir`/control.sock: the socket this holder may bind.
  const std::string& socket_path() const { return socket_path_; }

 private:
  friend Result<InstanceLock> AcquireInstanceLock(const std::string& runtime_dir);
  InstanceLock(int fd, std::string lock_path, std::string socket_path);

  int fd_ = -1;
  std::string lock_path_;
  std::string socket_path_;
};

// Takes the lock in `runtime_dir` (the private directory of
// protocol::DefaultRuntimeDir(), which must exist). Never blocks. When another
// process holds it: Error{errc::kRunning, "... pid N ... socket PATH ..."}; that
// process's files are left untouched.
Result<InstanceLock> AcquireInstanceLock(const std::string& runtime_dir);

}  // namespace unsit
