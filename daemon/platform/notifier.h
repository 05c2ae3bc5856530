#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/reminder_text.h"

namespace unsit {

// What the user did with the notification itself.
// kDesk: the button of a prompt of the sit-stand rhythm (ReminderView::desk_label).
enum class NotifyAction { kDone, kSnooze, kSkip, kDismissed, kDesk };

// What `doctor` shows about the notification path.
struct NotifierInfo {
  std::string name;    // "libnotify", "log"
  std::string server;  // e.g. "dunst 1.9.0 (Dunst)"; empty when none answers
  std::vector<std::string> capabilities;
  bool actions = false;       // the server shows buttons
  std::string problem;        // empty when all is well; else what is wrong and the fix
  std::string no_server;      // when no server answers: why (D-Bus's words); else empty
  std::string refused;        // when the server refused the last reminder: its words; else empty
  std::string sound;          // how the reminder sounds (SoundPlan::description)
  std::string sound_problem;  // why it cannot sound, and the fix; empty when it can
};

// The command that opens the action menu of servers that show a reminder's
// actions in a menu rather than as buttons (dunst: "dunstctl context", mako:
// "makoctl menu"), told by the first word of `info.server`; empty otherwise.
std::string ActionMenuCommand(const NotifierInfo& info);

// The problem when no notification server answers, with `detail` (why), and
// its fix: in English for the log, or in the user's language for `doctor`.
std::string NoServerProblem(const std::string& detail, bool for_people);

// Puts the reminder in front of the user. Called on the io_context thread; a
// libnotify implementation hands the work to the GLib thread and posts actions back.
class Notifier {
 public:
  using ActionCallback = std::function<void(NotifyAction)>;  // on the io_context thread
  // Called on the io_context thread whenever Info() changed: a server appeared
  // or went away, a Show failed or worked again.
  using StatusCallback = std::function<void(const NotifierInfo&)>;

  virtual ~Notifier() = default;
  virtual std::string_view Name() const = 0;
  // `callback` outlives the notifier.
  virtual void SetActionCallback(ActionCallback callback) = 0;
  // `callback` outlives the notifier. A notifier whose Info() never changes
  // never calls it.
  virtual void SetStatusCallback(StatusCallback callback) = 0;
  // True when reminders go to a notification server (the shell then logs them
  // as well); false when the notifier writes them to the log itself.
  virtual bool OnScreen() const = 0;
  // Shows the reminder, replacing the one on screen if any (never stacks).
  virtual void Show(const ReminderView& view) = 0;
  // Withdraws the reminder if it is on screen; harmless otherwise.
  virtual void Close() = 0;
  virtual NotifierInfo Info() const = 0;
};

}  // namespace unsit
