#pragma once

#include <string>

#include "core/config.h"
#include "core/time.h"

namespace unsit {

// The reminder as the user will read it.
struct ReminderView {
  std::string summary;       // "Time to stand up — 1 h 02 min sitting"
  std::string body;          // walk prompt and one stretch (name and cue)
  std::string snooze_label;  // "Snooze 10 min"
  std::string no_buttons;    // the line that names the CLI verbs instead of buttons
};

// Composes the reminder for `sitting` so far with `stretch`. Whether buttons
// show is decided where the server is known, by BodyFor.
ReminderView ComposeReminder(Duration sitting, const Stretch& stretch, Duration snooze);

// The body as shown: with `no_buttons` added when the server shows no buttons
// (`actions` false: no such capability, no server, or the log).
std::string BodyFor(const ReminderView& view, bool actions);

}  // namespace unsit
