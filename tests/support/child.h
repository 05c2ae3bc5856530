#pragma once

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace unsit::test_support {

// A child process started by the test and stopped by its PID (never by name):
// SIGTERM, then SIGKILL after 5 s, and reaped, when destroyed. It runs in its
// own process group with stdin on /dev/null, and is killed if the test process
// dies first (PR_SET_PDEATHSIG), so no helper outlives a crashed test.
class Child {
 public:
  // kQuiet: stdout and stderr go to /dev/null (chatty helpers such as
  // dbusmock). kCapture: stdout is a pipe read by ReadLine(), stderr is quiet.
  // kInherit: both go where the test's go.
  enum class Output { kQuiet, kCapture, kInherit };

  Child() = default;
  // Starts `argv` (looked up on PATH) with the current environment plus `env`
  // (NAME=VALUE entries). started() is false if fork or the pipe failed; an
  // exec failure is the child exiting 127.
  explicit Child(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                 Output output = Output::kQuiet);
  Child(Child&& other) noexcept;
  Child& operator=(Child&& other) noexcept;
  ~Child() { Stop(); }

  pid_t pid() const { return pid_; }
  bool started() const { return pid_ > 0; }
  bool running() const;
  // One line of stdout (kCapture) without the newline; nullopt on EOF or timeout.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
  // Sends `signal`, waits up to 5 s, then SIGKILL; reaps. Does nothing once stopped.
  void Stop(int signal = SIGTERM);
  // Waits for the child to exit by itself: its wait status, or -1 on timeout.
  int Wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffer_;
};

// Runs `argv` to completion (output quiet); its exit code, or -1 if it did not
// exit normally within `timeout`.
int Run(const std::vector<std::string>& argv,
        std::chrono::milliseconds timeout = std::chrono::seconds(30));

// Runs `command` through /bin/sh; its wait status (0 on success).
int Shell(const std::string& command);

// True when `name` is an executable on PATH (or an existing absolute path).
bool HaveProgram(const std::string& name);

}  // namespace unsit::test_support
