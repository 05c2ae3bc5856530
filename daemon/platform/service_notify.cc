#include "platform/service_notify.h"

#include <cstdlib>
#include <string>

#ifdef UNSIT_HAVE_SYSTEMD
#include <systemd/sd-bus.h>
#include <systemd/sd-daemon.h>
#endif

namespace unsit {
namespace {

#ifdef UNSIT_HAVE_SYSTEMD
constexpr const char* kManager = "org.freedesktop.systemd1";
constexpr const char* kUnitInterface = "org.freedesktop.systemd1.Unit";
constexpr const char* kUnsitPath = "/org/freedesktop/systemd1/unit/unsit_2eservice";
constexpr const char* kSessionTargetPath =
    "/org/freedesktop/systemd1/unit/graphical_2dsession_2etarget";

// A direct connection to the user manager's private socket: it exists exactly
// while a user manager runs, whether or not a D-Bus session bus does.
sd_bus* ConnectUserManager() {
  const char* runtime = getenv("XDG_RUNTIME_DIR");
  if (runtime == nullptr || *runtime != '/') return nullptr;
  sd_bus* bus = nullptr;
  if (sd_bus_new(&bus) < 0) return nullptr;
  std::string address = std::string("unix:path=") + runtime + "/systemd/private";
  if (sd_bus_set_address(bus, address.c_str()) < 0 || sd_bus_start(bus) < 0) {
    sd_bus_unref(bus);
    return nullptr;
  }
  return bus;
}

std::string UnitProperty(sd_bus* bus, const char* path, const char* property) {
  char* value = nullptr;
  if (sd_bus_get_property_string(bus, kManager, path, kUnitInterface, property, nullptr, &value) <
      0) {
    return {};
  }
  std::string result = value;
  free(value);
  return result;
}

bool Running(const std::string& state) {
  return state == "active" || state == "activating" || state == "reloading";
}
#endif

}  // namespace

void ServiceNotify(const char* state) {
#ifdef UNSIT_HAVE_SYSTEMD
  sd_notify(0, state);
#else
  (void)state;
#endif
}

bool SystemdUnitManagesUs() {
#ifdef UNSIT_HAVE_SYSTEMD
  sd_bus* bus = ConnectUserManager();
  if (bus == nullptr) return false;
  bool managed = Running(UnitProperty(bus, kUnsitPath, "ActiveState"));
  // Desktops that start graphical-session.target start the enabled unit too;
  // others (many X11 desktops) never do, and there autostart must run unsitd.
  if (!managed && Running(UnitProperty(bus, kSessionTargetPath, "ActiveState"))) {
    std::string file_state = UnitProperty(bus, kUnsitPath, "UnitFileState");
    managed = file_state == "enabled" || file_state == "enabled-runtime";
  }
  sd_bus_unref(bus);
  return managed;
#else
  return false;
#endif
}

}  // namespace unsit
