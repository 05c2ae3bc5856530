// Day accounting: today's totals, the split at the day boundary, and Status.
#include <algorithm>

#include "core/model.h"

namespace unsit {

Duration BootMinusWall(const Now& now) {
  return now.boot.time_since_epoch() - now.wall.time_since_epoch();
}

// The old day gets the bout's part up to the boundary and is reported final;
// the bout goes on in the new day from the boundary. The boundary is found on
// the boot clock through the wall clock mapping of the last input: when the
// wall clock stepped across midnight since, the old day keeps what was sat
// before the step and the new day starts now, so no part counts on both.
void Model::RollDay(const Now& now, Decisions& out) {
  BootTime boundary = now.boot;
  const BootTime end = BootTime(day_end_.time_since_epoch() + boot_minus_wall_);
  if (bout_) {
    boundary = std::clamp(end, bout_->portion_start, now.boot);
    AddPortion(now, boundary, today_);
  }
  if (stand_) {
    boundary = std::clamp(end, stand_->portion_start, now.boot);
    today_.standing += boundary - stand_->portion_start;
  }
  out.push_back(out::DayRolled{day_start_, today_});
  today_ = DayTotals{};
  // Days without a tick in between (the clock jumped, the machine slept) are
  // skipped: nothing was recorded in them.
  day_start_ = std::max(day_end_, now.day_start);
  day_end_ = now.next_day_start;
  if (bout_) {
    bout_->portion_start = std::clamp(now.BootAt(day_start_), boundary, now.boot);
    // Offsets that ended before the new portion are done with.
    auto& offsets = bout_->offsets;
    while (offsets.size() > 1 && offsets[1].first <= bout_->portion_start) {
      offsets.erase(offsets.begin());
    }
    // The bout counts on every day it sat in; in long_bouts, on the day it
    // reached sit_limit.
    ++today_.bouts;
  }
  if (stand_) stand_->portion_start = std::clamp(now.BootAt(day_start_), boundary, now.boot);
}

bool Model::LimitReached(const Now& now) const {
  if (!bout_ || bout_->reached_limit) return false;
  BootTime limit = bout_->start + config_.sit_limit;
  return now.boot >= limit && (!idle_since_ || *idle_since_ >= limit);
}

void Model::NoteOffset(const Now& now) {
  if (!bout_ || bout_->offsets.back().second == now.utc_offset) return;
  bout_->offsets.emplace_back(now.boot, now.utc_offset);
}

void Model::CountLongBout() {
  bout_->reached_limit = true;
  ++today_.long_bouts;
}

void Model::AddPortion(const Now& now, BootTime until, DayTotals& totals) const {
  Duration length = until - bout_->portion_start;
  if (length <= Duration::zero()) return;
  const auto& offsets = bout_->offsets;
  for (size_t i = 0; i < offsets.size(); ++i) {
    BootTime from = std::max(offsets[i].first, bout_->portion_start);
    BootTime to = i + 1 < offsets.size() ? std::min(offsets[i + 1].first, until) : until;
    if (to > from) AddSitting(totals, now.WallAt(from), to - from, offsets[i].second);
  }
  totals.longest_bout = std::max(totals.longest_bout, length);
}

Snapshot Model::Status(const Now& now) const {
  Snapshot snapshot;
  snapshot.state = CurrentState();
  snapshot.bout = Sitting(now.boot);
  snapshot.next_reminder = NextReminder(now);
  snapshot.reminder_open = open_;
  snapshot.reminder_held = pending_ && !Muted(now);
  snapshot.busy = Busy();
  snapshot.held_by = HeldBy(now);
  snapshot.paused = paused_;
  if (paused_ && pause_until_) snapshot.paused_until = now.WallAt(*pause_until_);
  if (std::optional<BootTime> quiet_end = QuietEnd(now, now.boot)) {
    snapshot.quiet_until = now.WallAt(*quiet_end);
  }
  snapshot.schedule = Schedule(now, now.boot);
  snapshot.locked = locked_;
  if (idle_since_) snapshot.idle_for = now.boot - *idle_since_;
  snapshot.desk_open = desk_open_;
  if (std::optional<BootTime> due = DeskDue(); due && !desk_open_) {
    BootTime at = std::max(*due, now.boot);
    if (paused_) at = pause_until_ ? std::max(at, *pause_until_) : BootTime::max();
    if (std::optional<BootTime> quiet_end = QuietEnd(now, at)) at = *quiet_end;
    if (at != BootTime::max()) snapshot.next_desk = at - now.boot;
  }
  snapshot.today = today_;
  if (bout_) AddPortion(now, now.boot, snapshot.today);
  if (stand_) snapshot.today.standing += now.boot - stand_->portion_start;
  return snapshot;
}

}  // namespace unsit
