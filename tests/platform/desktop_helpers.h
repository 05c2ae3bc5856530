#pragma once

// Helpers for the desktop backend tests: child processes started and stopped by
// PID (never by name), a private Xvfb on a display it picks itself, and running
// an io_context until a condition holds.
#include <sys/types.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace unsit::testing {

// True when `name` is an executable on PATH (or an existing absolute path).
bool HaveProgram(const std::string& name);

// A child process; the destructor sends SIGTERM to that PID and reaps it.
class Child {
 public:
  Child() = default;
  // Starts argv; if `stdout_pipe` is set, the child's stdout is a pipe whose read
  // end is returned there.
  static std::optional<Child> Start(const std::vector<std::string>& argv,
                                    int* stdout_pipe = nullptr);
  Child(Child&& other) noexcept : pid_(std::exchange(other.pid_, -1)) {}
  Child& operator=(Child&& other) noexcept;
  ~Child() { Stop(); }
  pid_t pid() const { return pid_; }
  void Stop(int signal = 15);
  // Forgets the PID (after the caller reaped it).
  void Release() { pid_ = -1; }

 private:
  explicit Child(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
};

// Runs argv to completion; returns its exit status (or -1).
int Run(const std::vector<std::string>& argv);
// Runs argv and returns its stdout.
std::string Capture(const std::vector<std::string>& argv);

// Reads one line from `fd`, waiting at most `timeout`.
std::optional<std::string> ReadLine(int fd, std::chrono::milliseconds timeout);

// Writes a session-bus config with no service directories (so nothing is
// started by D-Bus activation) listening in a fresh temporary directory.
std::optional<std::string> WritePrivateBusConfig();

// A private Xvfb (-displayfd, -noreset); sets DISPLAY for this process.
class Xvfb {
 public:
  static std::optional<Xvfb> Start();
  const std::string& display() const { return display_; }
  void Kill() { child_.Stop(9); }
  // xdotool on this display.
  int Xdotool(const std::vector<std::string>& args) const;

 private:
  Child child_;
  std::string display_;
};

// Runs `io` until `done()` or `timeout`; true when done.
bool RunUntil(boost::asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds timeout);

// CPU time (user + system) this process used so far.
std::chrono::milliseconds ProcessCpuTime();

}  // namespace unsit::testing
