#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"
#include "platform/backend_context.h"

namespace unsit {

// What an idle backend tells the daemon. Delivered on the io_context thread.
struct IdleReport {
  enum class Kind {
    kIdle,    // no input since `since` for at least the threshold given to Start
    kActive,  // input again
    kLost,    // the source died (display gone, compositor exited); `reason` says why
  };
  Kind kind;
  BootTime since{};    // kIdle only: the moment of the last input, on the boot clock
  std::string reason;  // kLost only
};

// One platform's keyboard/mouse idle detection. One implementation per file
// (idle_x11_sync.cc, idle_mutter.cc, ...). Created, used and destroyed on the
// io_context thread; a backend that talks to GLib posts its reports back to it.
class IdleSource {
 public:
  using Callback = std::function<void(const IdleReport&)>;

  virtual ~IdleSource() = default;

  // The name used in config, logs, `status` and `doctor` ("x11", "mutter", ...).
  virtual std::string_view Name() const = 0;

  // The protocol the backend actually bound, with its version where it has one
  // ("ext_idle_notifier_v1 version 1", "org.gnome.Mutter.IdleMonitor"), for
  // `doctor`. Empty when the backend does not say.
  virtual std::string Protocol() const { return ""; }

  // Starts watching: kIdle once idle reaches `threshold` (> 0), then kActive at
  // the next input, and so on; kLost once if the source dies. Errors are returned,
  // not reported. `callback` outlives the source.
  virtual Status Start(Duration threshold, Callback callback) = 0;

  // Reports kActive at the next input even when no kIdle came before it
  // (after "I'm up", or at start-up). Idempotent until it fires.
  virtual void WatchNextInput() = 0;

  // Time since the last input, if the source can tell right now without blocking.
  virtual std::optional<Duration> IdleTime() = 0;
};

// A backend constructor: the source, or an Error whose message says why the
// backend cannot be used here ("DISPLAY is not set", "no SYNC IDLETIME counter").
using IdleMaker = Result<std::unique_ptr<IdleSource>> (*)(const PlatformContext&);

// The precondition of IdleSource::Start that every backend checks first: an
// Error for a threshold that is not above zero.
inline Status CheckIdleThreshold(Duration threshold) {
  if (threshold <= Duration::zero()) return Error{errc::kBadArgs, "idle threshold must be > 0"};
  return Ok{};
}

}  // namespace unsit
