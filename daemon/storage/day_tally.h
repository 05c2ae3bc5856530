#pragma once

// Per-day totals computed from the history tables; shared by the daemon's
// store and the read-only reader.

#include <sqlite3.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/day_totals.h"
#include "core/result.h"
#include "core/time.h"

namespace unsit::storage {

// One history day: [start, end) in UTC, 23, 24 or 25 hours long.
struct DayRange {
  WallTime start;
  WallTime end;
};

// The last `days` history days, oldest first, ending with the one that holds
// now.wall. Boundaries come from the process's time zone (MakeNow, clock/local_time.h).
std::vector<DayRange> LastDays(const Now& now, int days, std::chrono::minutes day_starts);

// The local time of day at which now's history day began (history.day_starts),
// for readers that were not given the config.
std::chrono::minutes DayStartsOf(const Now& now);

// Tallies the rows of `days` (contiguous, oldest first). Attribution:
// - sitting and hours: every millisecond of a bout goes to the day and local
//   clock hour it fell in, so a bout crossing a day boundary is split and the
//   hours always sum to `sitting` (23- and 25-hour days included);
// - bouts and longest_bout: a bout counts on each day it has sitting in, with
//   the part that fell in that day; long_bouts: on the day it reached
//   sit_limit (its first reminder; open bouts count once closed);
// - breaks on the day they began; reminders and outcomes on the day first shown,
//   only reminders that were shown (a held one answered before it showed is not
//   a reminder the user saw), so the outcomes and OpenReminders add up.
// `include_open`: add the checkpointed part of the open bout. A null `db`
// gives the days with empty totals.
Result<std::vector<DayView>> TallyDays(sqlite3* db, const std::vector<DayRange>& days,
                                       bool include_open);

}  // namespace unsit::storage
