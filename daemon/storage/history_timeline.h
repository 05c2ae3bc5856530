#pragma once

// The history as spans of time, for pictures of it (`unsit report`).

#include <optional>
#include <string>
#include <vector>

#include "core/day_totals.h"
#include "core/result.h"
#include "core/time.h"

namespace unsit {

// A stretch of wall time, [start, end).
struct TimeSpan {
  WallTime start;
  WallTime end;
};

// A bout; `limit` is when it reached sit_limit (its first reminder), if it did.
struct TimelineBout {
  TimeSpan span;
  std::optional<WallTime> limit;
};

// A reminder that was shown: when first, how often, and how it ended
// (model.h's ToString of the outcome, or "shown" while it is still open).
struct TimelineReminder {
  WallTime shown;
  int times_shown = 1;
  std::string outcome;
};

// One history day with what happened in it. Bouts and breaks are whole (a bout
// across midnight is listed on both days); a break still going on ends at now;
// the open bout ends where it was last checkpointed. Reminders are on the day
// they were first shown, as in the totals.
struct DayTimeline {
  DayView day;  // the totals `unsit history` shows for it
  WallTime end;
  std::vector<TimelineBout> bouts;
  std::vector<TimeSpan> breaks;
  std::vector<TimelineReminder> reminders;
};

// The last `days` history days (oldest first, today included), read-only from
// the database at `db_path`; an absent file gives empty days.
Result<std::vector<DayTimeline>> ReadTimelines(const std::string& db_path, const Now& now,
                                               int days);

}  // namespace unsit
