#include "control/instance_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <utility>

#include "protocol/paths.h"

namespace unsit {
namespace {

// The pid the holder wrote, or "" when it is not (yet) readable.
std::string ReadPid(int fd) {
  char buffer[32] = {};
  ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0) return "";
  std::string pid(buffer, static_cast<std::size_t>(n));
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid;
}

bool Alive(const std::string& pid) {
  char* end = nullptr;
  long value = std::strtol(pid.c_str(), &end, 10);
  if (pid.empty() || *end != '\0' || value <= 0) return false;
  return kill(static_cast<pid_t>(value), 0) == 0 || errno == EPERM;
}

// The holder's pid. It writes it just after taking the lock, so right after a
// race the file may still be empty or name the previous holder: wait for a
// live pid for up to about 200 ms.
std::string HolderPid(int fd) {
  std::string pid = ReadPid(fd);
  for (int attempt = 0; attempt < 20 && !Alive(pid); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    pid = ReadPid(fd);
  }
  return pid;
}

bool WritePid(int fd) {
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0) return false;
  return pwrite(fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
}

}  // namespace

InstanceLock::InstanceLock(int fd, std::string lock_path, std::string socket_path)
    : fd_(fd), lock_path_(std::move(lock_path)), socket_path_(std::move(socket_path)) {}

InstanceLock::InstanceLock(InstanceLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      lock_path_(std::move(other.lock_path_)),
      socket_path_(std::move(other.socket_path_)) {}

InstanceLock& InstanceLock::operator=(InstanceLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    lock_path_ = std::move(other.lock_path_);
    socket_path_ = std::move(other.socket_path_);
  }
  return *this;
}

// The lock file stays on disk: unlinking it could let a third process lock a
// fresh inode while a second one still waits on the old.
InstanceLock::~InstanceLock() {
  if (fd_ >= 0) close(fd_);
}

Result<InstanceLock> AcquireInstanceLock(const std::string& runtime_dir) {
  std::string lock_path = runtime_dir + "/unsitd.lock";
  std::string socket_path = protocol::SocketPathIn(runtime_dir);
  int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    return Error{errc::kIo, "Cannot open " + lock_path + ": " + std::strerror(errno) + "."};
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    std::string pid = err == EWOULDBLOCK ? HolderPid(fd) : "";
    close(fd);
    if (err != EWOULDBLOCK) {
      return Error{errc::kIo, "Cannot lock " + lock_path + ": " + std::strerror(err) + "."};
    }
    return Error{errc::kRunning, "unsitd is already running (pid " +
                                     (pid.empty() ? "unknown" : pid) + ", socket " + socket_path +
                                     "); not starting a second one."};
  }
  if (!WritePid(fd)) {
    int err = errno;
    close(fd);
    return Error{errc::kIo, "Cannot write " + lock_path + ": " + std::strerror(err) + "."};
  }
  return InstanceLock(fd, std::move(lock_path), std::move(socket_path));
}

}  // namespace unsit
