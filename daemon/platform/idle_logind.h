#pragma once

#include <memory>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/idle_source.h"

namespace unsit {

// logind's IdleHint on the user's session (system bus): the coarse last resort
// of `auto` (see idle_auto.h), backend name "logind".
//
// Coarse, because the desktop decides when the session is idle (GNOME after its
// idle delay, `swayidle idlehint N` after N seconds; many desktops never set it),
// and logind only passes that on. So, unlike the other backends:
// - The threshold given to Start cannot be enforced: kIdle comes when the desktop
//   sets IdleHint, back-dated to the moment it says idleness began
//   (IdleSinceHintMonotonic), which may be earlier or later than the threshold.
// - kActive comes when IdleHint goes false again (input, as the desktop saw it).
// - WatchNextInput cannot see the next input of a session that is not idle: it
//   then reports kActive at once (posted, never from inside the call); in an
//   idle session kActive comes when IdleHint goes false.
// - IdleTime() is exact while idle and unknown (nullopt) otherwise, never 0.
// - logind or the system bus going away is kLost, once.
//
// Fails when there is no GLib thread, no system bus, no session of this user,
// or the session has no IdleHint; the Error says which. Finding the session
// blocks the caller on the GLib thread for at most a few seconds, at start-up.
Result<std::unique_ptr<IdleSource>> MakeLogindIdleSource(const PlatformContext& context);

}  // namespace unsit
