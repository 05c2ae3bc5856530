// FindThemeSound (contract in sound_player.h): the lookup libcanberra makes
// for the freedesktop theme and the stereo profile, without loading it.
#include <unistd.h>

#include <array>
#include <string>

#include "platform/sound_player.h"
#include "platform/xdg_data_dirs.h"

namespace unsit {
namespace {

constexpr std::array<const char*, 3> kSuffixes = {".oga", ".ogg", ".wav"};

std::string FindExactly(const std::string& name) {
  for (const std::string& dir : XdgDataDirs()) {
    if (dir.empty() || dir.front() != '/') continue;
    for (const char* suffix : kSuffixes) {
      std::string path = dir + "/sounds/freedesktop/stereo/" + name + suffix;
      if (access(path.c_str(), R_OK) == 0) return path;
    }
  }
  return "";
}

}  // namespace

std::string FindThemeSound(std::string_view name) {
  std::string tried(name);
  if (tried.empty() || tried.find('/') != std::string::npos) return "";
  while (true) {
    if (std::string path = FindExactly(tried); !path.empty()) return path;
    std::size_t dash = tried.rfind('-');
    if (dash == std::string::npos || dash == 0) return "";
    tried.resize(dash);
  }
}

}  // namespace unsit
