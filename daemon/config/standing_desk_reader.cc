#include "config/standing_desk_reader.h"

#include <array>
#include <string_view>

#include "core/duration.h"

namespace unsit::config_internal {
namespace {

constexpr std::array<std::string_view, 2> kDeskKeys = {"sit", "stand"};

// A part of the rhythm within [kMinDuration, kMaxDeskPart], else reported.
std::optional<Duration> PartOf(const YAML::Node& key, const YAML::Node& value,
                               const std::string& path, Problems& problems) {
  const std::optional<Duration> part = PositiveDurationOf(key, value, path, problems);
  if (!part || *part <= kMaxDeskPart) return part;
  problems.Add(value.Mark(), path + " is " + FormatDuration(*part) + ", too long for a rhythm",
               "expected a duration from " + FormatDuration(kMinDuration) + " to " +
                   FormatDuration(kMaxDeskPart) + ", like 45m");
  return std::nullopt;
}

}  // namespace

std::optional<Config::StandingDesk> StandingDeskOf(const YAML::Node& key, const YAML::Node& value,
                                                   const std::string& path, Problems& problems) {
  const std::string expected = "expected a mapping like {sit: 45m, stand: 15m}";
  if (!value.IsMap()) {
    problems.Add(MarkOf(key, value),
                 value.IsNull() ? path + " has no value" : path + " is " + DescribeNode(value),
                 expected);
    return std::nullopt;
  }
  Config::StandingDesk desk;
  bool seen_sit = false;
  bool seen_stand = false;
  bool bad = false;
  ForEachKnownKey(value, path, kDeskKeys, problems,
                  [&](const YAML::Node& k, const YAML::Node& v, const std::string& p) {
                    const bool sit = k.Scalar() == "sit";
                    (sit ? seen_sit : seen_stand) = true;
                    if (std::optional<Duration> part = PartOf(k, v, p, problems)) {
                      (sit ? desk.sit : desk.stand) = *part;
                    } else {
                      bad = true;
                    }
                  });
  if (!seen_sit || !seen_stand) {
    problems.Add(key.Mark(), path + " lacks " + (seen_sit ? "stand" : "sit"),
                 "expected both parts of the rhythm, like {sit: 45m, stand: 15m}");
    return std::nullopt;
  }
  if (bad) return std::nullopt;
  return desk;
}

}  // namespace unsit::config_internal
