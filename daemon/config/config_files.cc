// The file side of config_loader.h: finding, reading and choosing the config file.

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <system_error>

#include "config/config_loader.h"

namespace unsit {
namespace {

constexpr std::size_t kMaxConfigBytes = 1 << 20;

std::string ErrnoText(int error) { return std::generic_category().message(error); }

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// The whole file, or an Error (code "io"). `missing` is set when the file does
// not exist, so that the caller may fall back to the defaults.
Result<std::string> ReadSmallFile(const std::string& path, bool* missing) {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    const int error = errno;
    if (missing != nullptr) *missing = error == ENOENT;
    return Error{errc::kIo, path + ": cannot open the config file (" + ErrnoText(error) +
                                "), expected a readable YAML file"};
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return Error{errc::kIo, path + ": not a regular file, expected a readable YAML file"};
  }
  std::string text;
  std::array<char, 8192> buffer{};
  while (text.size() <= kMaxConfigBytes) {
    const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
    if (n == 0) return text;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return Error{errc::kIo, path + ": cannot read the config file (" + ErrnoText(errno) +
                                  "), expected a readable YAML file"};
    }
    text.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return Error{errc::kIo, path + ": the file is larger than 1 MiB, expected a small YAML file"};
}

std::string HomeDirectory() {
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') return home;
  std::array<char, 4096> buffer{};
  struct passwd entry {};
  struct passwd* found = nullptr;
  if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 &&
      found != nullptr && found->pw_dir != nullptr && found->pw_dir[0] == '/') {
    return found->pw_dir;
  }
  return "";
}

}  // namespace

Result<Config> LoadConfigFile(const std::string& path) {
  Result<std::string> text = ReadSmallFile(path, nullptr);
  if (!text) return text.error();
  return ParseConfig(*text, path);
}

std::string DefaultConfigPath() {
  const char* config_home = std::getenv("XDG_CONFIG_HOME");
  if (config_home != nullptr && config_home[0] == '/') {
    return std::string(config_home) + "/unsit/unsit.yaml";
  }
  const std::string home = HomeDirectory();
  if (home.empty()) return "";
  return home + "/.config/unsit/unsit.yaml";
}

Result<Config> LoadConfig(std::optional<std::string> explicit_path) {
  if (explicit_path) return LoadConfigFile(*explicit_path);
  const std::string path = DefaultConfigPath();
  if (path.empty()) return Config{};
  bool missing = false;
  Result<std::string> text = ReadSmallFile(path, &missing);
  if (!text) {
    if (missing) return Config{};
    return text.error();
  }
  return ParseConfig(*text, path);
}

}  // namespace unsit
