#pragma once

// A first pass over the YAML events of a config file, before yaml-cpp builds a
// node tree from it. It refuses what would hang, exhaust memory or take long to
// read: the lone-comma loop of yaml-cpp 0.7's document loop (upstream
// jbeder/yaml-cpp#1040), more than one document, more values than any config
// file needs, and aliases that expand to more than that.
// Internal to daemon/config.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace unsit::config_internal {

// At most this many values (scalars, lists, mappings, nulls), counting each
// alias as the values it stands for. The full commented config has about 100.
inline constexpr std::size_t kMaxYamlValues = 10000;

// Why the text was refused and where.
struct YamlRefusal {
  YAML::Mark mark;
  std::string what;
  std::string expected;
};

// nullopt when the text may be loaded as one document. May throw
// YAML::Exception for malformed YAML, like yaml-cpp's own loader.
std::optional<YamlRefusal> CheckYamlShape(std::string_view text);

}  // namespace unsit::config_internal
