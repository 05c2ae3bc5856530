#include "core/day_totals.h"

#include <algorithm>
#include <climits>

namespace unsit {

int OpenReminders(const DayTotals& t) {
  // Summed wide: the counts come from a file and need not add up.
  const long long answered =
      static_cast<long long>(t.done) + t.up_on_own + t.snoozed + t.skipped + t.dismissed;
  const long long open = t.reminders - answered;
  return static_cast<int>(std::clamp(open, 0LL, static_cast<long long>(INT_MAX)));
}

void AddSitting(DayTotals& totals, WallTime start, Duration length,
                std::chrono::seconds utc_offset) {
  using std::chrono::hours;
  if (length <= Duration::zero()) return;
  totals.sitting += length;
  // Walk the local clock hour by hour; each piece goes to its hour of the day.
  WallTime local = start + utc_offset;
  Duration left = length;
  while (left > Duration::zero()) {
    auto hour_start = std::chrono::floor<hours>(local);
    Duration piece = std::min<Duration>(left, hour_start + hours(1) - local);
    auto day_hour = (hour_start.time_since_epoch().count() % 24 + 24) % 24;
    totals.hours[static_cast<size_t>(day_hour)] += piece;
    local += piece;
    left -= piece;
  }
}

}  // namespace unsit
