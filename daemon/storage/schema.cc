#include "storage/schema.h"

#include <optional>
#include <string>

#include "storage/sqlite_util.h"

namespace unsit::schema {

const char* const kVersion1Sql = R"sql(
CREATE TABLE bouts (
  id            INTEGER PRIMARY KEY,
  start_wall    INTEGER NOT NULL,   -- UTC, ms since the epoch
  end_wall      INTEGER NOT NULL,
  length_ms     INTEGER NOT NULL,   -- from the boot clock; totals use this
  end_reason    TEXT    NOT NULL,   -- break | standing | shutdown
  limit_wall    INTEGER            -- when it reached sit_limit (first reminder); NULL: never
);
CREATE TABLE breaks (
  id             INTEGER PRIMARY KEY,
  start_wall     INTEGER NOT NULL,
  end_wall       INTEGER,           -- NULL while the break goes on
  length_ms      INTEGER,           -- from the boot clock, set with end_wall
  cause          TEXT    NOT NULL,  -- idle | lock | suspend | done
  after_reminder INTEGER NOT NULL   -- begun while a reminder was open, or by done
);
CREATE TABLE reminders (
  id          INTEGER PRIMARY KEY,
  shown_wall  INTEGER NOT NULL,     -- first shown (or closed, if never shown)
  times_shown INTEGER NOT NULL,     -- 1 + re-shows; 0 when held and never shown
  outcome     TEXT    NOT NULL,     -- shown | done | up | snoozed | skipped | dismissed | withdrawn
  closed_wall INTEGER,
  sitting_ms  INTEGER NOT NULL      -- bout length when last shown or closed
);
CREATE TABLE open_bout (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  boot_id        TEXT    NOT NULL,
  start_boot     INTEGER NOT NULL,  -- CLOCK_BOOTTIME ms of boot_id
  last_seen_boot INTEGER NOT NULL,
  start_wall     INTEGER NOT NULL,
  last_seen_wall INTEGER NOT NULL
);
)sql";

namespace {

constexpr const char* kVersion2Sql = R"sql(
CREATE INDEX bouts_start ON bouts (start_wall);
CREATE INDEX breaks_start ON breaks (start_wall);
CREATE INDEX reminders_shown ON reminders (shown_wall);
)sql";

// A withdrawn reminder whose closing falls inside a break begun after it was up
// was heeded: the user got up on their own. Reminders withdrawn at shutdown stay.
constexpr const char* kVersion3Sql = R"sql(
CREATE TABLE rotation (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  shown TEXT    NOT NULL,  -- ids shown in the current round, in order, one per line
  last  TEXT    NOT NULL   -- the id shown last
);
UPDATE reminders SET outcome = 'up'
  WHERE outcome = 'withdrawn' AND closed_wall IS NOT NULL AND EXISTS (
    SELECT 1 FROM breaks
    WHERE breaks.after_reminder != 0 AND breaks.start_wall <= reminders.closed_wall
      AND (breaks.end_wall IS NULL OR breaks.end_wall >= reminders.closed_wall));
)sql";

// The day start the daemon works with, for readers of the file that have not
// read its config (the CLI while the daemon is stopped).
constexpr const char* kVersion4Sql = R"sql(
CREATE TABLE day_start (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  minutes INTEGER NOT NULL  -- history.day_starts: minutes after local midnight
);
)sql";

// Time stood at a standing desk, one row per spell; until now it was not kept,
// so older days simply have none.
constexpr const char* kVersion5Sql = R"sql(
CREATE TABLE standing (
  id         INTEGER PRIMARY KEY,
  start_wall INTEGER NOT NULL,
  end_wall   INTEGER NOT NULL,
  length_ms  INTEGER NOT NULL  -- from the boot clock; totals use this
);
CREATE INDEX standing_start ON standing (start_wall);
)sql";

// kMigrations[v] takes the schema from version v to v + 1.
const char* const kMigrations[kSchemaVersion] = {kVersion1Sql, kVersion2Sql, kVersion3Sql,
                                                 kVersion4Sql, kVersion5Sql};

Status Step(sqlite3* db, int from) {
  sql::Transaction txn(db);
  if (Status s = txn.Begin(); !s.ok()) return s;
  if (Status s = sql::Exec(db, kMigrations[from]); !s.ok()) return s;
  std::string bump = "PRAGMA user_version = " + std::to_string(from + 1);
  if (Status s = sql::Exec(db, bump.c_str()); !s.ok()) return s;
  return txn.Commit();
}

}  // namespace

Error NewerVersionError(long long version) {
  return Error{errc::kHistoryNewer,
               "The history file was written by a newer unsit (schema version " +
                   std::to_string(version) + ", this one knows up to " +
                   std::to_string(kSchemaVersion) +
                   "); it is left untouched and nothing is recorded. "
                   "Upgrade unsit."};
}

std::optional<std::string> VersionDamage(sqlite3* db, long long version) {
  if (version < 0) return "schema version " + std::to_string(version) + " is negative";
  if (version != 0) return std::nullopt;
  sql::IntQuery tables = sql::QueryInt(db, "SELECT count(*) FROM sqlite_master");
  if (tables.rc != SQLITE_OK || tables.value == 0) return std::nullopt;
  return "schema version 0 on a file that has tables";
}

Status Migrate(sqlite3* db) {
  sql::IntQuery version = sql::QueryInt(db, "PRAGMA user_version");
  if (version.rc != SQLITE_OK)
    return sql::SqlError(db, version.rc, "Cannot read the history version");
  if (version.value > kSchemaVersion) return NewerVersionError(version.value);
  // Only versions the table has a row for ever index it.
  if (std::optional<std::string> bad = VersionDamage(db, version.value)) {
    return Error{errc::kHistoryCorrupt, "The history file is damaged (" + *bad + ")."};
  }
  for (int from = static_cast<int>(version.value); from < kSchemaVersion; ++from) {
    if (Status s = Step(db, from); !s.ok()) return s;
  }
  return Ok{};
}

}  // namespace unsit::schema
