#pragma once

#include <string>
#include <vector>

namespace unsit {

// What `idle.backend: auto` looks at. Plain data so the choice is testable.
struct IdleEnvironment {
  std::string session_type;      // XDG_SESSION_TYPE: "wayland", "x11", "tty" or ""
  std::string current_desktop;   // XDG_CURRENT_DESKTOP, colon-separated ("ubuntu:GNOME")
  bool wayland_display = false;  // WAYLAND_DISPLAY set and non-empty
  bool x_display = false;        // DISPLAY set and non-empty
};

// Reads the four variables from the process environment.
IdleEnvironment ReadIdleEnvironment();

// One backend of the probe order and whether `auto` should try it here.
struct AutoCandidate {
  std::string name;  // backend name as in config: "mutter", "ext-idle-notify", "kde-idle", ...
  bool candidate = false;
  std::string reason;  // why it is (or is not) worth probing
};

// The probe order of `auto`: mutter, ext-idle-notify, kde-idle, x11,
// logind, every one listed, in order, with `candidate` telling whether to try it.
// The caller tries the candidates in order and takes the first whose maker
// succeeds. logind (IdleHint, coarse) is always a candidate, and always the last.
// KDE's org.freedesktop.ScreenSaver GetSessionIdleTime is never in the list: it
// returns 0 on Wayland. X11 is not a candidate inside a Wayland session, where
// DISPLAY is XWayland and sees only input to X clients.
std::vector<AutoCandidate> AutoIdleOrder(const IdleEnvironment& environment);

// True if XDG_CURRENT_DESKTOP names `desktop` (case-insensitive, any of its parts).
bool DesktopIs(const IdleEnvironment& environment, const std::string& desktop);

// True if the environment is a Wayland session (by XDG_SESSION_TYPE or WAYLAND_DISPLAY).
bool IsWaylandSession(const IdleEnvironment& environment);

}  // namespace unsit
