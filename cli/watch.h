#pragma once

#include <string>

namespace unsit::cli {

enum class WatchFormat { kPlain, kJson, kWaybar };

// Subscribes and prints one line per event until interrupted; when the daemon
// goes away (or is not running yet) waits and reconnects. Waybar format prints
// the status after each event and every 30 s. Returns an exit code only on a
// protocol mismatch or a refusal.
int Watch(const std::string& socket_path, WatchFormat format);

}  // namespace unsit::cli
