#pragma once

// Helpers for the tests of the Wayland, Mutter and logind backends: child
// processes started and stopped by PID, private D-Bus buses, python-dbusmock,
// and running an io_context until something happened.

#include <sys/types.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unsit::session_testing {

// A child process; stopped (SIGTERM, then SIGKILL) and reaped when destroyed.
class Child {
 public:
  Child() = default;
  // kCapture: stdout is a pipe read by ReadLine(). kQuiet: stdout and stderr go
  // to /dev/null (chatty helpers such as dbusmock).
  enum class Output { kInherit, kCapture, kQuiet };
  // Starts `argv` with the current environment plus `env` (NAME=VALUE entries).
  Child(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
        Output output = Output::kQuiet);
  Child(Child&& other) noexcept;
  Child& operator=(Child&& other) noexcept;
  ~Child() { Stop(); }

  pid_t pid() const { return pid_; }
  bool running() const;
  // One line of stdout without the newline, or nullopt on EOF or timeout.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
  // Sends `signal` (SIGTERM by default), waits up to 5 s, then SIGKILL; reaps.
  void Stop(int signal = 15);
  // Waits for the child to exit by itself; its exit status or -1 on timeout.
  int Wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffer_;
};

// Runs `command` through /bin/sh and returns its exit status.
int Shell(const std::string& command);

// Sets environment variables for one test and restores the old values after it.
class ScopedEnv {
 public:
  ScopedEnv() = default;
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv();
  void Set(const std::string& name, const std::string& value);
  void Unset(const std::string& name);

 private:
  void Remember(const std::string& name);
  std::map<std::string, std::optional<std::string>> saved_;
};

// A private dbus-daemon (session configuration); address() is for
// DBUS_SESSION_BUS_ADDRESS or DBUS_SYSTEM_BUS_ADDRESS.
class PrivateBus {
 public:
  PrivateBus();
  bool ok() const { return !address_.empty(); }
  const std::string& address() const { return address_; }

 private:
  Child daemon_;
  std::string address_;
};

// Calls a method on `bus_address` synchronously (from the test thread, on its own
// connection). `args` is a GVariant text ("('s', 42)") or empty. Returns the reply
// printed as GVariant text, or nullopt on error.
std::optional<std::string> CallMethod(const std::string& bus_address, const std::string& name,
                                      const std::string& path, const std::string& interface,
                                      const std::string& method, const std::string& args);

// True once `name` has an owner on the bus, waiting up to `timeout`.
bool WaitForName(const std::string& bus_address, const std::string& name,
                 std::chrono::milliseconds timeout);

// Runs `io` in short slices until `done()` or `timeout`; returns done().
bool RunUntil(boost::asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds timeout);

// Whether python3-dbusmock can be imported; the tests that need it skip without.
bool HaveDbusmock();

// The names of python-dbusmock's logind template, and the session that
// StartLogindMock adds (id c7, of this user, on seat0).
inline constexpr char kLogind[] = "org.freedesktop.login1";
inline constexpr char kLogindManagerPath[] = "/org/freedesktop/login1";
inline constexpr char kLogindSession[] = "org.freedesktop.login1.Session";
inline constexpr char kLogindSessionPath[] = "/org/freedesktop/login1/session/c7";
inline constexpr char kMock[] = "org.freedesktop.DBus.Mock";

// python-dbusmock's logind template on `system_bus` (a private bus standing for
// the system bus), once it owns its name; with `with_session`, session c7 of this
// user added. nullopt (the mock stopped again) if either step failed.
std::optional<Child> StartLogindMock(const std::string& system_bus, bool with_session = true);

// A fresh directory under the temp dir; removed with its contents when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace unsit::session_testing
