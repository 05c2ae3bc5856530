#include "shell/input_grace.h"

#include <utility>

namespace unsit {

InputGrace::InputGrace(ArmTimer arm, WatchInput watch)
    : arm_(std::move(arm)), watch_(std::move(watch)) {}

Status InputGrace::Pressed(BootTime now) {
  if (due_) return Ok{};
  Status armed = arm_(now + kInputGrace);
  if (armed.ok()) {
    due_ = now + kInputGrace;
    return armed;
  }
  watch_();
  return armed;
}

void InputGrace::BreakStarted(BreakCause cause) {
  switch (cause) {
    case BreakCause::kLock:
    case BreakCause::kSuspend:
      watch_();
      return;
    case BreakCause::kIdle:
    case BreakCause::kDone:  // the press's watch covers it
      return;
  }
}

void InputGrace::Fire() {
  if (!due_) return;
  due_.reset();
  watch_();
}

}  // namespace unsit
