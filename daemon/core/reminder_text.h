#pragma once

#include <string>
#include <string_view>

#include "core/config.h"
#include "core/time.h"

namespace unsit {

// The reminder as the user will read it.
struct ReminderView {
  std::string summary;       // "Time to stand up — 1 h 02 min sitting"
  std::string body;          // walk prompt, one stretch (name, cue, caution), `unsit stretch`
  std::string snooze_label;  // "Snooze 10 min"
  std::string picture;       // the stretch's line drawing (a path), or empty
};

// Composes the reminder for `sitting` so far with `stretch`: walking first, then
// the stretch's name and cue, the first sentence of its caution, and the command
// that shows every step. When the server shows no buttons (`actions` false) the
// body names the CLI verbs instead.
// A server that hides the actions in a menu is named by `menu_command` (the
// command that opens it), which the body then names.
ReminderView ComposeReminder(Duration sitting, const Stretch& stretch, Duration snooze,
                             bool actions, std::string_view menu_command = {});

}  // namespace unsit
