#pragma once

#include "core/day_totals.h"
#include "core/time.h"
#include "protocol/protocol.h"

// The wire shape of history days, shared by the daemon (today, history) and
// the CLI (which builds the same shape when it reads the database itself).
namespace unsit::protocol {

// Whole seconds, rounded down; SecondsLeft rounds up (time left until something).
long long Seconds(Duration d);
long long SecondsLeft(Duration d);

// sitting_seconds, longest_bout_seconds, bouts, long_bouts, breaks,
// breaks_after_reminder, reminders, done, up_on_own, snoozed, skipped, dismissed,
// open (the outcomes and open add up to reminders).
Json TotalsJson(const DayTotals& totals);
// TotalsJson plus date, day_start (ISO 8601 UTC) and hours (24 numbers, seconds).
Json DayJson(const DayView& day);

}  // namespace unsit::protocol
