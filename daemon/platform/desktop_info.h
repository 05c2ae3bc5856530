#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace unsit {

// A program behind a socket: its name as /proc/PID/comm shows it, and its pid.
struct PeerProgram {
  std::string name;  // "kwin_wayland", "sway", "gnome-shell"; "unknown program"
  pid_t pid = 0;
  bool operator==(const PeerProgram&) const = default;
};

// The program behind the Wayland socket the daemon would use ($WAYLAND_DISPLAY,
// relative to $XDG_RUNTIME_DIR unless absolute), found with SO_PEERCRED on a
// fresh connection that sends nothing. nullopt when there is no socket or the
// peer cannot be read. Blocks only for a local connect.
std::optional<PeerProgram> WaylandCompositor();

// The version from the "KWin version: 5.27.5" line of KWin's supportInformation
// text ("5.27.5"); empty when there is no such line. Pure.
std::string KWinVersion(std::string_view support_information);

// Where a notification server that shows no buttons keeps a notification's
// actions, and how to reach them ("dunst" → its context menu, "mako" →
// `makoctl menu`); empty when the server shows buttons or is not known. Pure.
std::string HiddenActionsHint(const std::string& server_name);

}  // namespace unsit
