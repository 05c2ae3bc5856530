#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/tray_view.h"

namespace unsit {

// What a menu item of the panel indicator asks for.
enum class TrayAction {
  kDone,
  kSnooze,
  kSkip,
  kPause30Min,
  kPause1Hour,
  kPauseUntilTomorrow,
  kResume,
  kStandingOn,
  kStandingOff,
};

// Whether a panel shows the indicator, for `doctor`.
struct TrayInfo {
  bool registered = false;  // the StatusNotifierWatcher accepted the item
  bool host = false;        // and says a host (a panel) shows items
  std::string watcher;      // the watcher's unique bus name; empty: none
  std::string problem;      // why it is not shown; empty when it is
};

// The panel indicator. Called on the io_context thread; the adapter does its
// D-Bus work on the GLib thread and reports back to the io_context thread.
class Tray {
 public:
  virtual ~Tray() = default;
  // Publishes `view`: only what changed is signalled to the hosts.
  virtual void Show(const TrayView& view) = 0;
  // Today's totals, shown as a line of the menu.
  virtual void ShowToday(const std::string& line) = 0;
  // The lines of the "Show a stretch" submenu (StretchLines).
  virtual void ShowStretch(const std::vector<std::string>& lines) = 0;
  virtual TrayInfo Info() const = 0;
};

struct TrayCallbacks {
  std::function<void(TrayAction)> action;     // a menu item was chosen
  std::function<void(const TrayInfo&)> info;  // registration changed
};

}  // namespace unsit
