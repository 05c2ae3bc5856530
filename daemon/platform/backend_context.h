#pragma once

// What every platform backend (idle sources, the session watch, notifiers) is
// given to start. Backends include this header, never a factory: the factories
// include the backends, not the other way round.

#include <functional>
#include <string>

#include "core/config.h"
#include "core/model.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace unsit {

class GlibThread;

// Where session and power events go (in::Lock, in::Unlock, in::Sleep, in::Wake).
// Called on the io_context thread.
using SessionSink = std::function<void(const Input&)>;

// What a backend may use to start. All references outlive the backend.
struct PlatformContext {
  boost::asio::io_context& io;  // the io_context thread's loop
  GlibThread* glib;             // null when GLib is not built in
  const Config& config;
  SessionSink session;  // for sources that also see session events
};

// A backend the daemon considered, for logs and `doctor`.
struct Candidate {
  std::string name;
  bool chosen = false;
  std::string reason;  // why it was taken or skipped
};

}  // namespace unsit
