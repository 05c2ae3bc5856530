#pragma once

#include <optional>
#include <string>

namespace unsit {

// The program behind the Wayland socket the daemon would use ($WAYLAND_DISPLAY,
// relative to $XDG_RUNTIME_DIR unless absolute): its name from /proc
// ("kwin_wayland", "sway", "gnome-shell") and pid, found with SO_PEERCRED on a
// fresh connection that sends nothing. nullopt when there is no socket or the
// peer cannot be read. Blocks only for a local connect.
std::optional<std::string> WaylandCompositor();

// Where a notification server that shows no buttons keeps a notification's
// actions, and how to reach them ("dunst" → its context menu, "mako" →
// `makoctl menu`); empty when the server shows buttons or is not known. Pure.
std::string HiddenActionsHint(const std::string& server_name);

}  // namespace unsit
