// The model's frame: dispatch, the time-ordered advance and the next deadline.
// Inputs live in model_presence.cc and model_reminder.cc, day accounting in
// model_day.cc.
#include "core/model.h"

#include <algorithm>
#include <utility>

namespace unsit {

Model::Model(Config config, const Now& now)
    : config_(std::move(config)),
      day_start_(now.day_start),
      day_end_(now.next_day_start),
      boot_minus_wall_(BootMinusWall(now)) {}

Duration Model::IdleProbe() const {
  return std::min<Duration>(config_.break_after / 2, std::chrono::seconds(60));
}

Output Model::Handle(const Now& now, const Input& input) {
  Output output;
  if (shut_down_) return output;
  State before = CurrentState();
  // Deadlines that passed before this input come first: an Active that arrives
  // after the break deadline starts a new bout instead of continuing the old one.
  Advance(now, output.decisions);
  std::visit([&](const auto& in) { Apply(now, in, output.decisions); }, input);
  Advance(now, output.decisions);
  NoteHold(now, output.decisions);
  if (CurrentState() != before) output.decisions.push_back(out::StateChanged{CurrentState()});
  output.next_deadline = NextDeadline(now);
  boot_minus_wall_ = BootMinusWall(now);
  return output;
}

Output Model::Reconfigure(const Now& now, Config config) {
  Output output;
  if (shut_down_) return output;
  State before = CurrentState();
  Advance(now, output.decisions);
  // Deadlines are stored as anchors (idle since, bout start, last shown, last
  // checkpoint), so swapping the config re-derives them all.
  const HoldReasons busy_before = Busy();
  config_ = std::move(config);
  BusyChanged(now, busy_before);
  Advance(now, output.decisions);
  NoteHold(now, output.decisions);
  if (CurrentState() != before) output.decisions.push_back(out::StateChanged{CurrentState()});
  output.next_deadline = NextDeadline(now);
  return output;
}

State Model::CurrentState() const {
  if (standing_) return State::kStanding;
  return bout_ ? State::kSitting : State::kAway;
}

bool Model::Present(const Now& now) const {
  if (locked_ || asleep_ || break_) return false;
  return !idle_since_ || now.boot < *idle_since_ + config_.break_after;
}

BootTime Model::LastPresence(const Now& now) const {
  BootTime at = idle_since_.value_or(now.boot);
  return up_since_ ? std::min(at, *up_since_) : at;
}

void Model::Advance(const Now& now, Decisions& out) {
  NoteClocks(now);
  while (AdvanceOne(now, out)) {
  }
  if (paused_ && pause_until_ && now.boot >= *pause_until_) EndPause(out);
  AdvanceReminder(now, out);
  AdvanceDesk(now, out);
  AdvanceCheckpoint(now, out);
}

// Runs the earliest of the timed events that are due by `now`, by the time at
// which it takes effect (a break takes effect at the last input, which may lie
// before a day boundary that was reached later). Returns false when none is due.
bool Model::AdvanceOne(const Now& now, Decisions& out) {
  enum class Event { kNone, kBreak, kUpBreak, kStandBreak, kDay, kLimit };
  Event event = Event::kNone;
  BootTime at = now.boot;
  auto consider = [&](Event e, BootTime effective) {
    if (event == Event::kNone || effective < at) {
      event = e;
      at = effective;
    }
  };
  if (bout_ && idle_since_ && now.boot >= *idle_since_ + config_.break_after) {
    consider(Event::kBreak, std::max(*idle_since_, bout_->start));
  }
  if (bout_ && up_since_ && now.boot >= *up_since_ + config_.up_min_break) {
    consider(Event::kUpBreak, std::max(*up_since_, bout_->start));
  }
  // Standing, idle as long as a break: the user left the desk at the last input.
  if (stand_ && idle_since_ && now.boot >= *idle_since_ + config_.break_after) {
    consider(Event::kStandBreak, std::max(*idle_since_, stand_->start));
  }
  if (now.wall >= day_end_) consider(Event::kDay, now.BootAt(day_end_));
  if (LimitReached(now)) consider(Event::kLimit, bout_->start + config_.sit_limit);
  switch (event) {
    case Event::kNone:
      return false;
    case Event::kBreak:
      BeginBreak(now, at, BreakCause::kIdle, out);
      return true;
    case Event::kUpBreak:
      BeginBreak(now, at, BreakCause::kDone, out);
      return true;
    case Event::kStandBreak:
      EndStand(now, at, out);
      return true;
    case Event::kDay:
      RollDay(now, out);
      return true;
    case Event::kLimit:
      CountLongBout();
      return true;
  }
  return false;
}

void Model::AdvanceCheckpoint(const Now& now, Decisions& out) {
  if (!bout_ || config_.history.checkpoint <= Duration::zero()) return;
  if (now.boot < bout_->last_checkpoint + config_.history.checkpoint) return;
  bout_->last_checkpoint = now.boot;
  out.push_back(out::Checkpoint{bout_->start, bout_->start_wall, Sitting(now.boot)});
}

std::optional<BootTime> Model::NextDeadline(const Now& now) const {
  if (shut_down_) return std::nullopt;
  BootTime next = now.BootAt(day_end_);
  auto consider = [&](BootTime t) { next = std::min(next, t); };
  if (paused_ && pause_until_) consider(*pause_until_);
  if (stand_ && idle_since_) consider(*idle_since_ + config_.break_after);
  if (std::optional<BootTime> desk = DeskDeadline(now)) consider(*desk);
  if (bout_) {
    // A reminder waiting for the quiet hours to end is looked at when they do.
    const std::optional<BootTime> quiet_end = QuietEnd(now, now.boot);
    if (quiet_end && (pending_ || open_)) consider(*quiet_end);
    if (idle_since_) consider(*idle_since_ + config_.break_after);
    if (up_since_) consider(*up_since_ + config_.up_min_break);
    BootTime limit = bout_->start + config_.sit_limit;
    if (!bout_->reached_limit && limit > now.boot) consider(limit);
    if (!paused_ && due_ && !pending_ && !open_) consider(due_->At(config_));
    if (Checking(now)) consider(*check_since_ + kBusyCheckLimit);
    const std::optional<BootTime> hold_end = HoldDeadline(now);
    if (hold_end && !paused_ && !quiet_end) consider(*hold_end);
    if (!paused_ && !quiet_end && !hold_end && open_ && config_.remind_every > Duration::zero()) {
      // A re-show that falls in quiet hours waits for their end, not waking for nothing.
      const BootTime reshow = last_shown_ + config_.remind_every;
      consider(QuietEnd(now, reshow).value_or(reshow));
    }
    if (config_.history.checkpoint > Duration::zero()) {
      consider(bout_->last_checkpoint + config_.history.checkpoint);
    }
  }
  return std::max(next, now.boot);
}

const char* ToString(State state) {
  switch (state) {
    case State::kSitting:
      return "sitting";
    case State::kAway:
      return "away";
    case State::kStanding:
      return "standing";
  }
  return "unknown";
}

const char* ToString(BreakCause cause) {
  switch (cause) {
    case BreakCause::kIdle:
      return "idle";
    case BreakCause::kLock:
      return "lock";
    case BreakCause::kSuspend:
      return "suspend";
    case BreakCause::kDone:
      return "done";
  }
  return "unknown";
}

const char* ToString(BoutEnd end) {
  switch (end) {
    case BoutEnd::kBreak:
      return "break";
    case BoutEnd::kStanding:
      return "standing";
    case BoutEnd::kShutdown:
      return "shutdown";
  }
  return "unknown";
}

const char* ToString(ReminderOutcome outcome) {
  switch (outcome) {
    case ReminderOutcome::kDone:
      return "done";
    case ReminderOutcome::kUpOnOwn:
      return "up";
    case ReminderOutcome::kSnoozed:
      return "snoozed";
    case ReminderOutcome::kSkipped:
      return "skipped";
    case ReminderOutcome::kDismissed:
      return "dismissed";
    case ReminderOutcome::kWithdrawn:
      return "withdrawn";
  }
  return "unknown";
}

std::optional<ReminderOutcome> ParseReminderOutcome(std::string_view text) {
  for (ReminderOutcome outcome :
       {ReminderOutcome::kDone, ReminderOutcome::kUpOnOwn, ReminderOutcome::kSnoozed,
        ReminderOutcome::kSkipped, ReminderOutcome::kDismissed, ReminderOutcome::kWithdrawn}) {
    if (text == ToString(outcome)) return outcome;
  }
  return std::nullopt;
}

void CountOutcome(DayTotals& totals, ReminderOutcome outcome) {
  switch (outcome) {
    case ReminderOutcome::kDone:
      ++totals.done;
      break;
    case ReminderOutcome::kUpOnOwn:
      ++totals.up_on_own;
      break;
    case ReminderOutcome::kSnoozed:
      ++totals.snoozed;
      break;
    case ReminderOutcome::kSkipped:
      ++totals.skipped;
      break;
    case ReminderOutcome::kDismissed:
      ++totals.dismissed;
      break;
    case ReminderOutcome::kWithdrawn:
      break;
  }
}

}  // namespace unsit
