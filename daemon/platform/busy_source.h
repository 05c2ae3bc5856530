#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "core/hold.h"

namespace unsit {

// One signal that the user is busy (Do Not Disturb, a call, a screen share,
// fullscreen). A source is pushed, never polled: it reports the whole set of
// reasons it sees now, on the io_context thread, once after Start and then at
// every change. Destroying it stops the reports.
class BusySource {
 public:
  using Callback = std::function<void(HoldReasons)>;
  virtual ~BusySource() = default;
  // "notifications", "gsettings", ...: as `doctor` lists it.
  virtual std::string_view Name() const = 0;
  // What it watches, for `doctor` ("show-banners of org.gnome.desktop.notifications").
  virtual std::string_view Watches() const = 0;
  virtual void Start(Callback callback) = 0;
};

}  // namespace unsit
