// Presence: input, idle, lock, suspend, standing mode, shutdown and restore;
// where bouts and breaks begin and end.
#include <algorithm>

#include "core/model.h"

namespace unsit {

void Model::Apply(const Now& now, const in::Idle& input, Decisions& /*out*/) {
  if (locked_ || asleep_) return;
  // The backend back-dates idle to the last input; it cannot lie in the future.
  idle_since_ = std::min(input.since, now.boot);
}

void Model::Apply(const Now& now, const in::Active& /*input*/, Decisions& out) {
  // Input while locked or suspended is the lock screen or a stray wake event,
  // not the user at work: the break goes on until Unlock.
  if (locked_ || asleep_) return;
  ReturnFromBreak(now, out);
}

void Model::Apply(const Now& now, const in::Lock& /*input*/, Decisions& out) {
  if (locked_) return;
  locked_ = true;
  if (bout_) BeginBreak(now, LastPresence(now), BreakCause::kLock, out);
  if (stand_) EndStand(now, LastPresence(now), out);
}

void Model::Apply(const Now& now, const in::Unlock& /*input*/, Decisions& out) {
  if (!locked_) return;
  locked_ = false;
  // Typing the password is input.
  if (!asleep_) ReturnFromBreak(now, out);
}

void Model::Apply(const Now& now, const in::Sleep& /*input*/, Decisions& out) {
  if (asleep_) return;
  asleep_ = true;
  if (bout_) BeginBreak(now, LastPresence(now), BreakCause::kSuspend, out);
  if (stand_) EndStand(now, LastPresence(now), out);
}

void Model::Apply(const Now& /*now*/, const in::Wake& /*input*/, Decisions& /*out*/) {
  // Opening the lid is no proof of sitting down: the bout waits for input.
  asleep_ = false;
}

void Model::Apply(const Now& /*now*/, const in::Tick& /*input*/, Decisions& /*out*/) {}

void Model::Apply(const Now& now, const in::Standing& input, Decisions& out) {
  if (input.on == standing_) return;
  standing_ = input.on;
  if (standing_) {
    if (bout_) CloseBout(now, now.boot, BoutEnd::kStanding, out);
    if (Present(now)) StartStand(now);
  } else {
    if (stand_) EndStand(now, now.boot, out);
    if (Present(now)) StartBout(now, out);
  }
}

void Model::Apply(const Now& now, const in::Shutdown& /*input*/, Decisions& out) {
  // Stopped after "I'm up" with no input since: the sitting ended at the press.
  if (bout_) CloseBout(now, up_since_.value_or(now.boot), BoutEnd::kShutdown, out);
  if (stand_) EndStand(now, now.boot, out);
  shut_down_ = true;
}

void Model::Apply(const Now& now, const in::Restore& input, Decisions& /*out*/) {
  today_ = input.today;
  if (!input.bout_start || bout_ || standing_) return;
  BootTime start = std::min(*input.bout_start, now.boot);
  break_.reset();
  OpenBout(now, start, now.WallAt(start));
  // The checkpoint that told us about this bout was just written.
  bout_->last_checkpoint = now.boot;
}

void Model::ReturnFromBreak(const Now& now, Decisions& out) {
  idle_since_.reset();
  up_since_.reset();  // back before up_min_break: no break, the bout goes on
  if (bout_) return;  // short idle: still the same bout
  EndBreak(now, out);
  if (!standing_) {
    StartBout(now, out);
  } else if (!stand_) {
    StartStand(now);
  }
}

void Model::StartBout(const Now& now, Decisions& out) {
  OpenBout(now, now.boot, now.wall);
  out.push_back(out::BoutStarted{now.boot, now.wall});
}

void Model::OpenBout(const Now& now, BootTime start, WallTime start_wall) {
  Bout bout;
  bout.start = start;
  bout.start_wall = start_wall;
  bout.portion_start = std::max(start, std::min(now.BootAt(day_start_), now.boot));
  bout.last_checkpoint = start;
  bout.clocks.push_back({bout.portion_start, now.utc_offset, BootMinusWall(now)});
  bout_ = bout;
  ResetReminder();
  desk_later_.reset();
  due_ = Due{start, true};
  ++today_.bouts;
}

void Model::CloseBout(const Now& now, BootTime end, BoutEnd why, Decisions& out) {
  end = std::clamp(end, bout_->start, now.boot);
  if (desk_open_) CloseDesk(out);
  // A break or standing while it is open: the user heeded it on their own.
  if (open_) {
    Close(end, why == BoutEnd::kShutdown ? ReminderOutcome::kWithdrawn : ReminderOutcome::kUpOnOwn,
          out);
  }
  // Ended past sit_limit while the user was idle since before it: it did reach it.
  if (!bout_->reached_limit && end - bout_->start >= config_.sit_limit) CountLongBout();
  BootTime until = std::max(end, bout_->portion_start);
  AddPortion(until, today_);
  out.push_back(out::BoutClosed{bout_->start, end, bout_->start_wall, now.WallAt(end), why});
  bout_.reset();
  up_since_.reset();
  ResetReminder();
  desk_later_.reset();
}

void Model::BeginBreak(const Now& now, BootTime at, BreakCause cause, Decisions& out) {
  at = std::clamp(at, bout_->start, now.boot);
  bool after_reminder = cause == BreakCause::kDone || up_since_ || open_ || pending_;
  CloseBout(now, at, BoutEnd::kBreak, out);
  break_ = Break{at, now.WallAt(at), cause};
  out.push_back(out::BreakStarted{at, break_->start_wall, cause});
  ++today_.breaks;
  if (after_reminder) ++today_.breaks_after_reminder;
}

void Model::EndBreak(const Now& now, Decisions& out) {
  if (!break_) return;
  out.push_back(
      out::BreakEnded{break_->start, now.boot, break_->start_wall, now.wall, break_->cause});
  break_.reset();
}

}  // namespace unsit
