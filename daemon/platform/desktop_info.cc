#include "platform/desktop_info.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

namespace unsit {
namespace {

std::optional<std::string> WaylandSocketPath() {
  const char* name = std::getenv("WAYLAND_DISPLAY");
  if (name == nullptr || *name == '\0') return std::nullopt;
  if (*name == '/') return std::string(name);
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (runtime == nullptr || *runtime == '\0') return std::nullopt;
  return std::string(runtime) + "/" + name;
}

std::optional<pid_t> PeerPid(const std::string& path) {
  sockaddr_un address{};
  if (path.size() >= sizeof(address.sun_path)) return std::nullopt;
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return std::nullopt;
  std::optional<pid_t> pid;
  ucred credentials{};
  socklen_t length = sizeof(credentials);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
      getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 && credentials.pid > 0) {
    pid = credentials.pid;
  }
  close(fd);
  return pid;
}

}  // namespace

std::optional<PeerProgram> WaylandCompositor() {
  auto path = WaylandSocketPath();
  if (!path) return std::nullopt;
  auto pid = PeerPid(*path);
  if (!pid) return std::nullopt;
  std::ifstream comm("/proc/" + std::to_string(*pid) + "/comm");
  std::string name;
  if (!std::getline(comm, name) || name.empty()) name = "unknown program";
  return PeerProgram{name, *pid};
}

std::string KWinVersion(std::string_view support_information) {
  constexpr std::string_view kLabel = "KWin version: ";
  size_t start = support_information.find(kLabel);
  if (start == std::string_view::npos) return "";
  start += kLabel.size();
  size_t end = support_information.find('\n', start);
  std::string_view version = support_information.substr(start, end - start);
  while (!version.empty() && (version.back() == ' ' || version.back() == '\r')) {
    version.remove_suffix(1);
  }
  return std::string(version);
}

std::string HiddenActionsHint(const std::string& server_name) {
  if (server_name == "dunst") {
    return "dunst keeps the buttons in its context menu: `dunstctl context` (or its "
           "context key binding); a middle click is \"I'm up\"";
  }
  if (server_name == "mako") {
    return "mako keeps the buttons in a menu: `makoctl menu PROGRAM` with a dmenu-like "
           "PROGRAM (`makoctl menu wofi -d`); a click is \"I'm up\"";
  }
  return "";
}

}  // namespace unsit
