// Holding reminders while the user is busy (Do Not Disturb, a call, sharing the
// screen, fullscreen): a due reminder waits as in a pause, an open one is not
// re-shown; `hold.settle` after the last reason clears it shows, saying so.
// A hold never lasts beyond `hold.cap`, counted from when it began holding.
// Sources that watch only on demand are asked as a reminder falls due, and it
// waits for their answer (at most kBusyCheckLimit) before it shows.
#include "core/model.h"

namespace unsit {

void Model::Apply(const Now& now, const in::Busy& input, Decisions& /*out*/) {
  const HoldReasons before = Busy();
  busy_ = input.reasons;
  unknown_ = input.unknown;
  BusyChanged(now, before);
}

void Model::BusyChanged(const Now& now, HoldReasons before) {
  const HoldReasons after = Busy();
  if (before.empty() == after.empty()) return;
  if (after.empty()) {
    free_since_ = now.boot;
  } else {
    free_since_.reset();
  }
}

void Model::AdvanceHold(const Now& now) {
  if (!pending_ && !open_) {
    ForgetHold();
    return;
  }
  if (Busy().empty()) {
    // Settled without a reminder shown (the user is idle): a later spell is a
    // new hold with a cap of its own; the reasons are kept for the text.
    const bool settling = free_since_ && now.boot < *free_since_ + config_.hold.settle;
    if (hold_start_ && !settling && now.boot < *hold_start_ + config_.hold.cap) {
      hold_start_.reset();
    }
    return;
  }
  if (!hold_start_) hold_start_ = now.boot;
  if (now.boot < *hold_start_ + config_.hold.cap) held_by_ = held_by_ | Busy();
}

HoldReasons Model::HeldBy(const Now& now) const {
  if ((!pending_ && !open_) || !hold_start_) return {};
  if (now.boot >= *hold_start_ + config_.hold.cap) return {};
  if (!Busy().empty()) return Busy();
  if (free_since_ && now.boot < *free_since_ + config_.hold.settle) return held_by_;
  return {};
}

std::optional<BootTime> Model::HoldDeadline(const Now& now) const {
  if (HeldBy(now).empty()) return std::nullopt;
  BootTime cap = *hold_start_ + config_.hold.cap;
  if (Busy().empty() && free_since_) return std::min(cap, *free_since_ + config_.hold.settle);
  return cap;
}

// Called as a held reminder shows. After the cap the hold stays counted (the
// reminder is not held again until it closes) and the text names nothing, since
// the reason still holds; after a release a later spell may hold it again.
HoldReasons Model::TakeHold(const Now& now) {
  const bool capped = hold_start_ && now.boot >= *hold_start_ + config_.hold.cap;
  HoldReasons after = capped || !Busy().empty() ? HoldReasons{} : held_by_;
  held_by_ = {};
  if (!capped) hold_start_.reset();
  return after;
}

void Model::NoteHold(const Now& now, Decisions& out) {
  const HoldReasons held_by = HeldBy(now);
  if (Busy() == said_busy_ && held_by == said_held_by_) return;
  said_busy_ = Busy();
  said_held_by_ = held_by;
  out.push_back(out::HoldChanged{said_busy_, said_held_by_});
}

void Model::NoteWatch(const Now& now, Decisions& out) {
  const bool wanted = bout_ && (pending_ || open_) && !Muted(now);
  if (wanted && !check_since_ && !Unknown().empty()) {
    check_since_ = now.boot;
    out.push_back(out::WatchBusy{true});
  } else if (!wanted && check_since_) {
    check_since_.reset();
    out.push_back(out::WatchBusy{false});
  }
}

bool Model::Checking(const Now& now) const {
  return check_since_ && !Unknown().empty() && now.boot < *check_since_ + kBusyCheckLimit;
}

void Model::ForgetHold() {
  hold_start_.reset();
  held_by_ = {};
}

}  // namespace unsit
