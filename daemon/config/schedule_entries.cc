#include "config/schedule_entries.h"

#include <array>
#include <string_view>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::config_internal {
namespace {

using std::chrono::minutes;

constexpr std::array<std::string_view, 3> kSpanKeys = {"days", "from", "to"};
constexpr const char* kListExpected = TrNoop(
    "expected a list of local times like [\"12:00-13:00\", \"22:00-07:00\"] (start and end "
    "differ) or of {days: mon-fri, from: \"08:30\", to: \"17:30\"}");
constexpr const char* kItemExpected = TrNoop(
    "expected a list of local times like [\"12:00-13:00\", \"22:00-07:00\"] (start and end "
    "differ)");
constexpr const char* kDaysExpected = TrNoop(
    "expected day names (mon, tue, wed, thu, fri, sat, sun) and ranges like mon-fri, each day "
    "once");
constexpr const char* kTimeExpected = TrNoop("expected a time of day HH:MM from 00:00 to 23:59");

// days: "mon-fri", "sat,sun" or a list of such items.
std::optional<Weekdays> DaysOf(const YAML::Node& key, const YAML::Node& value,
                               const std::string& path, Problems& problems) {
  std::string text;
  if (value.IsSequence() && value.size() > 0) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string item = path + "[" + std::to_string(i) + "]";
      const std::optional<std::string> part =
          TextOf(value[i], value[i], item, Tr(kDaysExpected), problems);
      if (!part) return std::nullopt;
      text += (i == 0 ? "" : ",") + *part;
    }
  } else if (std::optional<std::string> scalar =
                 TextOf(key, value, path, Tr(kDaysExpected), problems)) {
    text = *scalar;
  } else {
    return std::nullopt;
  }
  if (std::optional<Weekdays> days = ParseWeekdays(text)) return days;
  problems.Add(value.Mark(),
               FormatText(Tr("%s: \"%s\" is not a list of days"), path.c_str(), text.c_str()),
               Tr(kDaysExpected));
  return std::nullopt;
}

std::optional<minutes> TimeOf(const YAML::Node& key, const YAML::Node& value,
                              const std::string& path, Problems& problems) {
  const std::optional<std::string> text = TextOf(key, value, path, Tr(kTimeExpected), problems);
  if (!text) return std::nullopt;
  if (std::optional<minutes> time = ParseTimeOfDay(*text)) return time;
  problems.Add(value.Mark(),
               FormatText(Tr("%s: \"%s\" is not a time of day"), path.c_str(), text->c_str()),
               Tr(kTimeExpected));
  return std::nullopt;
}

// In a flow mapping a comma separates keys: {days: sat,sun} is {days: sat, sun: }.
bool DayNameAsKey(const YAML::Node& map, const std::string& path, Problems& problems) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar() || !ParseWeekdays(key.Scalar())) continue;
    problems.Add(key.Mark(),
                 // TRANSLATORS: the first %s is a config key, the second a day
                 // name (sat) that stays as it is.
                 FormatText(Tr("%s: the day \"%s\" is read as a key (in {...} a comma "
                               "separates keys)"),
                            path.c_str(), key.Scalar().c_str()),
                 Tr("expected days: [sat, sun] or days: \"sat,sun\""));
    return true;
  }
  return false;
}

std::optional<QuietWindow> MappedSpanOf(const YAML::Node& map, const std::string& path,
                                        Problems& problems) {
  if (DayNameAsKey(map, path, problems)) return std::nullopt;
  std::optional<Weekdays> days;
  std::optional<minutes> from;
  std::optional<minutes> to;
  bool bad = false;
  ForEachKnownKey(map, path, kSpanKeys, problems,
                  [&](const YAML::Node& key, const YAML::Node& value, const std::string& p) {
                    if (key.Scalar() == "days") {
                      days = DaysOf(key, value, p, problems);
                      bad = bad || !days;
                    } else {
                      std::optional<minutes>& time = key.Scalar() == "from" ? from : to;
                      time = TimeOf(key, value, p, problems);
                      bad = bad || !time;
                    }
                  });
  if (bad) return std::nullopt;
  if (!days) {
    problems.Add(map.Mark(), FormatText(Tr("%s has no days"), path.c_str()),
                 Tr("expected days like mon-fri or sat,sun (a span for every day is written "
                    "\"22:00-07:00\")"));
    return std::nullopt;
  }
  const QuietWindow span{from.value_or(minutes(0)), to.value_or(minutes(0)), *days};
  if (to && span.start == span.end) {
    problems.Add(map.Mark(),
                 FormatText(Tr("%s: the span begins and ends at the same time"), path.c_str()),
                 Tr("expected different times (leave out from and to for whole days)"));
    return std::nullopt;
  }
  return span;
}

std::optional<QuietWindow> SpanOf(const YAML::Node& item, const std::string& path,
                                  Problems& problems) {
  if (item.IsMap()) return MappedSpanOf(item, path, problems);
  const std::optional<std::string> text = TextOf(item, item, path, Tr(kItemExpected), problems);
  if (!text) return std::nullopt;
  if (std::optional<QuietWindow> span = ParseQuietWindow(*text)) return span;
  const std::string hint =
      ParseWeekdays(*text)
          ? " " + FormatText(Tr("(whole days are written {days: \"%s\"})"), text->c_str())
          : "";
  problems.Add(
      item.Mark(),
      FormatText(Tr("%s: \"%s\" is not a span of time"), path.c_str(), text->c_str()) + hint,
      Tr(kItemExpected));
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<QuietWindow>> SpanListOf(const YAML::Node& key, const YAML::Node& value,
                                                   const std::string& path, bool allow_empty,
                                                   Problems& problems) {
  if (!value.IsSequence()) {
    problems.Add(MarkOf(key, value), IsA(path, value), Tr(kListExpected));
    return std::nullopt;
  }
  if (value.size() == 0 && !allow_empty) {
    // TRANSLATORS: %s is the config key working_hours.
    problems.Add(
        value.Mark(),
        FormatText(Tr("%s is an empty list: reminders could never be shown"), path.c_str()),
        FormatText(Tr("expected at least one span, or no %s for reminders at any time"),
                   path.c_str()));
    return std::nullopt;
  }
  std::vector<QuietWindow> spans;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (auto span = SpanOf(value[i], path + "[" + std::to_string(i) + "]", problems)) {
      spans.push_back(*span);
    }
  }
  return spans;
}

}  // namespace unsit::config_internal
