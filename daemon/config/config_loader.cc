#include "config/config_loader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/schedule_entries.h"
#include "config/sound_key.h"
#include "config/standing_desk_reader.h"
#include "config/stretch_catalogue.h"
#include "config/stretch_entries.h"
#include "config/yaml_check.h"
#include "core/duration.h"
#include "core/schedule.h"
#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit {
namespace {

using config_internal::ChoiceOf;
using config_internal::ForEachKnownKey;
using config_internal::JoinWords;
using config_internal::MarkOf;
using config_internal::PositiveDurationOf;
using config_internal::Problems;
using config_internal::TextOf;

constexpr std::array<std::string_view, 14> kTopKeys = {
    "sit_limit",  "break_after", "up_min_break",  "remind_every", "snooze",
    "on_dismiss", "quiet_hours", "working_hours", "hold",         "idle",
    "notify",     "stretches",   "history",       "standing_desk"};
constexpr std::array<std::string_view, 3> kHoldKeys = {"for", "settle", "cap"};
// Indexed like HoldReason.
constexpr std::array<std::string_view, 4> kHoldReasons = {"dnd", "call", "screencast",
                                                          "fullscreen"};
constexpr std::array<std::string_view, 2> kOnDismiss = {"snooze", "skip"};
constexpr std::array<std::string_view, 2> kIdleKeys = {"backend", "inhibitors"};
constexpr std::array<std::string_view, 2> kInhibitors = {"respect", "ignore"};
constexpr std::array<std::string_view, 3> kNotifyKeys = {"backend", "indicator", "sound"};
constexpr std::array<std::string_view, 2> kIndicators = {"auto", "off"};
constexpr std::array<std::string_view, 3> kStretchesKeys = {"places", "kinds", "extra"};
constexpr std::array<std::string_view, 3> kHistoryKeys = {"checkpoint", "keep", "day_starts"};
constexpr int kMaxKeepYears = 100;

// Reads one document into a Config, collecting every problem on the way.
class ConfigReader {
 public:
  ConfigReader(const std::string& file_name, std::vector<std::string> builtin_ids)
      : problems_(file_name), builtin_ids_(std::move(builtin_ids)) {
    config_.source = file_name;
  }

  Result<Config> Read(const YAML::Node& root) {
    ForEachKnownKey(root, "", kTopKeys, problems_,
                    [this](const YAML::Node& key, const YAML::Node& value,
                           const std::string& path) { ReadTop(key, value, path); });
    CheckBreakAfter();
    CheckSchedule();
    if (!problems_.empty()) return problems_.ToError();
    return std::move(config_);
  }

 private:
  using Node = YAML::Node;

  void ReadTop(const Node& key, const Node& value, const std::string& path) {
    if (path == "sit_limit") {
      SetDuration(key, value, path, config_.sit_limit, &sit_limit_mark_);
    } else if (path == "break_after") {
      SetDuration(key, value, path, config_.break_after, &break_after_mark_);
    } else if (path == "up_min_break") {
      SetDuration(key, value, path, config_.up_min_break, nullptr);
    } else if (path == "remind_every") {
      SetDuration(key, value, path, config_.remind_every, nullptr);
    } else if (path == "snooze") {
      SetDuration(key, value, path, config_.snooze, nullptr);
    } else if (path == "on_dismiss") {
      if (auto i = ChoiceOf(key, value, path, kOnDismiss, problems_)) {
        config_.on_dismiss = *i == 0 ? OnDismiss::kSnooze : OnDismiss::kSkip;
      }
    } else if (path == "quiet_hours") {
      ReadSpans(key, value, path, config_.quiet_hours, quiet_mark_);
    } else if (path == "working_hours") {
      ReadSpans(key, value, path, config_.working_hours, working_mark_);
    } else if (path == "hold") {
      ForEachKnownKey(value, path, kHoldKeys, problems_,
                      [this](auto& k, auto& v, auto& p) { ReadHold(k, v, p); });
    } else if (path == "idle") {
      ForEachKnownKey(value, path, kIdleKeys, problems_,
                      [this](auto& k, auto& v, auto& p) { ReadIdle(k, v, p); });
    } else if (path == "notify") {
      ForEachKnownKey(value, path, kNotifyKeys, problems_, [this](auto& k, auto& v, auto& p) {
        if (k.Scalar() == "sound") {
          if (auto sound = config_internal::SoundOf(k, v, p, problems_))
            config_.notify.sound = *sound;
        } else if (k.Scalar() == "indicator") {
          if (auto i = ChoiceOf(k, v, p, kIndicators, problems_)) {
            config_.notify.indicator = kIndicators[*i];
          }
        } else if (auto i = ChoiceOf(k, v, p, kNotifierNames, problems_)) {
          config_.notify.backend = kNotifierNames[*i];
        }
      });
    } else if (path == "stretches") {
      ForEachKnownKey(value, path, kStretchesKeys, problems_,
                      [this](auto& k, auto& v, auto& p) { ReadStretches(k, v, p); });
    } else if (path == "history") {
      ForEachKnownKey(value, path, kHistoryKeys, problems_,
                      [this](auto& k, auto& v, auto& p) { ReadHistory(k, v, p); });
    } else if (path == "standing_desk") {
      if (auto desk = config_internal::StandingDeskOf(key, value, path, problems_)) {
        config_.standing_desk = *desk;
      }
    }
  }

  // quiet_hours and working_hours: lists of spans (config/schedule_entries.h).
  void ReadSpans(const Node& key, const Node& value, const std::string& path,
                 std::vector<QuietWindow>& out, std::optional<YAML::Mark>& mark) {
    const bool working = path == "working_hours";
    if (auto spans = config_internal::SpanListOf(key, value, path, !working, problems_)) {
      out = std::move(*spans);
      mark = value.Mark();
    }
  }

  // The week must keep some time for reminders.
  void CheckSchedule() {
    if (!LeavesNoTime(config_.quiet_hours, config_.working_hours)) return;
    if (working_mark_) {
      problems_.Add(*working_mark_,
                    Tr("quiet_hours and working_hours together leave no time for reminders"),
                    Tr("expected some working time outside the quiet hours"));
    } else if (quiet_mark_) {
      problems_.Add(*quiet_mark_,
                    Tr("quiet_hours cover the whole week: no reminder could ever be shown"),
                    Tr("expected some time of the week outside them"));
    }
  }

  // hold.for: the reasons to hold reminders for (an empty list: none).
  void ReadHold(const Node& key, const Node& value, const std::string& path) {
    if (key.Scalar() == "settle") {
      SetDuration(key, value, path, config_.hold.settle, nullptr);
    } else if (key.Scalar() == "cap") {
      SetDuration(key, value, path, config_.hold.cap, nullptr);
    } else if (value.IsSequence() && value.size() == 0) {
      config_.hold.reasons = {};
    } else {
      std::vector<HoldReason> reasons;
      ReadChoiceSet(key, value, path, kHoldReasons, "reasons", "[dnd, call, screencast]", reasons);
      config_.hold.reasons = {};
      for (HoldReason reason : reasons) config_.hold.reasons.Add(reason);
    }
  }

  void ReadIdle(const Node& key, const Node& value, const std::string& path) {
    if (key.Scalar() == "backend") {
      if (auto i = ChoiceOf(key, value, path, kIdleBackendNames, problems_)) {
        config_.idle.backend = kIdleBackendNames[*i];
      }
    } else if (auto i = ChoiceOf(key, value, path, kInhibitors, problems_)) {
      config_.idle.respect_inhibitors = *i == 0;
    }
  }

  void ReadStretches(const Node& key, const Node& value, const std::string& path) {
    if (key.Scalar() == "extra") {
      config_internal::StretchRules rules;
      rules.taken_ids = builtin_ids_;
      config_.stretches.extra = config_internal::StretchListOf(key, value, path, rules, problems_);
    } else if (key.Scalar() == "kinds") {
      ReadChoiceSet(key, value, path, config_internal::KindNames(), "kinds", "[stretch, walk]",
                    config_.stretches.kinds);
    } else {
      ReadChoiceSet(key, value, path, config_internal::PlaceNames(), "places", "[standing, desk]",
                    config_.stretches.places);
    }
  }

  // A non-empty list of names from `names` (`what`, e.g. "places"), each at most
  // once, into `out` as the enum whose enumerators are indexed like `names`.
  template <typename Enum>
  void ReadChoiceSet(const Node& key, const Node& value, const std::string& path,
                     std::span<const std::string_view> names, const std::string& what,
                     const std::string& example, std::vector<Enum>& out) {
    // TRANSLATORS: the first %s is a config key (places, kinds, reasons), the
    // second the words it takes.
    const std::string expected =
        FormatText(Tr("expected a list of %s from: %s"), what.c_str(), JoinWords(names).c_str());
    if (!value.IsSequence() || value.size() == 0) {
      const std::string found = value.IsSequence()
                                    ? FormatText(Tr("%s is an empty list"), path.c_str())
                                    : config_internal::IsA(path, value);
      // TRANSLATORS: %s is the sentence above, then an example like [stretch, walk].
      problems_.Add(MarkOf(key, value), found,
                    FormatText(Tr("%s, like %s"), expected.c_str(), example.c_str()));
      return;
    }
    std::vector<Enum> chosen;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto index =
          ChoiceOf(value[i], value[i], path + "[" + std::to_string(i) + "]", names, problems_);
      if (!index) continue;
      const auto item = static_cast<Enum>(*index);
      if (std::find(chosen.begin(), chosen.end(), item) != chosen.end()) {
        problems_.Add(
            value[i].Mark(),
            FormatText(Tr("%s: \"%s\" is listed twice"), path.c_str(), value[i].Scalar().c_str()),
            FormatText(Tr("expected each of the %s at most once"), what.c_str()));
        continue;
      }
      chosen.push_back(item);
    }
    out = std::move(chosen);
  }

  void ReadHistory(const Node& key, const Node& value, const std::string& path) {
    const std::string& name = key.Scalar();
    if (name == "checkpoint") {
      SetDuration(key, value, path, config_.history.checkpoint, nullptr);
    } else if (name == "keep") {
      ReadKeep(key, value, path);
    } else {
      ReadDayStart(key, value, path);
    }
  }

  // history.keep: whole days ("730d") or years of 365 days ("2y").
  void ReadKeep(const Node& key, const Node& value, const std::string& path) {
    const std::string expected = Tr("expected a number of days or years, like 730d or 2y");
    const std::optional<std::string> text = TextOf(key, value, path, expected, problems_);
    if (!text) return;
    if (text->size() > 1 && text->back() == 'y') {
      int years = 0;
      const char* end = text->data() + text->size() - 1;
      const auto [ptr, ec] = std::from_chars(text->data(), end, years);
      if (ec == std::errc() && ptr == end && years >= 1 && years <= kMaxKeepYears) {
        config_.history.keep = std::chrono::days(365 * years);
        return;
      }
    } else if (auto d = ParseDuration(*text);
               d && d->count() > 0 && *d % std::chrono::days(1) == Duration::zero()) {
      config_.history.keep = std::chrono::duration_cast<std::chrono::days>(*d);
      return;
    }
    problems_.Add(value.Mark(),
                  FormatText(Tr("%s: \"%s\" is not a whole number of days or years"), path.c_str(),
                             text->c_str()),
                  expected);
  }

  // history.day_starts: a local time of day, "HH:MM".
  void ReadDayStart(const Node& key, const Node& value, const std::string& path) {
    const std::string expected = Tr("expected a time of day HH:MM from 00:00 to 23:59");
    const std::optional<std::string> text = TextOf(key, value, path, expected, problems_);
    if (!text) return;
    if (std::optional<std::chrono::minutes> start = ParseTimeOfDay(*text)) {
      config_.history.day_starts = *start;
      return;
    }
    problems_.Add(value.Mark(),
                  FormatText(Tr("%s: \"%s\" is not a time of day"), path.c_str(), text->c_str()),
                  expected);
  }

  void SetDuration(const Node& key, const Node& value, const std::string& path, Duration& out,
                   std::optional<YAML::Mark>* mark) {
    if (const std::optional<Duration> d = PositiveDurationOf(key, value, path, problems_)) {
      out = *d;
      if (mark != nullptr) *mark = value.Mark();
    }
  }

  // A break must be noticed before a reminder is due, or none ever would be.
  void CheckBreakAfter() {
    if (config_.break_after < config_.sit_limit) return;
    if (!break_after_mark_ && !sit_limit_mark_) return;  // the defaults are consistent
    problems_.Add(break_after_mark_ ? *break_after_mark_ : *sit_limit_mark_,
                  // TRANSLATORS: %s are durations like 5m; break_after and
                  // sit_limit are config keys and stay as they are.
                  FormatText(Tr("break_after (%s) is not shorter than sit_limit (%s)"),
                             FormatDuration(config_.break_after).c_str(),
                             FormatDuration(config_.sit_limit).c_str()),
                  Tr("expected break_after less than sit_limit"));
  }

  Config config_;
  Problems problems_;
  std::vector<std::string> builtin_ids_;
  std::optional<YAML::Mark> sit_limit_mark_;
  std::optional<YAML::Mark> break_after_mark_;
  std::optional<YAML::Mark> quiet_mark_;
  std::optional<YAML::Mark> working_mark_;
};

// The ids of the compiled-in catalogue, read once: parsing the catalogue cost
// more than parsing a config file.
const std::vector<std::string>& BuiltinIds() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> read;
    if (Result<std::vector<Stretch>> builtin = BuiltinStretches()) {
      for (const Stretch& stretch : *builtin) read.push_back(stretch.id);
    }
    return read;
  }();
  return ids;
}

}  // namespace

Result<Config> ParseConfig(std::string_view yaml_text, const std::string& file_name) {
  Result<YAML::Node> root = config_internal::LoadYaml(yaml_text, file_name);
  if (!root) return root.error();
  return ConfigReader(file_name, BuiltinIds()).Read(*root);
}

}  // namespace unsit
