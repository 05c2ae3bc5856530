#include "core/reminder_text.h"

#include <string_view>

#include "core/duration.h"

namespace unsit {
namespace {

// Notification servers may read the body as a small subset of HTML, so the
// characters that start markup or entities are escaped; the result still reads
// correctly as plain text on servers that take the body literally.
std::string EscapeMarkup(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace

ReminderView ComposeReminder(Duration sitting, const Stretch& stretch, Duration snooze) {
  ReminderView view;
  view.summary = "Time to stand up — " + FormatHuman(sitting) + " sitting";
  view.body = "Walk around for a few minutes.\nThen: " + EscapeMarkup(stretch.name) + " — " +
              EscapeMarkup(stretch.cue);
  view.snooze_label = "Snooze " + FormatHuman(snooze);
  view.no_buttons = "No buttons here: run unsit done once you are up, unsit snooze to wait " +
                    FormatHuman(snooze) + ", or unsit skip to let this one pass.";
  return view;
}

std::string BodyFor(const ReminderView& view, bool actions) {
  return actions ? view.body : view.body + "\n" + view.no_buttons;
}

}  // namespace unsit
