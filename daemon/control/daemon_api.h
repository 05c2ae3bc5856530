#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/day_totals.h"
#include "core/model.h"
#include "core/result.h"
#include "platform/idle_source.h"

namespace unsit {

// What `status` needs beyond the model's snapshot.
struct StatusView {
  Snapshot snapshot;
  Duration sit_limit{0};
  std::string idle_backend;     // "x11", ..., "none"
  bool fixed_schedule = false;  // no idle source: a reminder every sit_limit
  std::string notifier;         // "libnotify", "log"
  WallTime now{};
};

struct DoctorReport {
  std::string session_type;        // XDG_SESSION_TYPE, or "unknown"
  std::string desktop;             // XDG_CURRENT_DESKTOP
  std::string compositor;          // the program behind WAYLAND_DISPLAY; empty: not known
  std::string compositor_version;  // as the compositor publishes it; empty: not read
  std::string idle_backend;
  std::string idle_protocol;  // what the backend bound ("ext_idle_notifier_v1 version 1")
  std::vector<Candidate> idle_candidates;
  std::optional<Duration> idle_for;  // as the daemon sees it now
  bool locked = false;
  std::string notifier;
  std::string notification_server;
  std::vector<std::string> notification_capabilities;
  std::string notification_actions;  // where a server hides the buttons; empty: shown
  std::string sound;                 // how reminders sound; empty: not known (no notifier)
  // Each busy signal source (notifications, gsettings, ...): watching, or why not.
  std::vector<Candidate> busy_candidates;
  std::string indicator;                  // the panel indicator: shown, not shown (why), off
  std::string indicator_text;             // the same in the daemon's language
  std::string locale;                     // the message locale in effect (LocaleInEffect)
  std::optional<ScheduleState> schedule;  // quiet_hours/working_hours now; nullopt: none set
  std::string config_path;                // empty: built-in defaults
  std::string history_path;
  std::string socket_path;
  std::vector<std::string> problems;  // each says what is wrong and how to fix it
};

// What the control dispatcher may ask of the running daemon. Implemented by the
// daemon shell; called on the io_context thread only. Tests use a fake.
class DaemonApi {
 public:
  virtual ~DaemonApi() = default;
  virtual StatusView Status() = 0;
  // Feeds a command to the model and applies the decisions; returns the state after.
  virtual StatusView Apply(const Input& command) = 0;
  // Re-reads the config file; the old one stays in force on error.
  virtual unsit::Status Reload() = 0;  // qualified: the member Status() hides the type
  virtual DayView Today() = 0;
  // The last `days` days, oldest first, today included.
  virtual Result<std::vector<DayView>> History(int days) = 0;
  // The stretch of the reminder on screen; with none, the next one of the
  // rotation (which advances it).
  virtual Stretch NextStretch() = 0;
  virtual DoctorReport Doctor() = 0;
};

}  // namespace unsit
