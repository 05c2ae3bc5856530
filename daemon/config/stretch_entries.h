#pragma once

// Reading stretch entries from YAML, shared by the built-in catalogue and the
// user's `stretches.extra`, so both are held to the same rules. Internal to
// daemon/config.

#include <span>
#include <string>
#include <vector>

#include "config/yaml_check.h"
#include "core/config.h"

namespace unsit::config_internal {

// How strict to be. The built-in catalogue must say how long a stretch takes,
// what kind of exercise it is, what to watch for and where its facts came from; a
// user's own entry needs only what the reminder shows (kind defaults to stretch,
// minutes to 1, caution and source to empty).
struct StretchRules {
  bool require_all_fields = false;
  std::span<const std::string> taken_ids;  // ids used elsewhere (the built-in catalogue)
};

// The text form of each place, indexed by StretchPlace: "standing", "desk", "floor".
std::span<const std::string_view> PlaceNames();

// The text form of each kind, indexed by StretchKind: "stretch", "strength",
// "release", "walk", "posture".
std::span<const std::string_view> KindNames();

// Reads the list `list` (reached through `key`, which may be a null node for a
// document root) at `path`, e.g. "stretches.extra". Every problem is added to
// `problems`: wrong types, missing or unknown fields, bad ids, ids used twice in
// the list or found in `rules.taken_ids`. Returns the entries that were valid.
std::vector<Stretch> StretchListOf(const YAML::Node& key, const YAML::Node& list,
                                   const std::string& path, const StretchRules& rules,
                                   Problems& problems);

}  // namespace unsit::config_internal
