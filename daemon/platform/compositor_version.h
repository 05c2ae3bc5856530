#pragma once

#include <chrono>
#include <string>

#include "platform/glib_thread.h"

namespace unsit {

// The version the running compositor publishes on the session bus, for `doctor`
// only: "gnome-shell" → org.gnome.Shell's ShellVersion property ("43.9"),
// "kwin_wayland" → the "KWin version:" line of org.kde.KWin's supportInformation
// ("5.27.5"). `program` is the name WaylandCompositor() found. Empty when the
// program is another one, the bus does not answer within `timeout`, or `glib` is
// null. Called on the io_context thread; blocks it at most `timeout`.
std::string CompositorVersion(GlibThread* glib, const std::string& program,
                              std::chrono::milliseconds timeout);

}  // namespace unsit
