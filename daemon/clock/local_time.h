#pragma once

// Local time: the fields of a Now that depend on the time zone, and local dates.
// Pure arithmetic over two clock readings and the process's time zone (TZ,
// else /etc/localtime, read by the C library's tzset): no clock is read here,
// so the daemon, the history reader, the CLI and the trace runner place day
// boundaries the same way.

#include <time.h>

#include <chrono>
#include <string>

#include "core/time.h"

namespace unsit {

// The Now of a pair of readings: `utc_offset` and the bounds of the history day
// that holds `wall`, which begins at local time `day_starts`
// (history.day_starts). A day is 23, 24 or 25 hours long across DST changes;
// a start that falls in a skipped hour is placed as mktime places it. Also the
// first offset change in the week ahead (`offset_change`, `offset_after`).
Now MakeNow(BootTime boot, WallTime wall, std::chrono::minutes day_starts);

// The broken-down local time at `at`.
tm LocalTm(WallTime at);

// The local date ("2026-11-21") at `at`.
std::string FormatLocalDate(WallTime at);

}  // namespace unsit
