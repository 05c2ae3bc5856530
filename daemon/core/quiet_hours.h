#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unsit {

// Days of the week as bits: Monday is bit 0, Sunday bit 6 (ISO order).
using Weekdays = std::uint8_t;
inline constexpr Weekdays kEveryDay = 0x7f;

// A span of local clock time on some days of the week, quiet (reminders wait,
// like a pause) or working (reminders only then): from `start` up to (not
// including) `end`, in minutes after local midnight, beginning on each of
// `days`. An `end` before `start` runs past midnight into the next day
// ("22:00-07:00", "fri 18:00-00:00"); start == end is a whole day and only
// made from 00:00 ("sat,sun").
struct QuietWindow {
  std::chrono::minutes start{0};
  std::chrono::minutes end{0};
  Weekdays days = kEveryDay;
  bool operator==(const QuietWindow&) const = default;
};

// "HH:MM" (00:00 to 23:59, one or two digits of hours) as minutes after midnight.
std::optional<std::chrono::minutes> ParseTimeOfDay(std::string_view text);

// "HH:MM-HH:MM" with start != end, every day; nullopt for anything else. The
// plain form of quiet_hours and working_hours entries.
std::optional<QuietWindow> ParseQuietWindow(std::string_view text);

// "mon-fri", "sat,sun", "mon", "fri-mon", "mon, wed-fri": day names (mon tue
// wed thu fri sat sun) and ranges of them, each day at most once; nullopt for
// anything else.
std::optional<Weekdays> ParseWeekdays(std::string_view text);

// "mon-fri", "mon,wed-fri", "mon-sun": what ParseWeekdays reads back. Empty for
// no days.
std::string FormatWeekdays(Weekdays days);

// The text form of a span: "22:00-07:00" (every day), "mon-fri 08:30-17:30",
// "sat,sun" (whole days); nullopt for anything else.
std::optional<QuietWindow> ParseSpan(std::string_view text);

// What ParseSpan reads back; shown by `status` and `doctor`.
std::string FormatSpan(const QuietWindow& window);

}  // namespace unsit
