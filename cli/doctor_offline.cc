#include "doctor_offline.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "i18n/locale.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "offline.h"
#include "storage/history_reader.h"

namespace unsit::cli {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// unsitd beside this program (a build tree, or the same bin directory), else
// the one on PATH.
std::string DaemonProgram() {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    std::filesystem::path sibling = self.parent_path() / "unsitd";
    if (access(sibling.c_str(), X_OK) == 0) return sibling.string();
    sibling = self.parent_path().parent_path() / "daemon" / "unsitd";
    if (access(sibling.c_str(), X_OK) == 0) return sibling.string();
  }
  return "unsitd";
}

// The first line `unsitd --check-config` prints (stdout and stderr), and
// whether it exited 0.
std::string CheckConfig() {
  const std::string program = DaemonProgram();
  if (program.find('\'') != std::string::npos) return Tr("not checked (unusual path to unsitd)");
  FILE* pipe = popen(("'" + program + "' --check-config 2>&1").c_str(), "r");
  if (pipe == nullptr) return Tr("not checked (cannot run unsitd --check-config)");
  std::string output;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  const int status = pclose(pipe);
  if (!output.empty() && output.back() == '\n') output.pop_back();
  if (status != 0 && output.empty()) return Tr("not checked (unsitd --check-config failed)");
  return status == 0 ? output : FormatText(Tr("PROBLEM: %s"), output.c_str());
}

std::string Display() {
  std::string shown;
  if (!Env("WAYLAND_DISPLAY").empty()) shown += "WAYLAND_DISPLAY=" + Env("WAYLAND_DISPLAY");
  if (!Env("DISPLAY").empty())
    shown += std::string(shown.empty() ? "" : ", ") + "DISPLAY=" + Env("DISPLAY");
  return shown.empty() ? std::string(Tr("none in this environment (idle is then seen only through "
                                        "logind, coarsely; start the daemon from the desktop "
                                        "session)"))
                       : shown;
}

std::string SessionBus() {
  if (!Env("DBUS_SESSION_BUS_ADDRESS").empty()) return Env("DBUS_SESSION_BUS_ADDRESS");
  const std::string bus = Env("XDG_RUNTIME_DIR") + "/bus";
  if (!Env("XDG_RUNTIME_DIR").empty() && access(bus.c_str(), F_OK) == 0) return bus;
  return Tr("none found (no desktop notifications: reminders would go to the log)");
}

std::string History() {
  const std::string path = DefaultHistoryPath();
  if (access(path.c_str(), F_OK) != 0)
    return path + ": " + Tr("none yet (created at the first start)");
  auto today = ReadDaysOffline(1);
  if (!today) return path + ": " + FormatText(Tr("PROBLEM: %s"), today.error().message.c_str());
  return path + ": " + Tr("readable");
}

}  // namespace

std::string OfflineDoctor() {
  std::ostringstream out;
  out << Tr("daemon: not running") << "\n"
      << FormatText(Tr("config: %s"), CheckConfig().c_str()) << "\n"
      << FormatText(Tr("display: %s"), Display().c_str()) << "\n"
      << FormatText(Tr("session bus: %s"), SessionBus().c_str()) << "\n"
      << Tr("notification server: not asked (only the daemon talks to it)") << "\n"
      << FormatText(Tr("history: %s"), History().c_str()) << "\n"
      << FormatText(Tr("locale: %s"), LocaleInEffect().c_str()) << "\n"
      << Tr("Start the daemon with: systemctl --user start unsit   (or: unsitd &)\nthen run unsit "
            "doctor again for the idle source and notification server.")
      << "\n";
  return out.str();
}

}  // namespace unsit::cli
