#pragma once

#include <string>
#include <string_view>

#include "core/config.h"
#include "core/hold.h"
#include "core/time.h"

namespace unsit {

// The reminder as the user will read it, in the language of the process's
// locale (InitLocale). The core hands out the values (how long, which stretch,
// what held it); the words are made here, in the shell.
struct ReminderView {
  std::string summary;       // "Time to stand up — 1 h 02 min sitting"
  std::string body;          // walk prompt, one stretch (name, cue, caution), `unsit stretch`
  std::string done_label;    // "I'm up"
  std::string snooze_label;  // "Snooze 10 min"
  std::string skip_label;    // "Skip"
  std::string no_buttons;    // the line that names the CLI verbs instead of buttons
  std::string picture;       // the stretch's line drawing (a path), or empty
  // Set for a prompt of the sit-stand rhythm: its one button, which switches
  // standing mode, in place of I'm up / snooze / skip; "Later" (snooze) only
  // where `snooze_label` is set.
  std::string desk_label;
};

// Composes the reminder for `sitting` so far with `stretch`: walking first, then
// the stretch's name and cue, the first sentence of its caution, and the command
// that shows every step. What depends on the server (buttons, a menu) is added
// where the server is known, by BodyFor. A reminder held while the user was
// busy (`after_hold` not empty) says what is over in its summary ("1 h 35 min
// sitting — the call is over, time to stand").
ReminderView ComposeReminder(Duration sitting, const Stretch& stretch, Duration snooze,
                             HoldReasons after_hold = {});

// The body as shown: with `no_buttons` added when the server shows no buttons
// (`actions` false: no such capability, no server, or the log); with a line
// naming `menu_command` when the server keeps the actions in a menu.
std::string BodyFor(const ReminderView& view, bool actions, std::string_view menu_command = {});

// What the reminder says once the user is free, for the first reason in the
// order of kAllHoldReasons: "the call is over". Empty for none.
std::string HoldOverPhrase(HoldReasons reasons);

}  // namespace unsit
