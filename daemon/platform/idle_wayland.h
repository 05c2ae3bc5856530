#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/result.h"
#include "core/time.h"
#include "platform/backend_context.h"
#include "platform/idle_source.h"

struct wl_registry;
struct wl_seat;

namespace unsit {

// The idle backends on Wayland. Each fails with an Error that says why it cannot
// be used here: WAYLAND_DISPLAY unset, the connection failed, or the compositor does
// not offer the protocol's global.
//
// ext-idle-notify-v1 (wlroots >= 0.17 compositors, KWin 6, Mutter 46+).
Result<std::unique_ptr<IdleSource>> MakeExtIdleNotifySource(const PlatformContext& context);
// org_kde_kwin_idle (KWin 5, sway <= 1.8).
Result<std::unique_ptr<IdleSource>> MakeKdeIdleSource(const PlatformContext& context);

namespace wayland {

// Receives the two events both idle protocols have. Called on the io_context
// thread, from inside wl_display dispatch: implementations only record and post.
class IdleListener {
 public:
  virtual ~IdleListener() = default;
  virtual void Idled() = 0;    // no input for the notification's timeout
  virtual void Resumed() = 0;  // input again after Idled
};

// One live idle notification object; destroying it destroys the protocol object.
class IdleNotification {
 public:
  virtual ~IdleNotification() = default;
};

// A thin adapter for one idle protocol: binds its global and creates notifications.
// Owned by the shared Wayland source; used on the io_context thread only.
class IdleProtocol {
 public:
  virtual ~IdleProtocol() = default;
  // The backend name for config and logs ("kde-idle").
  virtual std::string_view Name() const = 0;
  // The global's interface name, for error messages ("org_kde_kwin_idle").
  virtual std::string_view GlobalName() const = 0;
  // Binds the global if `interface` is the protocol's one; called per registry global.
  virtual void OnGlobal(wl_registry* registry, uint32_t name, std::string_view interface,
                        uint32_t version) = 0;
  virtual bool bound() const = 0;
  // The version of the global as bound; 0 before OnGlobal bound it.
  virtual uint32_t bound_version() const = 0;
  // Creates a notification firing after `timeout` without input on `seat`.
  // `listener` outlives the notification.
  virtual std::unique_ptr<IdleNotification> Watch(wl_seat* seat, Duration timeout,
                                                  IdleListener* listener) = 0;
};

// Connects to the compositor named by WAYLAND_DISPLAY, binds a seat and the
// protocol's global (one blocking roundtrip), and returns the shared source that
// keeps the display fd in `context.io`.
Result<std::unique_ptr<IdleSource>> MakeSource(const PlatformContext& context,
                                               std::unique_ptr<IdleProtocol> protocol);

// Clamps a duration to the protocols' uint32 milliseconds (at least 1).
uint32_t TimeoutMs(Duration timeout);

}  // namespace wayland
}  // namespace unsit
