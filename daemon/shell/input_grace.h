#pragma once

#include <functional>
#include <optional>

#include "core/model.h"
#include "core/result.h"
#include "core/time.h"

namespace unsit {

// How long after "I'm up" input is first looked for again: the release of the
// button that said it is input too, and must not end the break at once.
inline constexpr Duration kInputGrace = std::chrono::seconds(2);

// The one owner of "ask the idle source for the next input", which the shell
// needs because backends report input only after idle:
// - "I'm up" taken by the model (the bout goes on until up_min_break passes
//   without input): the watch begins kInputGrace after the press, once per
//   press. The break that follows up_min_break later needs no second watch:
//   any input before it would have cancelled that break, so the first watch
//   is still waiting.
// - A break begun by a lock or a suspend: the watch begins at once.
// - An idle break: nothing; the backend reports the next input itself.
// Lives on the io_context thread; the time is passed in, never read.
class InputGrace {
 public:
  // Sets the one-shot timer to call Fire() at `at` (replacing any earlier
  // setting); an Error when it cannot be set.
  using ArmTimer = std::function<Status(BootTime at)>;
  // Asks the idle source for the next input.
  using WatchInput = std::function<void()>;

  InputGrace(ArmTimer arm, WatchInput watch);

  // "I'm up" was taken at `now`. A press while an earlier one still waits out
  // its grace keeps the earlier time. An Error when the timer could not be
  // set: the watch has then begun at once (a click may end the break early,
  // but its end is still seen).
  Status Pressed(BootTime now);
  // A break began for `cause`.
  void BreakStarted(BreakCause cause);
  // The timer set through ArmTimer fired.
  void Fire();
  // When the watch begins, while a press waits out its grace.
  std::optional<BootTime> Due() const { return due_; }

 private:
  ArmTimer arm_;
  WatchInput watch_;
  std::optional<BootTime> due_;
};

}  // namespace unsit
