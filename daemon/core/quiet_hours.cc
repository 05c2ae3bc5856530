#include "core/quiet_hours.h"

#include <array>
#include <charconv>

namespace unsit {
namespace {

using std::chrono::minutes;

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::optional<int> DayIndex(std::string_view name) {
  for (std::size_t i = 0; i < kDayNames.size(); ++i) {
    if (kDayNames[i] == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

// "mon" or "fri-mon" (a range may run over the end of the week) as bits.
std::optional<Weekdays> DayItem(std::string_view item) {
  const std::size_t dash = item.find('-');
  const auto first = DayIndex(Trim(item.substr(0, dash)));
  const auto last = dash == std::string_view::npos ? first : DayIndex(Trim(item.substr(dash + 1)));
  if (!first || !last) return std::nullopt;
  Weekdays days = 0;
  for (int day = *first;; day = (day + 1) % 7) {
    days = static_cast<Weekdays>(days | (1 << day));
    if (day == *last) break;
  }
  return days;
}

std::string Hhmm(minutes m) {
  const auto h = m.count() / 60;
  const auto rest = m.count() % 60;
  return std::string(h < 10 ? "0" : "") + std::to_string(h) + (rest < 10 ? ":0" : ":") +
         std::to_string(rest);
}

}  // namespace

std::optional<minutes> ParseTimeOfDay(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) {
    return std::nullopt;
  }
  int hours = -1;
  int mins = -1;
  const char* begin = text.data();
  const auto h = std::from_chars(begin, begin + colon, hours);
  const auto m = std::from_chars(begin + colon + 1, begin + text.size(), mins);
  if (h.ec != std::errc() || h.ptr != begin + colon || m.ec != std::errc() ||
      m.ptr != begin + text.size()) {
    return std::nullopt;
  }
  if (hours < 0 || hours > 23 || mins < 0 || mins > 59) return std::nullopt;
  return minutes(hours * 60 + mins);
}

std::optional<QuietWindow> ParseQuietWindow(std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto start = ParseTimeOfDay(text.substr(0, dash));
  const auto end = ParseTimeOfDay(text.substr(dash + 1));
  if (!start || !end || *start == *end) return std::nullopt;
  return QuietWindow{*start, *end};
}

std::optional<Weekdays> ParseWeekdays(std::string_view text) {
  Weekdays days = 0;
  while (true) {
    const std::size_t comma = text.find(',');
    const std::optional<Weekdays> item = DayItem(text.substr(0, comma));
    if (!item || (days & *item) != 0) return std::nullopt;
    days = static_cast<Weekdays>(days | *item);
    if (comma == std::string_view::npos) return days;
    text.remove_prefix(comma + 1);
  }
}

std::string FormatWeekdays(Weekdays days) {
  std::string text;
  for (int day = 0; day < 7; ++day) {
    if ((days & (1 << day)) == 0) continue;
    int last = day;
    while (last + 1 < 7 && (days & (1 << (last + 1))) != 0) ++last;
    if (!text.empty()) text += ',';
    text += kDayNames[static_cast<std::size_t>(day)];
    if (last > day)
      text += std::string(last > day + 1 ? "-" : ",") +
              std::string(kDayNames[static_cast<std::size_t>(last)]);
    day = last;
  }
  return text;
}

std::optional<QuietWindow> ParseSpan(std::string_view text) {
  if (text.find(':') == std::string_view::npos) {  // whole days
    const std::optional<Weekdays> days = ParseWeekdays(text);
    if (!days) return std::nullopt;
    return QuietWindow{minutes(0), minutes(0), *days};
  }
  const std::size_t space = text.rfind(' ');
  if (space == std::string_view::npos) return ParseQuietWindow(text);
  std::optional<QuietWindow> window = ParseQuietWindow(text.substr(space + 1));
  const std::optional<Weekdays> days = ParseWeekdays(text.substr(0, space));
  if (!window || !days) return std::nullopt;
  window->days = *days;
  return window;
}

std::string FormatSpan(const QuietWindow& window) {
  if (window.start == window.end) return FormatWeekdays(window.days);
  const std::string times = Hhmm(window.start) + "-" + Hhmm(window.end);
  return window.days == kEveryDay ? times : FormatWeekdays(window.days) + " " + times;
}

}  // namespace unsit
