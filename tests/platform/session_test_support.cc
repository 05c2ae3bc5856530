#include "session_test_support.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

extern char** environ;

namespace unsit::session_testing {

Child::Child(const std::vector<std::string>& argv, const std::vector<std::string>& env,
             Output output) {
  const bool capture_stdout = output == Output::kCapture;
  std::vector<std::string> environment;
  for (char** e = environ; *e != nullptr; ++e) environment.emplace_back(*e);
  environment.insert(environment.end(), env.begin(), env.end());
  std::vector<char*> args, envp;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  for (const std::string& e : environment) envp.push_back(const_cast<char*>(e.c_str()));
  args.push_back(nullptr);
  envp.push_back(nullptr);
  int fds[2] = {-1, -1};
  if (capture_stdout && pipe2(fds, O_CLOEXEC) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    if (capture_stdout) dup2(fds[1], 1);
    if (output == Output::kQuiet) {
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
    }
    setpgid(0, 0);  // its own group, so a terminal's Ctrl+C does not reach it first
    execvpe(args[0], args.data(), envp.data());
    _exit(127);
  }
  if (capture_stdout) {
    close(fds[1]);
    out_ = fds[0];
  }
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

int Shell(const std::string& command) { return std::system(command.c_str()); }

bool HaveDbusmock() { return Shell("/usr/bin/python3 -c 'import dbusmock' 2>/dev/null") == 0; }

std::optional<Child> StartLogindMock(const std::string& system_bus, bool with_session) {
  Child mock({"/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind"});
  if (!WaitForName(system_bus, kLogind, std::chrono::seconds(10))) return std::nullopt;
  if (with_session &&
      !CallMethod(system_bus, kLogind, kLogindManagerPath, kMock, "AddSession",
                  "('c7', 'seat0', uint32 " + std::to_string(getuid()) + ", 'someone', true)")) {
    return std::nullopt;
  }
  return mock;
}

ScopedEnv::~ScopedEnv() {
  for (const auto& [name, value] : saved_) {
    if (value) {
      setenv(name.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name.c_str());
    }
  }
}

void ScopedEnv::Remember(const std::string& name) {
  if (saved_.count(name) != 0) return;
  const char* old = std::getenv(name.c_str());
  saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
}

void ScopedEnv::Set(const std::string& name, const std::string& value) {
  Remember(name);
  setenv(name.c_str(), value.c_str(), 1);
}

void ScopedEnv::Unset(const std::string& name) {
  Remember(name);
  unsetenv(name.c_str());
}

PrivateBus::PrivateBus()
    : daemon_({"dbus-daemon", "--session", "--nofork", "--print-address=1"}, {},
              Child::Output::kCapture) {
  if (auto line = daemon_.ReadLine(std::chrono::seconds(5))) address_ = *line;
}

std::optional<std::string> CallMethod(const std::string& bus_address, const std::string& name,
                                      const std::string& path, const std::string& interface,
                                      const std::string& method, const std::string& args) {
  auto flags = static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                 G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION);
  GDBusConnection* bus =
      g_dbus_connection_new_for_address_sync(bus_address.c_str(), flags, nullptr, nullptr, nullptr);
  if (bus == nullptr) return std::nullopt;
  GVariant* parameters = nullptr;
  if (!args.empty()) {
    parameters = g_variant_parse(nullptr, args.c_str(), nullptr, nullptr, nullptr);
    if (parameters == nullptr) {
      g_object_unref(bus);
      return std::nullopt;
    }
  }
  GVariant* reply = g_dbus_connection_call_sync(bus, name.c_str(), path.c_str(), interface.c_str(),
                                                method.c_str(), parameters, nullptr,
                                                G_DBUS_CALL_FLAGS_NONE, 5000, nullptr, nullptr);
  g_dbus_connection_close_sync(bus, nullptr, nullptr);
  g_object_unref(bus);
  if (reply == nullptr) return std::nullopt;
  gchar* text = g_variant_print(reply, TRUE);
  std::string result = text;
  g_free(text);
  g_variant_unref(reply);
  return result;
}

bool WaitForName(const std::string& bus_address, const std::string& name,
                 std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto reply = CallMethod(bus_address, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                            "org.freedesktop.DBus", "NameHasOwner", "('" + name + "',)");
    if (reply && reply->find("true") != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

bool RunUntil(boost::asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    io.restart();
    io.run_for(std::chrono::milliseconds(20));
    // run_for returns at once when there is no work: do not spin.
    if (io.stopped()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "unsit-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code error;
  if (!path_.empty()) std::filesystem::remove_all(path_, error);
}

}  // namespace unsit::session_testing
