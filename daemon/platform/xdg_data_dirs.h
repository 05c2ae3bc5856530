#pragma once

#include <string>
#include <vector>

namespace unsit {

// The XDG data directories in lookup order: $XDG_DATA_HOME (default
// ~/.local/share), then each of $XDG_DATA_DIRS (default
// /usr/local/share:/usr/share). Entries may be empty or relative; callers skip
// those, as the specification asks.
std::vector<std::string> XdgDataDirs();

}  // namespace unsit
