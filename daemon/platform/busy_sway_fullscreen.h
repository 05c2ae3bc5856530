#pragma once

// Fullscreen on sway through its IPC (the i3-compatible protocol on
// $SWAYSOCK), and the pure part of it, for tests.

#include <memory>
#include <optional>
#include <string_view>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/busy_source.h"

namespace unsit {

// Whether the focused container of a GET_TREE reply is fullscreen: the focused
// node, or a container on the way to it, has a fullscreen_mode other than 0.
// Empty when the reply is not a tree.
std::optional<bool> SwayFocusedFullscreen(std::string_view tree_json);

// Whether a window or workspace event may change that: not a new title, mark,
// urgency or workspace name (a terminal retitles itself at every command).
bool SwayEventMayChangeFullscreen(std::string_view event_json);

// The source, connected to $SWAYSOCK; unavailable when it is unset or refuses.
Result<std::unique_ptr<BusySource>> MakeSwayFullscreenBusySource(const PlatformContext& context);

}  // namespace unsit
