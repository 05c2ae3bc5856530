#include "clock/clock.h"
#include "platform/session_watch.h"

namespace unsit {

SuspendDetector::SuspendDetector(Reader read, Duration min_jump)
    : read_(read ? std::move(read) : Reader(&SuspendedSoFar)),
      min_jump_(min_jump),
      last_(read_()) {}

std::optional<Duration> SuspendDetector::Check() {
  const Duration now = read_();
  const Duration jump = now - last_;
  if (jump < min_jump_) return std::nullopt;  // keep last_: short jumps add up
  last_ = now;
  return jump;
}

}  // namespace unsit
