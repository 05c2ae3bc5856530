#pragma once

// The history schema and its migrations. The version lives in
// PRAGMA user_version: 0 is an empty file, kSchemaVersion the current one.

#include <sqlite3.h>

#include <optional>
#include <string>

#include "core/result.h"

namespace unsit::schema {

// Version history:
//   1  tables bouts, breaks, reminders, open_bout (all times in UTC ms / boot ms).
//   2  indexes on the start time of bouts, breaks and reminders, for day reads
//      and pruning.
//   3  table rotation (where the stretch rotation stands); reminders withdrawn
//      because a break began become outcome 'up' (the user got up on their own).
//   4  table day_start (history.day_starts of the daemon that writes the file).
//   5  table standing (spells of standing at a standing desk).
inline constexpr int kSchemaVersion = 5;

// The SQL that creates version 1; kept verbatim so that tests can build a
// version-1 file by hand and so that a new file replays every migration.
extern const char* const kVersion1Sql;

// Brings the database from its user_version up to kSchemaVersion, one
// migration per version, each in its own transaction together with the new
// user_version (a crash leaves either the old or the new version, never a mix).
// A version newer than kSchemaVersion is an error, and nothing is written; so
// is a damaged one (VersionDamage).
Status Migrate(sqlite3* db);

// Why a file's `version` cannot be true, or nullopt: a negative version, or 0
// (an empty file) on a file that has tables. Such a header was damaged.
std::optional<std::string> VersionDamage(sqlite3* db, long long version);

// The error for a file of schema `version` > kSchemaVersion.
Error NewerVersionError(long long version);

}  // namespace unsit::schema
