#include "storage/day_start.h"

#include "storage/sqlite_util.h"

namespace unsit::storage {

namespace {
constexpr int kFirstVersionWithDayStart = 4;
}  // namespace

Status WriteDayStarts(sqlite3* db, std::chrono::minutes day_starts) {
  auto stmt = sql::Prepare(db,
                           "INSERT INTO day_start (id, minutes) VALUES (1, ?1) "
                           "ON CONFLICT (id) DO UPDATE SET minutes = ?1");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, static_cast<std::int64_t>(day_starts.count()));
  return stmt->Run("Cannot record the day start");
}

Result<std::chrono::minutes> ReadDayStarts(sqlite3* db) {
  sql::IntQuery version = sql::QueryInt(db, "PRAGMA user_version");
  if (version.rc != SQLITE_OK) return sql::SqlError(db, version.rc, "Cannot read the day start");
  if (version.value < kFirstVersionWithDayStart) return std::chrono::minutes(0);
  auto stmt = sql::Prepare(db, "SELECT minutes FROM day_start");
  if (!stmt.ok()) return stmt.error();
  const int rc = stmt->Step();
  if (rc == SQLITE_DONE) return std::chrono::minutes(0);
  if (rc != SQLITE_ROW) return sql::SqlError(db, rc, "Cannot read the day start");
  return std::chrono::minutes(stmt->Int(0));
}

}  // namespace unsit::storage
