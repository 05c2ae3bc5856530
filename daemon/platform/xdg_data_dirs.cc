#include "platform/xdg_data_dirs.h"

#include <cstdlib>
#include <sstream>

namespace unsit {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

}  // namespace

std::vector<std::string> XdgDataDirs() {
  std::vector<std::string> dirs;
  std::string home = Env("XDG_DATA_HOME");
  if (home.empty() && !Env("HOME").empty()) home = Env("HOME") + "/.local/share";
  dirs.push_back(home);
  std::string system = Env("XDG_DATA_DIRS");
  if (system.empty()) system = "/usr/local/share:/usr/share";
  std::istringstream list(system);
  for (std::string dir; std::getline(list, dir, ':');) dirs.push_back(dir);
  return dirs;
}

}  // namespace unsit
