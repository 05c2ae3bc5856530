#include "i18n/tray_text.h"

#include "core/hold.h"
#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit {
namespace {

std::string FirstLine(const Snapshot& s, TrayState state) {
  const std::string bout = HumanDuration(s.bout);
  switch (state) {
    case TrayState::kDue:
      // TRANSLATORS: %s is how long the user has been sitting.
      return FormatText(Tr("Time to get up: sitting for %s"), bout.c_str());
    case TrayState::kMuted:
      // The minutes show while sitting, as the label does.
      if (s.paused) {
        if (s.state != State::kSitting) return Tr("Reminders paused");
        return FormatText(Tr("Reminders paused, sitting for %s"), bout.c_str());
      }
      if (s.schedule && s.schedule->in == ScheduleIn::kOutsideWorkingHours) {
        if (s.state != State::kSitting) return Tr("Outside working hours");
        return FormatText(Tr("Outside working hours, sitting for %s"), bout.c_str());
      }
      if (s.state != State::kSitting) return Tr("Quiet hours");
      return FormatText(Tr("Quiet hours, sitting for %s"), bout.c_str());
    case TrayState::kHeld:
      if (!s.held_by.empty()) {
        // TRANSLATORS: %s names the reasons as the config does (call, dnd, ...).
        return FormatText(Tr("A reminder is held while you are busy (%s)"),
                          JoinHoldReasons(s.held_by).c_str());
      }
      return Tr("A reminder is waiting for you to come back");
    case TrayState::kAway:
      return Tr("Away: on a break");
    case TrayState::kStanding:
      return Tr("Standing");
    case TrayState::kSitting:
      break;
  }
  return FormatText(Tr("Sitting for %s"), bout.c_str());
}

std::string SecondLine(const Snapshot& s) {
  const std::string sitting = HumanDuration(s.today.sitting);
  const auto breaks = static_cast<unsigned long>(s.today.breaks);
  // TRANSLATORS: %s is time sitting today, %lu the number of breaks.
  std::string line =
      FormatText(TrN("Today: %s sitting, %lu break", "Today: %s sitting, %lu breaks", breaks),
                 sitting.c_str(), breaks);
  if (s.next_reminder && !s.reminder_open) {
    line = FormatText(Tr("Next reminder in %s."), HumanDuration(*s.next_reminder).c_str()) + " " +
           line;
  }
  return line;
}

}  // namespace

std::string TrayTooltip(const Snapshot& status, TrayState state) {
  return FirstLine(status, state) + "\n" + SecondLine(status);
}

std::string TrayTodayLine(const DayTotals& today) {
  const auto breaks = static_cast<unsigned long>(today.breaks);
  // TRANSLATORS: time sitting today, the longest bout, the number of breaks.
  return FormatText(TrN("Today: %s sitting, longest %s, %lu break",
                        "Today: %s sitting, longest %s, %lu breaks", breaks),
                    HumanDuration(today.sitting).c_str(), HumanDuration(today.longest_bout).c_str(),
                    breaks);
}

std::vector<std::string> StretchLines(const Stretch& stretch) {
  const std::string minutes = FormatText(TrC("duration", "%d min"), stretch.minutes);
  std::vector<std::string> lines{FormatText(Tr("%s (%s)"), stretch.name.c_str(), minutes.c_str())};
  for (std::size_t i = 0; i < stretch.steps.size(); ++i) {
    lines.push_back(std::to_string(i + 1) + ". " + stretch.steps[i]);
  }
  if (!stretch.caution.empty())
    lines.push_back(FormatText(Tr("Careful: %s"), stretch.caution.c_str()));
  return lines;
}

}  // namespace unsit
