#pragma once

#include <string>
#include <string_view>

namespace unsit {

// The line drawing of stretch `id`: the first `unsit/stretches/ID.svg` that
// exists under $XDG_DATA_HOME (default ~/.local/share), then each directory of
// $XDG_DATA_DIRS (default /usr/local/share:/usr/share), as an absolute path;
// empty when there is none (most entries other than stretches have none).
std::string FindStretchPicture(std::string_view id);

}  // namespace unsit
