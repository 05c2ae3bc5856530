#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "platform/backend_context.h"

namespace unsit {

// Screen lock and sleep, as the sitting model needs them.
enum class SessionEvent { kLock, kUnlock, kSleep, kWake };

// What the watcher currently sees, for `doctor` and `status`.
struct SessionState {
  std::optional<bool> locked;        // unknown until a source said so
  std::string session;               // logind session object path, empty if none
  std::string session_found_by;      // "XDG_SESSION_ID", "GetSessionByPID", "user display" ...
  std::vector<std::string> sources;  // what is subscribed: "logind", "org.gnome.ScreenSaver" ...
};

// Watches lock and sleep. Created, used and destroyed on the io_context thread;
// all D-Bus work happens on the GLib thread and events come back through
// boost::asio::post. Each event is delivered once per change: a lock seen by
// logind's Lock signal, LockedHint and a screensaver's ActiveChanged is one kLock.
// A session already locked when the watch starts is delivered as one kLock.
class SessionWatch {
 public:
  using Callback = std::function<void(SessionEvent)>;
  virtual ~SessionWatch() = default;

  // Subscribes and returns within a few seconds at most. An Error means logind on
  // the system bus cannot be watched (no system bus in a container, no session
  // found): log it once and keep the watch, which still listens to the session
  // bus's screensaver signals. `callback` outlives the watch.
  virtual Status Start(Callback callback) = 0;

  // The latest state as posted from the GLib thread; never blocks.
  virtual SessionState State() const = 0;
};

// logind (PrepareForSleep, the session's Lock/Unlock/LockedHint) on the system bus
// plus org.freedesktop.ScreenSaver / org.gnome.ScreenSaver ActiveChanged on the
// session bus. Fails only without a running GLib thread (context.glib).
Result<std::unique_ptr<SessionWatch>> MakeLogindSessionWatch(const PlatformContext& context);

// Notices a suspend with no D-Bus at all: CLOCK_BOOTTIME - CLOCK_MONOTONIC grows
// only while the machine sleeps. The shell calls Check() at each wakeup of its loop.
// Not thread-safe; pure apart from the injected reader.
class SuspendDetector {
 public:
  using Reader = std::function<Duration()>;
  // `read` defaults to SuspendedSoFar (clock/clock.h). Jumps shorter than
  // `min_jump` are clock noise, not a suspend.
  explicit SuspendDetector(Reader read = nullptr, Duration min_jump = std::chrono::seconds(2));

  // The time spent suspended since the previous Check (or construction), if at
  // least min_jump; otherwise nullopt. Shorter jumps are kept until they add up.
  std::optional<Duration> Check();

 private:
  Reader read_;
  Duration min_jump_;
  Duration last_;
};

}  // namespace unsit
