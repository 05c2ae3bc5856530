#include "shell/desk_text.h"

#include <string>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit {
namespace {

// `format` (a translated message with one %s) with `part` in the locale's
// words ("45 min").
std::string Part(const char* format, Duration part) {
  return FormatText(format, HumanDuration(part).c_str());
}

}  // namespace

ReminderView ComposeDeskPrompt(DeskPrompt prompt, Duration part, const Config::StandingDesk& desk,
                               Duration snooze) {
  ReminderView view;
  if (prompt == DeskPrompt::kRaise) {
    view.summary = Part(Tr("Time to raise the desk — %s sitting"), part);
    view.body = Part(Tr("Stand for the next %s."), desk.stand);
    view.desk_label = Tr("Desk is up");
    view.snooze_label = Tr("Later");
    view.no_buttons = Part(Tr("No buttons here: run unsit standing on once the desk is up, or "
                              "unsit snooze to be asked again in %s."),
                           snooze);
  } else {
    view.summary = Part(Tr("You may sit — %s standing"), part);
    view.body = Part(Tr("Lower the desk when you like; the next standing part comes after %s of "
                        "sitting."),
                     desk.sit);
    view.desk_label = Tr("Sitting now");
    view.no_buttons = Tr("No buttons here: run unsit standing off once you sit.");
  }
  return view;
}

}  // namespace unsit
