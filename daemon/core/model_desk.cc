// The sit-stand rhythm of a standing desk (config standing_desk) and standing
// time. While sitting, "raise the desk" falls due `sit` after the bout began;
// while standing, "you may sit" falls due `stand` after the spell began. A
// prompt waits, like the reminder, while paused, in quiet hours, while the user
// is idle or busy or has just said "I'm up", and while the get-up reminder is
// due or on screen (which takes the place of an open prompt). "Later" (snooze, dismiss) shows it
// again `snooze` from then; switching standing on or off answers it; a break or the end of the part
// withdraws it, and the next part begins its count anew.
#include <algorithm>

#include "core/model.h"

namespace unsit {

void Model::StartStand(const Now& now) {
  stand_ = Stand{now.boot, now.wall, now.boot};
  desk_later_.reset();
}

void Model::EndStand(const Now& now, BootTime end, Decisions& out) {
  end = std::clamp(end, stand_->start, now.boot);
  if (desk_open_) CloseDesk(out);
  if (end > stand_->portion_start) today_.standing += end - stand_->portion_start;
  if (end > stand_->start) {
    out.push_back(out::StandClosed{stand_->start, end, stand_->start_wall, now.WallAt(end)});
  }
  stand_.reset();
  desk_later_.reset();
}

std::optional<BootTime> Model::DeskDue() const {
  if (!config_.standing_desk.on()) return std::nullopt;
  if (!bout_ && !stand_) return std::nullopt;
  if (desk_later_) return desk_later_;
  return bout_ ? bout_->start + config_.standing_desk.sit
               : stand_->start + config_.standing_desk.stand;
}

std::optional<BootTime> Model::DeskDeadline(const Now& now) const {
  const std::optional<BootTime> due = DeskDue();
  if (!due || desk_open_ || paused_) return std::nullopt;  // a pause ends at its own deadline
  if (*due > now.boot) return due;
  return QuietEnd(now, now.boot);
}

void Model::AdvanceDesk(const Now& now, Decisions& out) {
  const std::optional<BootTime> due = DeskDue();
  if (!due) {
    if (desk_open_) CloseDesk(out);  // the rhythm was turned off
    return;
  }
  if (desk_open_ || now.boot < *due) return;
  if (pending_ || open_ || idle_since_ || up_since_ || Muted(now) || !Busy().empty()) return;
  desk_open_ = bout_ ? DeskPrompt::kRaise : DeskPrompt::kSit;
  const BootTime began = bout_ ? bout_->start : stand_->start;
  out.push_back(out::ShowDeskPrompt{*desk_open_, now.boot - began});
}

void Model::CloseDesk(Decisions& out) {
  out.push_back(out::CloseDeskPrompt{*desk_open_});
  desk_open_.reset();
}

void Model::PutOffDesk(const Now& now, Duration length, Decisions& out) {
  if (desk_open_) CloseDesk(out);
  desk_later_ = now.boot + length;
}

const char* ToString(DeskPrompt prompt) { return prompt == DeskPrompt::kRaise ? "raise" : "sit"; }

}  // namespace unsit
