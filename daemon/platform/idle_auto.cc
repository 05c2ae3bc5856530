#include "platform/idle_auto.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

#include "i18n/tr.h"

namespace unsit {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

AutoCandidate Mutter(const IdleEnvironment& environment) {
  if (DesktopIs(environment, "gnome")) {
    return {"mutter", true,
            TrNoop("XDG_CURRENT_DESKTOP names GNOME: Mutter's IdleMonitor is expected")};
  }
  // Cheap to probe (one name lookup on the session bus), and some GNOME-based
  // desktops do not say GNOME in XDG_CURRENT_DESKTOP.
  return {"mutter", true,
          TrNoop("not a GNOME desktop by XDG_CURRENT_DESKTOP; probed on the session bus")};
}

AutoCandidate Wayland(const std::string& name, const IdleEnvironment& environment) {
  if (environment.wayland_display) return {name, true, TrNoop("WAYLAND_DISPLAY is set")};
  return {name, false, TrNoop("WAYLAND_DISPLAY is not set")};
}

AutoCandidate X11(const IdleEnvironment& environment) {
  if (!environment.x_display) return {"x11", false, TrNoop("DISPLAY is not set")};
  if (IsWaylandSession(environment)) {
    return {"x11", false,
            TrNoop("a Wayland session: DISPLAY is XWayland, which sees only input to X clients")};
  }
  return {"x11", true, TrNoop("DISPLAY is set")};
}

// Always probed, last: one session lookup on the system bus.
AutoCandidate Logind() {
  return {"logind", true,
          TrNoop("the last resort: logind's IdleHint is coarse (the desktop decides when the "
                 "session counts as idle, often only after minutes)")};
}

}  // namespace

IdleEnvironment ReadIdleEnvironment() {
  IdleEnvironment environment;
  environment.session_type = Env("XDG_SESSION_TYPE");
  environment.current_desktop = Env("XDG_CURRENT_DESKTOP");
  environment.wayland_display = !Env("WAYLAND_DISPLAY").empty();
  environment.x_display = !Env("DISPLAY").empty();
  return environment;
}

bool DesktopIs(const IdleEnvironment& environment, const std::string& desktop) {
  std::stringstream parts(Lower(environment.current_desktop));
  std::string part;
  while (std::getline(parts, part, ':')) {
    if (part == Lower(desktop)) return true;
  }
  return false;
}

bool IsWaylandSession(const IdleEnvironment& environment) {
  return Lower(environment.session_type) == "wayland" || environment.wayland_display;
}

std::vector<AutoCandidate> AutoIdleOrder(const IdleEnvironment& environment) {
  return {Mutter(environment), Wayland("ext-idle-notify", environment),
          Wayland("kde-idle", environment), X11(environment), Logind()};
}

}  // namespace unsit
