#pragma once

#include <optional>
#include <variant>
#include <vector>

#include "core/config.h"
#include "core/day_totals.h"
#include "core/time.h"

namespace unsit {

// sitting: a bout is open (short idle such as reading still counts);
// away: on a break; standing: standing mode is on, input is not sitting.
enum class State { kSitting, kAway, kStanding };
enum class BreakCause { kIdle, kLock, kSuspend, kDone };
enum class BoutEnd { kBreak, kStanding, kShutdown };
enum class ReminderOutcome { kDone, kSnoozed, kSkipped, kDismissed, kWithdrawn };

// ---- Inputs: what happened. The time of each is the `now` it is handled with,
// ---- unless the input carries its own (back-dated) time.
namespace in {
struct Idle { BootTime since; };  // no input since `since` (the last input); idle >= IdleProbe()
struct Active {};                 // input again
struct Lock {};
struct Unlock {};
struct Sleep {};                  // about to suspend
struct Wake {};                   // resumed from suspend
struct Tick {};                   // the deadline timer fired; just re-evaluate
struct Snooze { std::optional<Duration> length; };  // nullopt: config.snooze
struct Done {};                   // "I'm up": a break begins now
struct Skip {};                   // due again after a full sit_limit
struct Dismiss {};                // closed without a button: follows config.on_dismiss
struct Pause { std::optional<Duration> length; };   // nullopt: until Resume
struct Resume {};
struct Standing { bool on; };
struct Shutdown {};               // the daemon stops: close the open bout at now
// Continue a bout that an earlier run of the daemon had open, and adopt the
// totals of today recorded so far. Sent once, right after construction.
struct Restore {
  DayTotals today;
  std::optional<BootTime> bout_start;  // set: the bout goes on from there
};
}  // namespace in

using Input = std::variant<in::Idle, in::Active, in::Lock, in::Unlock, in::Sleep, in::Wake,
                           in::Tick, in::Snooze, in::Done, in::Skip, in::Dismiss, in::Pause,
                           in::Resume, in::Standing, in::Shutdown, in::Restore>;

// ---- Decisions: what the shell must do or record, in order.
namespace out {
struct BoutStarted { BootTime at; WallTime wall; };
struct BoutClosed {
  BootTime start, end;
  WallTime start_wall, end_wall;
  BoutEnd why;
  Duration length() const { return end - start; }
};
struct BreakStarted { BootTime at; WallTime wall; BreakCause cause; };
struct BreakEnded {
  BootTime start, end;
  WallTime start_wall, end_wall;
  BreakCause cause;
};
// Show the reminder, or replace the one on screen (`shown` > 1) with a new
// duration. Never stacked.
struct ShowReminder { Duration sitting; int shown; };
// Take the reminder off the screen (if it still is) and record its outcome.
struct CloseReminder { ReminderOutcome outcome; Duration sitting; };
struct StateChanged { State state; };
struct PauseChanged { std::optional<WallTime> until; bool paused; };
// A history day ended while the daemon ran; `totals` is that day's final tally.
struct DayRolled { WallTime day_start; DayTotals totals; };
// Write the open bout to durable storage (at most every history.checkpoint).
struct Checkpoint { BootTime bout_start; WallTime bout_start_wall; Duration sitting; };
}  // namespace out

using Decision = std::variant<out::BoutStarted, out::BoutClosed, out::BreakStarted,
                              out::BreakEnded, out::ShowReminder, out::CloseReminder,
                              out::StateChanged, out::PauseChanged, out::DayRolled,
                              out::Checkpoint>;

struct Output {
  std::vector<Decision> decisions;
  // Call Handle(in::Tick) no later than this; nullopt: nothing is scheduled.
  std::optional<BootTime> next_deadline;
};

// What `status` shows, computed at `now`.
struct Snapshot {
  State state = State::kAway;
  Duration bout{0};                       // length of the open bout, 0 when none
  std::optional<Duration> next_reminder;  // until the next reminder; nullopt: none scheduled
  bool reminder_open = false;             // on screen and not yet acted on
  bool reminder_held = false;             // due, waiting for the user to come back
  bool paused = false;
  std::optional<WallTime> paused_until;   // nullopt while paused: until resume
  bool locked = false;
  std::optional<Duration> idle_for;       // since the last input, when idle was reported
  DayTotals today;
};

// The sitting model and reminder policy of DESIGN §2. Pure: no clock, no I/O,
// no threads. Every call takes the current `now` (which never goes backwards on
// the boot clock) and returns the decisions and the next deadline.
class Model {
 public:
  // Starts away, with no bout, until the first input. `config` must be valid.
  Model(Config config, const Now& now);

  Output Handle(const Now& now, const Input& input);
  // Swaps the config; timings already running are re-derived from the new one.
  Output Reconfigure(const Now& now, Config config);
  Snapshot Status(const Now& now) const;

  const Config& config() const { return config_; }
  // The idle threshold to ask the idle backend for: idle at least this long
  // may hold a reminder. min(break_after / 2, 60 s).
  Duration IdleProbe() const;

 private:
  Config config_;
  // The implementation adds its state here (bout, idle, reminder, pause, day).
};

const char* ToString(State state);
const char* ToString(BreakCause cause);
const char* ToString(BoutEnd end);
const char* ToString(ReminderOutcome outcome);

}  // namespace unsit
