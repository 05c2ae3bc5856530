#include "platform/stretch_pictures.h"

#include <unistd.h>

#include "platform/xdg_data_dirs.h"

namespace unsit {

std::string FindStretchPicture(std::string_view id) {
  if (id.empty() || id.find('/') != std::string_view::npos) return "";
  for (const std::string& dir : XdgDataDirs()) {
    if (dir.empty() || dir.front() != '/') continue;
    std::string path = dir + "/unsit/stretches/" + std::string(id) + ".svg";
    if (access(path.c_str(), R_OK) == 0) return path;
  }
  return "";
}

}  // namespace unsit
