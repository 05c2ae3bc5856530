#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>

#include "core/result.h"
#include "platform/glib_thread.h"
#include "platform/tray.h"

namespace unsit {

// A StatusNotifierItem (org.kde.StatusNotifierItem) on the session bus, with
// its menu served by libdbusmenu-glib (com.canonical.dbusmenu). It registers
// with org.kde.StatusNotifierWatcher whenever a watcher appears or changes
// owner, and shows the icon (IconPixmap), Status, the minutes sitting as
// XAyatanaLabel, and the status as ToolTip. It uses GLib's shared session
// connection (libdbusmenu-glib serves the menu there) with exit-on-close off.
// Fails only without a session bus; no watcher is a TrayInfo problem.
Result<std::unique_ptr<Tray>> MakeSniTray(boost::asio::io_context& io, GlibThread& glib,
                                          TrayCallbacks callbacks);

}  // namespace unsit
