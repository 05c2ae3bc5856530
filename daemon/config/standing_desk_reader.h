#pragma once

// The standing_desk section of unsit.yaml (internal to daemon/config).

#include <optional>
#include <string>

#include "config/yaml_check.h"
#include "core/config.h"

namespace unsit::config_internal {

// The longest part of the sit-stand rhythm: longer is no rhythm (sit_limit
// already watches long sitting). The shortest is the file's kMinDuration.
inline constexpr Duration kMaxDeskPart = std::chrono::hours(4);

// standing_desk: {sit: DURATION, stand: DURATION}. Both keys are required, each
// from kMinDuration to kMaxDeskPart. Every problem is reported at its place;
// nullopt when there was one.
std::optional<Config::StandingDesk> StandingDeskOf(const YAML::Node& key, const YAML::Node& value,
                                                   const std::string& path, Problems& problems);

}  // namespace unsit::config_internal
