#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/model.h"
#include "core/result.h"
#include "platform/idle_source.h"
#include "platform/notifier.h"

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

// A backend constructor: the source, or an Error whose message says why the
// backend cannot be used here ("DISPLAY is not set", "no SYNC IDLETIME counter").
using IdleMaker = Result<std::unique_ptr<IdleSource>> (*)(const PlatformContext&);

struct IdleChoice {
  std::unique_ptr<IdleSource> source;  // null: none usable, fixed schedule
  std::vector<Candidate> candidates;   // every backend considered, in order, with its reason
};

// Picks the idle backend named `wanted` ("auto" probes in the order of idle_auto.h).
// Never fails: without any usable source it returns a null source.
IdleChoice ChooseIdleSource(const std::string& wanted, const PlatformContext& context);

// The names ChooseIdleSource accepts, for config validation and --help.
std::vector<std::string> IdleBackendNames();

class LibnotifyNotifier;

struct NotifierChoice {
  std::unique_ptr<Notifier> notifier;      // never null: "log" is always available
  LibnotifyNotifier* libnotify = nullptr;  // the same object when it is libnotify
  std::vector<Candidate> candidates;
};

// Picks the notifier named `wanted` (auto | libnotify | log). libnotify is taken
// whenever a session bus is reachable, even before a notification server
// answers (it reports that through its status callback and recovers by itself);
// otherwise the log notifier hands every reminder to `log_sink`.
NotifierChoice ChooseNotifier(const std::string& wanted, const PlatformContext& context,
                              std::function<void(const std::string&)> log_sink);

}  // namespace unsit
