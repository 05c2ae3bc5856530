#include "support/child.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>
#include <utility>

extern char** environ;

namespace unsit::test_support {
namespace {

// In the forked child: where its output goes, then exec. Never returns.
[[noreturn]] void Exec(std::vector<char*>& args, std::vector<char*>& envp, Child::Output output,
                       int pipe_write) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test, even if it crashes
  setpgid(0, 0);  // its own group, so a terminal's Ctrl+C does not reach it first
  int null = open("/dev/null", O_RDWR);
  dup2(null, 0);
  if (output == Child::Output::kCapture) dup2(pipe_write, 1);
  if (output == Child::Output::kQuiet) dup2(null, 1);
  if (output != Child::Output::kInherit) dup2(null, 2);
  execvpe(args[0], args.data(), envp.data());
  _exit(127);
}

}  // namespace

Child::Child(const std::vector<std::string>& argv, const std::vector<std::string>& env,
             Output output) {
  std::vector<std::string> environment;
  for (char** e = environ; *e != nullptr; ++e) environment.emplace_back(*e);
  environment.insert(environment.end(), env.begin(), env.end());
  std::vector<char*> args, envp;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  for (const std::string& e : environment) envp.push_back(const_cast<char*>(e.c_str()));
  args.push_back(nullptr);
  envp.push_back(nullptr);
  int fds[2] = {-1, -1};
  if (output == Output::kCapture && pipe2(fds, O_CLOEXEC) != 0) return;
  pid_ = fork();
  if (pid_ == 0) Exec(args, envp, output, fds[1]);
  if (fds[1] >= 0) close(fds[1]);
  if (pid_ < 0) {
    if (fds[0] >= 0) close(fds[0]);
    return;
  }
  out_ = fds[0];
}

Child::Child(Child&& other) noexcept { *this = std::move(other); }

Child& Child::operator=(Child&& other) noexcept {
  if (this == &other) return *this;
  Stop();
  pid_ = std::exchange(other.pid_, -1);
  out_ = std::exchange(other.out_, -1);
  buffer_ = std::move(other.buffer_);
  return *this;
}

bool Child::running() const { return pid_ > 0 && kill(pid_, 0) == 0; }

std::optional<std::string> Child::ReadLine(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (auto newline = buffer_.find('\n'); newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (out_ < 0 || left.count() <= 0) return std::nullopt;
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char chunk[512];
    ssize_t n = read(out_, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

int Child::Wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (pid_ > 0) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return status;
    }
    if (std::chrono::steady_clock::now() > deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

void Child::Stop(int signal) {
  if (pid_ > 0) {
    kill(pid_, signal);
    if (Wait(std::chrono::seconds(5)) == -1 && pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  if (out_ >= 0) close(out_);
  out_ = -1;
}

int Run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  Child child(argv);
  int status = child.Wait(timeout);
  return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int Shell(const std::string& command) { return std::system(command.c_str()); }

bool HaveProgram(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace unsit::test_support
