#include "platform/stretch_pictures.h"

#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <vector>

namespace unsit {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// The data directories in XDG order; relative entries are ignored, as the
// specification asks.
std::vector<std::string> DataDirs() {
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

}  // namespace

std::string FindStretchPicture(std::string_view id) {
  if (id.empty() || id.find('/') != std::string_view::npos) return "";
  for (const std::string& dir : DataDirs()) {
    if (dir.empty() || dir.front() != '/') continue;
    std::string path = dir + "/unsit/stretches/" + std::string(id) + ".svg";
    if (access(path.c_str(), R_OK) == 0) return path;
  }
  return "";
}

}  // namespace unsit
