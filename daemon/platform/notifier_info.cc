#include <string>

#include "platform/notifier.h"

namespace unsit {

std::string ActionMenuCommand(const NotifierInfo& info) {
  const std::string server = info.server.substr(0, info.server.find(' '));
  if (server == "dunst") return "dunstctl context";
  if (server == "mako") return "makoctl menu";
  return "";
}

}  // namespace unsit
