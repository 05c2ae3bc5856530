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
  std::optional<out::BoutSplit> split;
  if (bout_) {
    boundary = std::clamp(end, bout_->portion_start, now.boot);
    AddPortion(boundary, today_);
    if (end > now.boot) split = out::BoutSplit{boundary, now.WallAt(boundary)};
  }
  BootTime stand_boundary = now.boot;
  if (stand_) {
    stand_boundary = std::clamp(end, stand_->portion_start, now.boot);
    today_.standing += stand_boundary - stand_->portion_start;
  }
  out.push_back(out::DayRolled{day_start_, today_, split});
  today_ = DayTotals{};
  // Days without a tick in between (the clock jumped, the machine slept) are
  // skipped: nothing was recorded in them.
  day_start_ = std::max(day_end_, now.day_start);
  day_end_ = now.next_day_start;
  if (bout_) {
    bout_->portion_start = std::clamp(now.BootAt(day_start_), boundary, now.boot);
    // Clocks that ended before the new portion are done with.
    auto& clocks = bout_->clocks;
    while (clocks.size() > 1 && clocks[1].from <= bout_->portion_start) {
      clocks.erase(clocks.begin());
    }
    // The bout counts on every day it sat in; in long_bouts, on the day it
    // reached sit_limit.
    ++today_.bouts;
  }
  if (stand_) {
    stand_->portion_start = std::clamp(now.BootAt(day_start_), stand_boundary, now.boot);
  }
}

bool Model::LimitReached(const Now& now) const {
  if (!bout_ || bout_->reached_limit) return false;
  BootTime limit = bout_->start + config_.sit_limit;
  return now.boot >= limit && (!idle_since_ || *idle_since_ >= limit);
}

void Model::NoteClocks(const Now& now) {
  if (!bout_) return;
  const Clocks& last = bout_->clocks.back();
  // Reading the two clocks one after the other, and NTP slewing, move the
  // mapping by far less; a step (NTP, a manual change) by more.
  constexpr Duration kWallStep = std::chrono::seconds(1);
  Duration moved = BootMinusWall(now) - last.boot_minus_wall;
  if (last.utc_offset == now.utc_offset && moved < kWallStep && moved > -kWallStep) return;
  bout_->clocks.push_back({now.boot, now.utc_offset, BootMinusWall(now)});
}

void Model::CountLongBout() {
  bout_->reached_limit = true;
  ++today_.long_bouts;
}

void Model::AddPortion(BootTime until, DayTotals& totals) const {
  Duration length = until - bout_->portion_start;
  if (length <= Duration::zero()) return;
  const auto& clocks = bout_->clocks;
  for (size_t i = 0; i < clocks.size(); ++i) {
    BootTime from = std::max(clocks[i].from, bout_->portion_start);
    BootTime to = i + 1 < clocks.size() ? std::min(clocks[i + 1].from, until) : until;
    WallTime wall(from.time_since_epoch() - clocks[i].boot_minus_wall);
    if (to > from) AddSitting(totals, wall, to - from, clocks[i].utc_offset);
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
  if (bout_) AddPortion(now.boot, snapshot.today);
  if (stand_) snapshot.today.standing += now.boot - stand_->portion_start;
  return snapshot;
}

}  // namespace unsit
