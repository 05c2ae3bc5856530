#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace unsit {

// A span of local clock time in which reminders wait, like a pause: from
// `start` up to (not including) `end`, in minutes after local midnight. An `end`
// before `start` runs past midnight ("22:00-07:00"). Never empty: start != end.
struct QuietWindow {
  std::chrono::minutes start{0};
  std::chrono::minutes end{0};
  bool operator==(const QuietWindow&) const = default;
};

// "HH:MM" (00:00 to 23:59, one or two digits of hours) as minutes after midnight.
std::optional<std::chrono::minutes> ParseTimeOfDay(std::string_view text);

// "HH:MM-HH:MM" with start != end; nullopt for anything else.
std::optional<QuietWindow> ParseQuietWindow(std::string_view text);

// "22:00-07:00": what ParseQuietWindow reads back.
std::string FormatQuietWindow(const QuietWindow& window);

// Whether `windows` together leave no minute of the day outside them (then no
// reminder could ever be shown).
bool CoversWholeDay(const std::vector<QuietWindow>& windows);

// If the local clock at boot instant `at` reads a time inside one of `windows`,
// the boot instant at which the quiet ends (running on through windows that
// adjoin or overlap); nullopt outside them. Local time is read with the UTC
// offset in force at `now`: across a DST change the answer is off by the change
// until the next wakeup asks again, which the caller's next deadline ensures.
std::optional<BootTime> QuietUntil(const std::vector<QuietWindow>& windows, const Now& now,
                                   BootTime at);

}  // namespace unsit
