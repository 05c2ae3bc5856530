#include "storage/history_reader.h"

#include <cstdlib>

#include "storage/day_start.h"
#include "storage/day_tally.h"
#include "storage/open_db.h"

namespace unsit {

std::string DefaultHistoryPath() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state != nullptr && state[0] == '/') return std::string(state) + "/unsit/history.db";
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : "") + "/.local/state/unsit/history.db";
}

Result<std::vector<DayView>> ReadHistoryDays(const std::string& db_path, const Now& now, int days) {
  std::vector<storage::DayRange> ranges = storage::LastDays(now, days, storage::DayStartsOf(now));
  auto db = storage::OpenForReading(db_path);
  if (!db.ok()) return db.error();
  if (*db == nullptr) return storage::TallyDays(nullptr, ranges, /*include_open=*/false);
  return storage::TallyDays(db->get(), ranges, /*include_open=*/true);
}

Result<std::chrono::minutes> ReadHistoryDayStarts(const std::string& db_path) {
  auto db = storage::OpenForReading(db_path);
  if (!db.ok()) return db.error();
  if (*db == nullptr) return std::chrono::minutes(0);
  return storage::ReadDayStarts(db->get());
}

}  // namespace unsit
