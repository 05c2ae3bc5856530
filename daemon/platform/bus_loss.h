#pragma once

// Tells when the session bus the daemon started on goes away.
//
// What lives on that bus (the notification server's connection through
// libnotify, the busy watches, the indicator, the screensaver) cannot all be
// brought back on a new bus in place: libnotify keeps GLib's shared
// connection, which stays closed. So a lost bus ends the daemon with a
// failure status, and the service manager (Restart=on-failure) starts it
// again on the bus that is there then; history is written before it ends.
//
// Cost: one private connection (one socket, a few KiB), no timer, no wakeup.

#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "platform/glib_thread.h"

namespace unsit {

class BusLossWatch {
 public:
  // Called once on the io_context thread with GLib's reason.
  using LostCallback = std::function<void(const std::string& reason)>;

  // Connects to the session bus on `glib` (waits for it, at start-up) and
  // watches its "closed" signal. An Error when there is no session bus to
  // lose. The watch must be destroyed before `glib` stops.
  static Result<std::unique_ptr<BusLossWatch>> Start(GlibThread& glib, boost::asio::io_context& io,
                                                     LostCallback on_lost);
  ~BusLossWatch();
  BusLossWatch(const BusLossWatch&) = delete;
  BusLossWatch& operator=(const BusLossWatch&) = delete;

  struct State;  // shared with the GLib thread's signal handler

 private:
  BusLossWatch(GlibThread& glib, std::shared_ptr<State> state)
      : glib_(glib), state_(std::move(state)) {}
  GlibThread& glib_;
  std::shared_ptr<State> state_;
};

}  // namespace unsit
