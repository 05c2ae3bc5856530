#include "desktop_helpers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/executor_work_guard.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace unsit::testing {

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

std::optional<Child> Child::Start(const std::vector<std::string>& argv, int* stdout_pipe) {
  int fds[2] = {-1, -1};
  if (stdout_pipe != nullptr && pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  pid_t pid = fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test, even if it crashes
    if (stdout_pipe != nullptr) dup2(fds[1], 1);
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    if (stdout_pipe == nullptr) dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  if (stdout_pipe != nullptr) {
    close(fds[1]);
    *stdout_pipe = fds[0];
  }
  return Child(pid);
}

Child& Child::operator=(Child&& other) noexcept {
  if (this != &other) {
    Stop();
    pid_ = std::exchange(other.pid_, -1);
  }
  return *this;
}

void Child::Stop(int signal) {
  if (pid_ <= 0) return;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

int Run(const std::vector<std::string>& argv) {
  auto child = Child::Start(argv);
  if (!child) return -1;
  int status = 0;
  pid_t pid = child->pid();
  waitpid(pid, &status, 0);
  child->Release();
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Capture(const std::vector<std::string>& argv) {
  int fd = -1;
  auto child = Child::Start(argv, &fd);
  if (!child) return {};
  std::string out;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  close(fd);
  int status = 0;
  waitpid(child->pid(), &status, 0);
  child->Release();
  return out;
}

std::optional<std::string> ReadLine(int fd, std::chrono::milliseconds timeout) {
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd probe{fd, POLLIN, 0};
    if (poll(&probe, 1, static_cast<int>(left.count())) <= 0) continue;
    char c = 0;
    if (read(fd, &c, 1) != 1) return std::nullopt;
    if (c == '\n') return line;
    line.push_back(c);
  }
}

std::optional<std::string> WritePrivateBusConfig() {
  char dir[] = "/tmp/unsit-bus.XXXXXX";
  if (mkdtemp(dir) == nullptr) return std::nullopt;
  std::string path = std::string(dir) + "/bus.conf";
  std::ofstream out(path);
  out << "<busconfig><type>session</type><listen>unix:dir=" << dir << "</listen>"
      << "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\" "
      << "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
      << "</busconfig>\n";
  if (!out) return std::nullopt;
  return path;
}

std::optional<Xvfb> Xvfb::Start() {
  int fd = -1;
  auto child = Child::Start(
      {"Xvfb", "-displayfd", "1", "-noreset", "-nolisten", "tcp", "-screen", "0", "1024x768x24"},
      &fd);
  if (!child) return std::nullopt;
  auto number = ReadLine(fd, std::chrono::seconds(10));
  close(fd);
  if (!number || number->empty()) return std::nullopt;
  Xvfb xvfb;
  xvfb.child_ = std::move(*child);
  xvfb.display_ = ":" + *number;
  setenv("DISPLAY", xvfb.display_.c_str(), 1);
  return xvfb;
}

int Xvfb::Xdotool(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {"env", "DISPLAY=" + display_, "xdotool"};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv);
}

bool RunUntil(boost::asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds timeout) {
  auto guard = boost::asio::make_work_guard(io);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    if (io.stopped()) io.restart();
    io.run_one_for(std::chrono::milliseconds(10));
  }
  return true;
}

std::chrono::milliseconds ProcessCpuTime() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000L + t.tv_usec / 1000L; };
  return std::chrono::milliseconds(ms(usage.ru_utime) + ms(usage.ru_stime));
}

}  // namespace unsit::testing
