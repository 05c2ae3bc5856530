#pragma once

#include <array>
#include <chrono>
#include <string>

#include "core/time.h"

namespace unsit {

// What one history day holds. Sitting time is measured on CLOCK_BOOTTIME, so
// `sitting` always equals the sum of `hours`, also on 23- and 25-hour DST days.
struct DayTotals {
  Duration sitting{0};
  Duration longest_bout{0};
  int bouts = 0;
  int long_bouts = 0;             // bouts that reached sit_limit
  int breaks = 0;                 // all breaks that began this day
  int breaks_after_reminder = 0;  // of those, begun while a reminder was open or by done
  // Reminders shown (re-shows not counted) and how each ended; the outcomes and
  // OpenReminders() add up to `reminders`. Only reminders that were shown count.
  int reminders = 0;
  int done = 0;       // "I'm up" (the button or unsit done)
  int up_on_own = 0;  // a break began while it was open
  int snoozed = 0;
  int skipped = 0;
  int dismissed = 0;
  std::array<Duration, 24> hours{};  // sitting per local clock hour 0..23
  // Time stood at the desk (standing mode on, the user there); not sitting,
  // so in none of the fields above.
  Duration standing{0};

  bool operator==(const DayTotals&) const = default;
};

// One history day: its start (UTC), its local date and its totals.
struct DayView {
  WallTime day_start{};
  std::string date;  // local date, "2026-11-21"
  DayTotals totals;
};

// Reminders of the day with no outcome yet: on screen now, or open when the
// daemon stopped.
int OpenReminders(const DayTotals& totals);

// Adds `length` of sitting that began at `start` to `totals`, spreading it over
// the local clock hours (local = UTC + utc_offset). Does not touch bouts/longest.
void AddSitting(DayTotals& totals, WallTime start, Duration length,
                std::chrono::seconds utc_offset);

}  // namespace unsit
