#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/day_totals.h"
#include "core/result.h"
#include "core/time.h"

namespace unsit {

// The default history file: $XDG_STATE_HOME/unsit/history.db
// ($HOME/.local/state/unsit/history.db when XDG_STATE_HOME is unset).
std::string DefaultHistoryPath();

// Reads the last `days` history days (oldest first, today included) straight
// from the database, read-only, for when the daemon is not running. An absent
// file gives empty days, not an error.
Result<std::vector<DayView>> ReadHistoryDays(const std::string& db_path, const Now& now, int days);

// The local time at which the daemon that writes the file starts a history day
// (history.day_starts, recorded by HistoryStore::SetDayStarts), so that a
// reader splits days as the daemon does: ReadNow(ReadHistoryDayStarts(path)).
// Local midnight when none was recorded or there is no file.
Result<std::chrono::minutes> ReadHistoryDayStarts(const std::string& db_path);

}  // namespace unsit
