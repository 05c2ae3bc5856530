#pragma once

#include <functional>
#include <memory>
#include <optional>
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
  // True for a source that costs while it watches (a PipeWire connection): it
  // watches only between SetWatching(true) and SetWatching(false), and after each
  // SetWatching(true) reports once it knows (at once when it cannot watch: free).
  // Others watch from Start on and ignore SetWatching.
  virtual bool OnDemand() const { return false; }
  virtual void SetWatching(bool /*on*/) {}
};

// For a source that sees one reason: reports it held or free to the callback,
// only when that changes (the first report always goes).
class OneReasonReport {
 public:
  explicit OneReasonReport(HoldReason reason) : reason_(reason) {}
  void SetCallback(BusySource::Callback callback) { callback_ = std::move(callback); }
  void Report(bool held) {
    if (reported_ && *reported_ == held) return;
    reported_ = held;
    HoldReasons reasons;
    if (held) reasons.Add(reason_);
    if (callback_) callback_(reasons);
  }

 private:
  HoldReason reason_;
  BusySource::Callback callback_;
  std::optional<bool> reported_;
};

}  // namespace unsit
