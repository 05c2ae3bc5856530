#pragma once

// What every platform backend (idle sources, the session watch, notifiers) is
// given to start. Backends include this header, never a factory: the factories
// include the backends, not the other way round.

#include <functional>
#include <string>
#include <utility>

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
  Candidate() = default;
  Candidate(std::string name_in, bool chosen_in, std::string reason_in,
            std::string reason_text_in = {})
      : name(std::move(name_in)),
        chosen(chosen_in),
        reason(std::move(reason_in)),
        reason_text(std::move(reason_text_in)) {}

  std::string name;
  bool chosen = false;
  std::string reason;  // why it was taken or skipped, in English (JSON, the log)
  // The same in the daemon's language where `reason` carries a detail (a name,
  // a list) that the CLI cannot look up; empty when `reason` is a fixed
  // TrNoop-marked string or a platform's own error text.
  std::string reason_text;
};

}  // namespace unsit
