#include "config/standing_desk_reader.h"

#include <array>
#include <string_view>

#include "core/duration.h"
#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::config_internal {
namespace {

constexpr std::array<std::string_view, 2> kDeskKeys = {"sit", "stand"};

// A part of the rhythm within [kMinDuration, kMaxDeskPart], else reported.
std::optional<Duration> PartOf(const YAML::Node& key, const YAML::Node& value,
                               const std::string& path, Problems& problems) {
  const std::optional<Duration> part = PositiveDurationOf(key, value, path, problems);
  if (!part || *part <= kMaxDeskPart) return part;
  // TRANSLATORS: the first %s is a config key (standing_desk.sit), the second a
  // duration like 5h.
  problems.Add(
      value.Mark(),
      FormatText(Tr("%s is %s, too long for a rhythm"), path.c_str(),
                 FormatDuration(*part).c_str()),
      FormatText(Tr("expected a duration from %s to %s, like 45m"),
                 FormatDuration(kMinDuration).c_str(), FormatDuration(kMaxDeskPart).c_str()));
  return std::nullopt;
}

}  // namespace

std::optional<Config::StandingDesk> StandingDeskOf(const YAML::Node& key, const YAML::Node& value,
                                                   const std::string& path, Problems& problems) {
  const std::string expected = Tr("expected a mapping like {sit: 45m, stand: 15m}");
  if (!value.IsMap()) {
    problems.Add(MarkOf(key, value), IsA(path, value), expected);
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
    // TRANSLATORS: the first %s is the config key standing_desk, the second the
    // key it lacks (sit or stand); both stay as they are.
    problems.Add(key.Mark(),
                 FormatText(Tr("%s lacks %s"), path.c_str(), seen_sit ? "stand" : "sit"),
                 Tr("expected both parts of the rhythm, like {sit: 45m, stand: 15m}"));
    return std::nullopt;
  }
  if (bad) return std::nullopt;
  return desk;
}

}  // namespace unsit::config_internal
