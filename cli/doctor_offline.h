#pragma once

#include <string>

namespace unsit::cli {

// What `doctor` can still check while the daemon is not running: the config
// (through `unsitd --check-config`, the daemon's own reader, found next to this
// program or on PATH), the display and session bus that a daemon started from
// here would see, and the history file; then how to start the daemon. The
// notification server is not asked: only the daemon talks to the session bus.
std::string OfflineDoctor();

}  // namespace unsit::cli
