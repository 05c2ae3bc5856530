#pragma once

#include <memory>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/idle_source.h"

namespace unsit {

// X11 idle through XSync's IDLETIME counter and alarms: pushed by the server, no
// polling. While the user types the daemon is not woken for idle at all; each
// idle period costs at most two wakeups (idle crossed the threshold, input again).
// Name() is "x11". Fails when DISPLAY is unset, the display cannot be opened, or
// the server has no SYNC extension or no IDLETIME counter.
Result<std::unique_ptr<IdleSource>> MakeX11SyncIdleSource(const PlatformContext& context);

// X11 idle through MIT-SCREEN-SAVER (XScreenSaverQueryInfo), polled adaptively:
// while active, one timer at the first moment idle could reach the threshold
// (about 3600/threshold wakeups an hour while typing); while idle, one poll per
// max(1 s, min(10 s, idle/10)) to notice input (at most 360 an hour once away
// for over 100 s). Name() is "x11-poll". For servers without SYNC IDLETIME.
Result<std::unique_ptr<IdleSource>> MakeX11PollIdleSource(const PlatformContext& context);

// The XSync source if the server supports it, else the polling one; the error
// names both reasons. What the `x11` entry of the backend table should call.
Result<std::unique_ptr<IdleSource>> MakeX11IdleSource(const PlatformContext& context);

}  // namespace unsit
