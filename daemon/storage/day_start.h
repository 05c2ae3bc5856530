#pragma once

// history.day_starts kept in the file (table day_start, schema version 4), so
// that a reader without the daemon's config splits days where the daemon does.

#include <sqlite3.h>

#include <chrono>

#include "core/result.h"

namespace unsit::storage {

// Replaces the recorded day start with `day_starts` (minutes after local midnight).
Status WriteDayStarts(sqlite3* db, std::chrono::minutes day_starts);

// The recorded day start; local midnight (0) when none was recorded (a file
// written before version 4, or not yet by a daemon). `db` is at the current
// schema version or an older one.
Result<std::chrono::minutes> ReadDayStarts(sqlite3* db);

}  // namespace unsit::storage
