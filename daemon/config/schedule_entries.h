#pragma once

// Reading the spans of quiet_hours and working_hours from YAML. Internal to
// daemon/config.

#include <optional>
#include <string>
#include <vector>

#include "config/yaml_check.h"
#include "core/quiet_hours.h"

namespace unsit::config_internal {

// The list `value` (reached through `key`) at `path` ("quiet_hours"), each
// entry either a plain "HH:MM-HH:MM" span for every day or a mapping
// {days, from, to}: days as "mon-fri", "sat,sun" or a list [sat, sun]; no
// from/to is whole days, from alone runs to midnight, to alone from
// midnight. Every problem is added to `problems`; returns the valid entries,
// or nullopt when `value` is not a list (or an empty one, unless
// `allow_empty`).
std::optional<std::vector<QuietWindow>> SpanListOf(const YAML::Node& key, const YAML::Node& value,
                                                   const std::string& path, bool allow_empty,
                                                   Problems& problems);

}  // namespace unsit::config_internal
