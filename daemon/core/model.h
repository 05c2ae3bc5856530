#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/config.h"
#include "core/day_totals.h"
#include "core/schedule.h"
#include "core/time.h"

namespace unsit {

// sitting: a bout is open (short idle such as reading still counts);
// away: on a break; standing: standing mode is on, input is not sitting.
enum class State { kSitting, kAway, kStanding };
enum class BreakCause { kIdle, kLock, kSuspend, kDone };
enum class BoutEnd { kBreak, kStanding, kShutdown };
// How a shown reminder ended: "I'm up" (done), the user got up on their own
// (a break began while it was open), snoozed, skipped, dismissed, or withdrawn
// with the daemon still waiting for an answer (it stopped).
enum class ReminderOutcome { kDone, kUpOnOwn, kSnoozed, kSkipped, kDismissed, kWithdrawn };
// The prompts of the sit-stand rhythm (config standing_desk): raise the desk
// when the sitting part is up, you may sit when the standing part is up.
enum class DeskPrompt { kRaise, kSit };

// ---- Inputs: what happened. The time of each is the `now` it is handled with,
// ---- unless the input carries its own (back-dated) time.
namespace in {
struct Idle {
  BootTime since;
};                 // no input since `since` (the last input); idle >= IdleProbe()
struct Active {};  // input again
struct Lock {};
struct Unlock {};
struct Sleep {};  // about to suspend
struct Wake {};   // resumed from suspend
struct Tick {};   // the deadline timer fired; just re-evaluate
struct Snooze {
  std::optional<Duration> length;
};                  // nullopt: config.snooze
struct Done {};     // "I'm up": a break that counts once it lasts up_min_break
struct Skip {};     // due again after a full sit_limit
struct Dismiss {};  // closed without a button: follows config.on_dismiss
struct Pause {
  std::optional<Duration> length;
};  // nullopt: until Resume
struct Resume {};
struct Standing {
  bool on;
};
// The user is busy for `reasons` from now on (empty: free). Reasons the config
// does not hold for (hold.for) are ignored. `unknown`: reasons whose sources
// watch only on demand (out::WatchBusy) and cannot tell now; a reminder that
// falls due asks them and waits for their answer, at most kBusyCheckLimit.
struct Busy {
  HoldReasons reasons;
  HoldReasons unknown{};
};
struct Shutdown {};  // the daemon stops: close the open bout at now
// Continue a bout that an earlier run of the daemon had open, and adopt the
// totals of today recorded so far. Sent once, right after construction.
// `today` must not contain the bout that goes on: the model counts that bout
// (its sitting inside today, bouts, long_bouts) as if it had been open all along.
struct Restore {
  DayTotals today;
  std::optional<BootTime> bout_start;  // set: the bout goes on from there
};
}  // namespace in

using Input = std::variant<in::Idle, in::Active, in::Lock, in::Unlock, in::Sleep, in::Wake,
                           in::Tick, in::Snooze, in::Done, in::Skip, in::Dismiss, in::Pause,
                           in::Resume, in::Standing, in::Shutdown, in::Restore, in::Busy>;

// ---- Decisions: what the shell must do or record, in order.
namespace out {
struct BoutStarted {
  BootTime at;
  WallTime wall;
};
struct BoutClosed {
  BootTime start, end;
  WallTime start_wall, end_wall;
  BoutEnd why;
  Duration length() const { return end - start; }
};
struct BreakStarted {
  BootTime at;
  WallTime wall;
  BreakCause cause;
};
struct BreakEnded {
  BootTime start, end;
  WallTime start_wall, end_wall;
  BreakCause cause;
};
// Show the reminder, or replace the one on screen (`shown` > 1) with a new
// duration. Never stacked.
// `after_hold`: the reasons that held it, now clear (the text says so); empty
// when nothing held it.
struct ShowReminder {
  Duration sitting;
  int shown;
  HoldReasons after_hold{};
};
// Take the reminder off the screen (if it still is) and record its outcome.
struct CloseReminder {
  ReminderOutcome outcome;
  Duration sitting;
};
struct StateChanged {
  State state;
};
struct PauseChanged {
  std::optional<WallTime> until;
  bool paused;
};
// Where a bout open across a wall-clock step over midnight was split: the old
// day keeps what was sat until `at`, the new day has the rest, which reads
// `wall` at `at` on the stepped clock.
struct BoutSplit {
  BootTime at;
  WallTime wall;
};
// A history day ended while the daemon ran; `totals` is that day's final tally.
// `split`: set when the wall clock stepped across midnight with a bout open,
// so that history splits the bout where the model did.
struct DayRolled {
  WallTime day_start;
  DayTotals totals;
  std::optional<BoutSplit> split{};
};
// What holds reminders changed: the user is busy for `busy` (of hold.for), and
// `held_by` holds a due or open reminder now (empty: none; while settling, the
// reasons that just cleared).
struct HoldChanged {
  HoldReasons busy;
  HoldReasons held_by;
};
// Show the prompt of the sit-stand rhythm after `part` of sitting (kRaise) or
// standing (kSit). Shown once; never at the same time as the reminder above.
struct ShowDeskPrompt {
  DeskPrompt prompt;
  Duration part;
};
// Take the desk prompt off the screen (if it still is): answered, put off, or
// the part it was about ended.
struct CloseDeskPrompt {
  DeskPrompt prompt;
};
// A spell of standing at the desk ended (standing off, a break, shutdown);
// its length on the boot clock counts as standing time.
struct StandClosed {
  BootTime start, end;
  WallTime start_wall, end_wall;
  Duration length() const { return end - start; }
};
// The busy sources that watch only on demand (they cost while watching) should
// watch (`on`: a reminder is due or on screen, and not muted) or may stop.
struct WatchBusy {
  bool on;
};
// Write the open bout to durable storage (at most every history.checkpoint).
struct Checkpoint {
  BootTime bout_start;
  WallTime bout_start_wall;
  Duration sitting;
};
}  // namespace out

using Decision =
    std::variant<out::BoutStarted, out::BoutClosed, out::BreakStarted, out::BreakEnded,
                 out::ShowReminder, out::CloseReminder, out::StateChanged, out::PauseChanged,
                 out::DayRolled, out::Checkpoint, out::HoldChanged, out::ShowDeskPrompt,
                 out::CloseDeskPrompt, out::StandClosed, out::WatchBusy>;

struct Output {
  std::vector<Decision> decisions;
  // Call Handle(in::Tick) no later than this; nullopt: nothing is scheduled.
  std::optional<BootTime> next_deadline;
};

// How long a due reminder waits for the on-demand busy sources to answer after
// they were asked to watch; then it shows as if they said free.
inline constexpr Duration kBusyCheckLimit = std::chrono::seconds(2);

// What `status` shows, computed at `now`.
struct Snapshot {
  State state = State::kAway;
  Duration bout{0};                       // length of the open bout, 0 when none
  std::optional<Duration> next_reminder;  // until the next reminder; nullopt: none scheduled
  bool reminder_open = false;             // on screen and not yet acted on
  bool reminder_held = false;             // due, waiting for the user to come back
  HoldReasons busy;                       // what the user is busy with (of hold.for)
  // What holds a due or open reminder now: `busy`, or while settling the reasons
  // that just cleared. Empty when no reminder is held by them.
  HoldReasons held_by;
  bool paused = false;
  std::optional<WallTime> paused_until;   // nullopt while paused: until resume
  std::optional<WallTime> quiet_until;    // inside quiet hours: when they end
  std::optional<ScheduleState> schedule;  // quiet_hours and working_hours now; nullopt: none set
  bool locked = false;
  std::optional<Duration> idle_for;  // since the last input, when idle was reported
  // The sit-stand rhythm: the prompt on screen, and until the next one is due
  // (nullopt: none scheduled, e.g. the rhythm is off or the user is away).
  std::optional<DeskPrompt> desk_open;
  std::optional<Duration> next_desk;
  DayTotals today;
};

// The sitting model and reminder policy (ARCHITECTURE.md). Pure: no clock, no I/O,
// no threads. Every call takes the current `now` (which never goes backwards on
// the boot clock) and returns the decisions and the next deadline.
// now.boot - now.wall, as durations since each clock's epoch.
Duration BootMinusWall(const Now& now);

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
  // The local clock from `from` on: wall = boot - boot_minus_wall, local =
  // wall + utc_offset.
  struct Clocks {
    BootTime from;
    std::chrono::seconds utc_offset;
    Duration boot_minus_wall;
  };
  // The open bout. `portion_start` is where its part inside the current history
  // day begins (the bout start, or the day boundary it crossed).
  struct Bout {
    BootTime start;
    WallTime start_wall;
    BootTime portion_start;
    BootTime last_checkpoint;
    bool reached_limit = false;  // counted in long_bouts already
    // How boot instants read on the local clock from each boot instant on
    // (first: from portion_start), so that sitting across a DST change or a
    // wall-clock step lands in the clock hours it was sat in.
    std::vector<Clocks> clocks;
  };
  struct Break {
    BootTime start;
    WallTime start_wall;
    BreakCause cause;
  };
  // When the next reminder falls due: `anchor`, plus sit_limit when `plus_sit_limit`
  // (so that Reconfigure re-derives it from the new sit_limit).
  struct Due {
    BootTime anchor;
    bool plus_sit_limit = true;
    BootTime At(const Config& config) const {
      return plus_sit_limit ? anchor + config.sit_limit : anchor;
    }
  };
  using Decisions = std::vector<Decision>;

  // Handles everything whose time has come by `now`, in time order: breaks by
  // idle, day boundaries, the bout reaching sit_limit, then pause end, reminders
  // and checkpoints.
  void Advance(const Now& now, Decisions& out);
  bool AdvanceOne(const Now& now, Decisions& out);
  void AdvanceReminder(const Now& now, Decisions& out);
  void AdvanceCheckpoint(const Now& now, Decisions& out);
  std::optional<BootTime> NextDeadline(const Now& now) const;
  State CurrentState() const;
  bool Present(const Now& now) const;
  // Where a break that begins now is back-dated to: the earlier of the last
  // input before idle and an "I'm up" with no input since; else now.
  BootTime LastPresence(const Now& now) const;

  // Inputs (model_presence.cc, model_reminder.cc).
  void Apply(const Now& now, const in::Idle& input, Decisions& out);
  void Apply(const Now& now, const in::Active& input, Decisions& out);
  void Apply(const Now& now, const in::Lock& input, Decisions& out);
  void Apply(const Now& now, const in::Unlock& input, Decisions& out);
  void Apply(const Now& now, const in::Sleep& input, Decisions& out);
  void Apply(const Now& now, const in::Wake& input, Decisions& out);
  void Apply(const Now& now, const in::Tick& input, Decisions& out);
  void Apply(const Now& now, const in::Snooze& input, Decisions& out);
  void Apply(const Now& now, const in::Done& input, Decisions& out);
  void Apply(const Now& now, const in::Skip& input, Decisions& out);
  void Apply(const Now& now, const in::Dismiss& input, Decisions& out);
  void Apply(const Now& now, const in::Pause& input, Decisions& out);
  void Apply(const Now& now, const in::Resume& input, Decisions& out);
  void Apply(const Now& now, const in::Standing& input, Decisions& out);
  void Apply(const Now& now, const in::Shutdown& input, Decisions& out);
  void Apply(const Now& now, const in::Restore& input, Decisions& out);
  void Apply(const Now& now, const in::Busy& input, Decisions& out);

  // Holding while busy (model_hold.cc).
  HoldReasons Busy() const { return busy_ & config_.hold.reasons; }
  HoldReasons Unknown() const { return unknown_ & config_.hold.reasons; }
  // Notes when the busy reasons went from `before` to Busy(): a spell begins, or
  // the settle time begins.
  void BusyChanged(const Now& now, HoldReasons before);
  // Starts the cap's count for a reminder held now and collects its reasons.
  void AdvanceHold(const Now& now);
  // What holds the due or open reminder at `now` (empty: nothing).
  HoldReasons HeldBy(const Now& now) const;
  // The settle end or the cap, whichever ends the hold first; nullopt: no hold.
  std::optional<BootTime> HoldDeadline(const Now& now) const;
  // The reasons to name as the held reminder shows now (empty after the cap);
  // ends the hold unless the cap ended it.
  HoldReasons TakeHold(const Now& now);
  void ForgetHold();
  // Asks the on-demand busy sources to watch while a reminder is due or on
  // screen and not muted, and lets them stop otherwise (out::WatchBusy).
  void NoteWatch(const Now& now, Decisions& out);
  // The due or open reminder waits for the sources just asked to answer.
  bool Checking(const Now& now) const;
  // Adds HoldChanged when Busy() or HeldBy(now) differ from what was last said.
  void NoteHold(const Now& now, Decisions& out);

  // Bouts and breaks (model_presence.cc).
  void ReturnFromBreak(const Now& now, Decisions& out);
  void StartBout(const Now& now, Decisions& out);
  void OpenBout(const Now& now, BootTime start, WallTime start_wall);
  // Closes the open bout at `end` (clamped into the bout), withdrawing an open reminder.
  void CloseBout(const Now& now, BootTime end, BoutEnd why, Decisions& out);
  void BeginBreak(const Now& now, BootTime at, BreakCause cause, Decisions& out);
  void EndBreak(const Now& now, Decisions& out);

  // Reminders and pause (model_reminder.cc).
  void Show(const Now& now, Decisions& out);
  void Reshow(const Now& now, Decisions& out);
  // Closes the open reminder (if any) with `outcome`, reporting the bout length at `at`.
  void Close(BootTime at, ReminderOutcome outcome, Decisions& out);
  void ResetReminder();
  void Postpone(const Now& now, Duration length, Decisions& out);
  void EndPause(Decisions& out);
  // The end of the quiet hours `at` falls in (quiet_hours, or outside
  // working_hours), if it does.
  std::optional<BootTime> QuietEnd(const Now& now, BootTime at) const;
  // The weekly schedule at `at`; nullopt when none is configured.
  std::optional<ScheduleState> Schedule(const Now& now, BootTime at) const;
  // Reminders wait: paused, or inside quiet hours.
  bool Muted(const Now& now) const;
  Duration Sitting(BootTime at) const;
  std::optional<Duration> NextReminder(const Now& now) const;

  // The sit-stand rhythm and standing time (model_desk.cc).
  void StartStand(const Now& now);
  // Ends the standing spell at `end` (clamped into it), counting it in today_.
  void EndStand(const Now& now, BootTime end, Decisions& out);
  // When the desk prompt of the current part falls due; nullopt: none.
  std::optional<BootTime> DeskDue() const;
  // The next deadline of the rhythm (a due time, or the end of quiet hours a
  // due prompt waits for); nullopt: none, or it waits for an input.
  std::optional<BootTime> DeskDeadline(const Now& now) const;
  void AdvanceDesk(const Now& now, Decisions& out);
  void CloseDesk(Decisions& out);
  // Closes an open desk prompt and shows it again `length` from now.
  void PutOffDesk(const Now& now, Duration length, Decisions& out);

  // Day accounting (model_day.cc).
  void RollDay(const Now& now, Decisions& out);
  // Counts the bout in long_bouts once it has reached sit_limit (not while the
  // user went idle before that moment: the bout may yet end short of it).
  bool LimitReached(const Now& now) const;
  void CountLongBout();
  void NoteClocks(const Now& now);
  // Adds the bout's part [portion_start, until) to `totals`.
  void AddPortion(BootTime until, DayTotals& totals) const;

  // A spell of standing at the desk: standing mode on and the user there.
  // `portion_start`: where its part inside the current history day begins.
  struct Stand {
    BootTime start;
    WallTime start_wall;
    BootTime portion_start;
  };

  Config config_;
  bool shut_down_ = false;
  bool standing_ = false;
  bool locked_ = false;
  bool asleep_ = false;
  std::optional<BootTime> idle_since_;  // last input, while idle >= IdleProbe()
  // "I'm up" pressed with no input since: the break that began then is
  // provisional until it lasts up_min_break; input sooner clears it.
  std::optional<BootTime> up_since_;
  std::optional<Bout> bout_;
  std::optional<Break> break_;
  std::optional<Stand> stand_;
  // The desk prompt on screen; `desk_later_`: when it is due again after
  // "Later" (else the part's length after the bout or spell began).
  std::optional<DeskPrompt> desk_open_;
  std::optional<BootTime> desk_later_;

  // Reminder of the open bout: due_ counts down; once reached, pending_ until it
  // can be shown (not idle, not paused); then open_ until acted on.
  std::optional<Due> due_;
  bool pending_ = false;
  bool open_ = false;
  int shown_ = 0;
  BootTime last_shown_{};

  // Busy reasons as reported (Busy() keeps those of hold.for). `free_since_`:
  // when the last one cleared, for the settle time. `hold_start_`: when the
  // current reminder was first held by them, for the cap; `held_by_`: every
  // reason that held it, for its text.
  HoldReasons busy_;
  std::optional<BootTime> free_since_;
  std::optional<BootTime> hold_start_;
  HoldReasons held_by_;
  // Reasons of on-demand sources that cannot tell now (of hold.for: Unknown()).
  // `check_since_`: when they were last asked to watch (WatchBusy on), unset
  // while they may stop.
  HoldReasons unknown_;
  std::optional<BootTime> check_since_;
  HoldReasons said_busy_;  // as the last HoldChanged said
  HoldReasons said_held_by_;

  bool paused_ = false;
  std::optional<BootTime> pause_until_;  // nullopt while paused: until Resume

  WallTime day_start_;  // the history day `today_` belongs to
  WallTime day_end_;
  // now.boot - now.wall at the last Handle: the mapping a wall-clock step
  // across midnight is measured against (RollDay).
  Duration boot_minus_wall_{};
  DayTotals today_;  // closed sitting of the day; the open bout is added on demand
};

const char* ToString(State state);
const char* ToString(BreakCause cause);
const char* ToString(BoutEnd end);
const char* ToString(ReminderOutcome outcome);
const char* ToString(DeskPrompt prompt);  // "raise" | "sit"
// The outcome ToString() named; nullopt for any other text ("shown": still open).
std::optional<ReminderOutcome> ParseReminderOutcome(std::string_view text);
// Counts the outcome of a shown reminder in `totals`. kWithdrawn counts in none
// of the outcome fields: such a reminder is still open (OpenReminders).
void CountOutcome(DayTotals& totals, ReminderOutcome outcome);

}  // namespace unsit
