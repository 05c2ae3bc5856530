#pragma once

#include <memory>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/idle_source.h"

namespace unsit {

// GNOME (Wayland and X11): org.gnome.Mutter.IdleMonitor on the session bus.
// Fails when there is no GLib thread, no session bus, or nobody owns the name
// (checked with one bounded call on the GLib thread: this blocks its caller for
// at most a couple of seconds, at start-up).
Result<std::unique_ptr<IdleSource>> MakeMutterIdleSource(const PlatformContext& context);

}  // namespace unsit
