// The reminder policy: due, held, shown, re-shown, answered; and pausing.
#include <algorithm>

#include "core/model.h"

namespace unsit {

void Model::AdvanceReminder(const Now& now, Decisions& out) {
  if (bout_ && due_ && !pending_ && !open_ && now.boot >= due_->At(config_)) {
    pending_ = true;
    due_.reset();
  }
  NoteWatch(now, out);  // before showing: the sources asked may hold it
  if (!bout_) return;
  AdvanceHold(now);
  // Pending: held while the user is idle (maybe already walking away) or busy,
  // deferred while paused or quiet, waiting while on-demand sources are asked;
  // shown at the first moment none holds. An open reminder held by a busy spell
  // is shown again once it is over.
  const bool muted = Muted(now);
  const bool held = !HeldBy(now).empty() || Checking(now);
  if (pending_ && !muted && !held && !idle_since_) {
    Show(now, out);
  } else if (open_ && !muted && !held &&
             (!held_by_.empty() || (config_.remind_every > Duration::zero() &&
                                    now.boot >= last_shown_ + config_.remind_every))) {
    Reshow(now, out);
  }
}

void Model::Show(const Now& now, Decisions& out) {
  // The get-up reminder takes the place of a desk prompt on screen, which
  // comes back a snooze after it.
  if (desk_open_) PutOffDesk(now, config_.snooze, out);
  pending_ = false;
  open_ = true;
  shown_ = 0;
  ++today_.reminders;
  Reshow(now, out);
}

void Model::Reshow(const Now& now, Decisions& out) {
  ++shown_;
  last_shown_ = now.boot;
  out.push_back(out::ShowReminder{Sitting(now.boot), shown_, TakeHold(now)});
}

void Model::Close(BootTime at, ReminderOutcome outcome, Decisions& out) {
  if (open_) CountOutcome(today_, outcome);  // held and never shown: no reminder to count
  out.push_back(out::CloseReminder{outcome, Sitting(at)});
  open_ = false;
  pending_ = false;
  shown_ = 0;
}

void Model::ResetReminder() {
  due_.reset();
  pending_ = false;
  open_ = false;
  shown_ = 0;
}

Duration Model::Sitting(BootTime at) const {
  return bout_ ? std::max(at - bout_->start, Duration::zero()) : Duration::zero();
}

// "I'm up" answers the reminder (outcome done, whatever follows) and begins a
// provisional break: it is recorded, back-dated to the press, once no input has
// come for up_min_break (Advance); input sooner means the user sat on, so the
// bout goes on unbroken and nothing is recorded but the answer. The next
// reminder of that bout is due as after a snooze.
void Model::Apply(const Now& now, const in::Done& /*input*/, Decisions& out) {
  if (!bout_ || up_since_) return;
  if (open_) Close(now.boot, ReminderOutcome::kDone, out);
  pending_ = false;
  up_since_ = now.boot;
  due_ = Due{now.boot + std::max(config_.snooze, config_.up_min_break), false};
}

// With only a desk prompt on screen, snooze is its "Later".
void Model::Apply(const Now& now, const in::Snooze& input, Decisions& out) {
  const Duration length = input.length.value_or(config_.snooze);
  if (desk_open_ && !open_ && !pending_) {
    PutOffDesk(now, length, out);
    return;
  }
  if (!bout_) return;
  Postpone(now, length, out);
}

// Snooze: a reminder on screen or held is closed and due again `length` from
// now; with none, the next one is pushed back to at least `length` from now.
void Model::Postpone(const Now& now, Duration length, Decisions& out) {
  BootTime at = now.boot + length;
  if (open_ || pending_) {
    Close(now.boot, ReminderOutcome::kSnoozed, out);
    due_ = Due{at, false};
    return;
  }
  if (due_) at = std::max(at, due_->At(config_));
  due_ = Due{at, false};
}

void Model::Apply(const Now& now, const in::Skip& /*input*/, Decisions& out) {
  if (!bout_) return;
  if (open_) Close(now.boot, ReminderOutcome::kSkipped, out);
  ResetReminder();
  due_ = Due{now.boot, true};
}

void Model::Apply(const Now& now, const in::Dismiss& /*input*/, Decisions& out) {
  // Only a reminder on screen can be dismissed; a desk prompt closed so waits
  // as after "Later".
  if (desk_open_ && !open_) {
    PutOffDesk(now, config_.snooze, out);
    return;
  }
  if (!bout_ || !open_) return;
  Close(now.boot, ReminderOutcome::kDismissed, out);
  if (config_.on_dismiss == OnDismiss::kSkip) {
    due_ = Due{now.boot, true};
  } else {
    due_ = Due{now.boot + config_.snooze, false};
  }
}

void Model::Apply(const Now& now, const in::Pause& input, Decisions& out) {
  paused_ = true;
  pause_until_.reset();
  std::optional<WallTime> until;
  if (input.length) {
    pause_until_ = now.boot + *input.length;
    until = now.WallAt(*pause_until_);
  }
  out.push_back(out::PauseChanged{until, true});
}

void Model::Apply(const Now& /*now*/, const in::Resume& /*input*/, Decisions& out) {
  if (paused_) EndPause(out);
}

// A reminder that fell due during the pause is shown by the AdvanceReminder
// that follows: deferred, never dropped.
void Model::EndPause(Decisions& out) {
  paused_ = false;
  pause_until_.reset();
  out.push_back(out::PauseChanged{std::nullopt, false});
}

std::optional<BootTime> Model::QuietEnd(const Now& now, BootTime at) const {
  const std::optional<ScheduleState> schedule = Schedule(now, at);
  if (!schedule || !schedule->quiet || !schedule->until) return std::nullopt;
  return now.BootAt(*schedule->until);
}

std::optional<ScheduleState> Model::Schedule(const Now& now, BootTime at) const {
  return ScheduleAt(config_.quiet_hours, config_.working_hours, now, at);
}

bool Model::Muted(const Now& now) const { return paused_ || QuietEnd(now, now.boot).has_value(); }

std::optional<Duration> Model::NextReminder(const Now& now) const {
  if (!bout_) return std::nullopt;
  std::optional<BootTime> at;
  if (pending_) {
    at = now.boot;
  } else if (open_) {
    if (config_.remind_every > Duration::zero()) at = last_shown_ + config_.remind_every;
  } else if (due_) {
    at = due_->At(config_);
  }
  if (at && paused_) {
    if (!pause_until_) return std::nullopt;
    at = std::max(*at, *pause_until_);
  }
  if (!at) return std::nullopt;
  if (std::optional<BootTime> quiet_end = QuietEnd(now, *at)) at = quiet_end;
  return std::max(*at - now.boot, Duration::zero());
}

}  // namespace unsit
