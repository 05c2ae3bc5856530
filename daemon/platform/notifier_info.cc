#include <string>

#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/notifier.h"

namespace unsit {

std::string ActionMenuCommand(const NotifierInfo& info) {
  const std::string server = info.server.substr(0, info.server.find(' '));
  if (server == "dunst") return "dunstctl context";
  if (server == "mako") return "makoctl menu";
  return "";
}

std::string NoServerProblem(const std::string& detail, bool for_people) {
  // TRANSLATORS: %s is why, in D-Bus's words (often English).
  const char* format = TrNoop(
      "no notification server answers on the session bus (%s); start one (a desktop shell, "
      "dunst, mako...); until then reminders go to the log");
  // A detail of ours is TrNoop-marked where it is made; D-Bus's comes as it is.
  if (!for_people) return FormatText(format, detail.c_str());
  return FormatText(Tr(format), detail.empty() ? "" : Tr(detail.c_str()));
}

}  // namespace unsit
