#include "i18n/reminder_text.h"

#include <string_view>

#include "i18n/tr.h"
#include "i18n/words.h"

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

std::string Summary(Duration sitting, HoldReasons after_hold) {
  const std::string how_long = HumanDuration(sitting);
  if (after_hold.empty()) {
    // TRANSLATORS: the reminder's title; %s is how long, e.g. "1 h 02 min".
    return FormatText(Tr("Time to stand up — %s sitting"), how_long.c_str());
  }
  // TRANSLATORS: the reminder's title after a hold; the first %s is how long, the second %s
  // what is over ("the call is over").
  return FormatText(Tr("%s sitting — %s, time to stand"), how_long.c_str(),
                    HoldOverPhrase(after_hold).c_str());
}

}  // namespace

std::string HoldOverPhrase(HoldReasons reasons) {
  for (HoldReason reason : kAllHoldReasons) {
    if (!reasons.Has(reason)) continue;
    switch (reason) {
      case HoldReason::kCall:
        return Tr("the call is over");
      case HoldReason::kScreencast:
        return Tr("the screen share is over");
      case HoldReason::kFullscreen:
        return Tr("you left fullscreen");
      case HoldReason::kDnd:
        return Tr("Do Not Disturb is off");
    }
  }
  return {};
}

ReminderView ComposeReminder(Duration sitting, const Stretch& stretch, Duration snooze,
                             HoldReasons after_hold) {
  ReminderView view;
  view.summary = Summary(sitting, after_hold);
  view.body = std::string(Tr("Walk around for a few minutes.")) + "\n";
  const std::string what = EscapeMarkup(stretch.name) + " — " + EscapeMarkup(stretch.cue);
  // TRANSLATORS: %s is a stretch's name and cue.
  view.body += stretch.kind == StretchKind::kStretch
                   ? FormatText(Tr("Then stretch: %s"), what.c_str())
                   : FormatText(Tr("Then: %s"), what.c_str());
  if (!stretch.caution.empty()) {
    const std::string caution = EscapeMarkup(FirstSentence(stretch.caution));
    view.body += "\n" + FormatText(Tr("Careful: %s"), caution.c_str());
  }
  view.body += "\n" + FormatText(Tr("All steps: %s"), "unsit stretch");
  const std::string snooze_for = HumanDuration(snooze);
  view.done_label = TrC("button", "I'm up");
  // TRANSLATORS: a button; %s is how long, e.g. "10 min".
  view.snooze_label = FormatText(TrC("button", "Snooze %s"), snooze_for.c_str());
  view.skip_label = TrC("button", "Skip");
  // TRANSLATORS: the command names stay as they are; %s is how long.
  view.no_buttons = FormatText(Tr("No buttons here: run unsit done once you are up, unsit snooze "
                                  "to wait %s, or unsit skip to let this one pass."),
                               snooze_for.c_str());
  view.picture = stretch.picture;
  return view;
}

std::string BodyFor(const ReminderView& view, bool actions, std::string_view menu_command) {
  if (!actions) return view.body + "\n" + view.no_buttons;
  if (menu_command.empty()) return view.body;
  const std::string command = EscapeMarkup(menu_command);
  if (!view.desk_label.empty()) {
    // TRANSLATORS: a prompt of the sit-stand rhythm; %s is the command that
    // opens the notification's menu.
    return view.body + "\n" +
           FormatText(view.snooze_label.empty()
                          ? Tr("Its button is in the notification's menu (%s).")
                          : Tr("Its buttons are in the notification's menu (%s)."),
                      command.c_str());
  }
  // TRANSLATORS: %s is the command that opens the notification's menu.
  return view.body + "\n" +
         FormatText(Tr("I'm up, snooze and skip are in the notification's menu (%s)."),
                    command.c_str());
}

}  // namespace unsit
