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

// The caution in a few words: its first sentence.
std::string_view FirstSentence(std::string_view text) {
  const std::size_t end = text.find(". ");
  return end == std::string_view::npos ? text : text.substr(0, end + 1);
}

}  // namespace

ReminderView ComposeReminder(Duration sitting, const Stretch& stretch, Duration snooze,
                             HoldReasons after_hold) {
  ReminderView view;
  if (after_hold.empty()) {
    view.summary = "Time to stand up — " + FormatHuman(sitting) + " sitting";
  } else {
    view.summary = FormatHuman(sitting) + " sitting — " + std::string(HoldOverPhrase(after_hold)) +
                   ", time to stand";
  }
  view.body = "Walk around for a few minutes.\n";
  view.body += stretch.kind == StretchKind::kStretch ? "Then stretch: " : "Then: ";
  view.body += EscapeMarkup(stretch.name) + " — " + EscapeMarkup(stretch.cue);
  if (!stretch.caution.empty())
    view.body += "\nCareful: " + EscapeMarkup(FirstSentence(stretch.caution));
  view.body += "\nAll steps: unsit stretch";
  view.snooze_label = "Snooze " + FormatHuman(snooze);
  view.no_buttons = "No buttons here: run unsit done once you are up, unsit snooze to wait " +
                    FormatHuman(snooze) + ", or unsit skip to let this one pass.";
  view.picture = stretch.picture;
  return view;
}

std::string BodyFor(const ReminderView& view, bool actions, std::string_view menu_command) {
  if (!actions) return view.body + "\n" + view.no_buttons;
  if (menu_command.empty()) return view.body;
  if (!view.desk_label.empty()) {
    return view.body + "\nIts buttons are in the notification's menu (" +
           EscapeMarkup(menu_command) + ").";
  }
  return view.body + "\nI'm up, snooze and skip are in the notification's menu (" +
         EscapeMarkup(menu_command) + ").";
}

}  // namespace unsit
