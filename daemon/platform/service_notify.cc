#include "platform/service_notify.h"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#ifdef UNSIT_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace unsit {

void ServiceNotify(const char* state) {
#ifdef UNSIT_HAVE_SYSTEMD
  sd_notify(0, state);
#else
  (void)state;
#endif
}

bool SystemdUnitManagesUs() {
  const char* runtime = getenv("XDG_RUNTIME_DIR");
  if (runtime == nullptr) return false;
  std::error_code error;
  // The user manager's private socket exists only while it runs.
  if (!std::filesystem::exists(std::string(runtime) + "/systemd/private", error)) return false;
  // The unit is enabled for graphical sessions when this link exists in any
  // user unit directory, so the manager will start (or has started) unsitd.
  std::vector<std::string> dirs;
  if (const char* config = getenv("XDG_CONFIG_HOME")) {
    dirs.push_back(std::string(config) + "/systemd/user");
  } else if (const char* home = getenv("HOME")) {
    dirs.push_back(std::string(home) + "/.config/systemd/user");
  }
  dirs.push_back("/etc/systemd/user");
  dirs.push_back("/usr/lib/systemd/user");
  for (const std::string& dir : dirs) {
    if (std::filesystem::exists(dir + "/graphical-session.target.wants/unsit.service", error)) {
      return true;
    }
  }
  return false;
}

}  // namespace unsit
