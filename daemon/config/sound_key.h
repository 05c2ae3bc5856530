#pragma once

#include <optional>
#include <string>

#include "config/yaml_check.h"
#include "core/config.h"

namespace unsit::config_internal {

// notify.sound: `none`, an absolute path of a sound file, or the name of a
// freedesktop theme sound ("complete", "bell", "alarm-clock-elapsed"): letters,
// digits, '-', '_' and '.', not starting with '.' or '-', at most 64 bytes.
// Anything else is reported at the value and gives nullopt. Whether the file
// or the theme sound exists is not checked here: it may appear later, and the
// daemon says in `doctor` when it cannot be played.
std::optional<NotifySound> SoundOf(const YAML::Node& key, const YAML::Node& value,
                                   const std::string& path, Problems& problems);

}  // namespace unsit::config_internal
