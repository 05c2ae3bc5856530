#include "storage/open_db.h"

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "storage/schema.h"

namespace unsit::storage {
namespace {

bool Exists(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0;
}

// Creates the missing directories above `path`, each 0700.
Status MakeParents(const std::string& path) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    std::string dir = path.substr(0, slash);
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      return Error{errc::kHistoryIo, "Cannot create the history directory " + dir + ": " +
                                         std::strerror(errno) + "."};
    }
  }
  return Ok{};
}

std::string UtcStamp() {
  time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  tm utc{};
  gmtime_r(&t, &utc);
  std::array<char, 32> text{};
  strftime(text.data(), text.size(), "%Y%m%dT%H%M%SZ", &utc);
  return text.data();
}

// Renames the file and its WAL companions; a stale WAL must never meet a new file.
Result<std::string> MoveAside(const std::string& path) {
  std::string target = CorruptPath(path, UtcStamp());
  for (int n = 1; Exists(target); ++n) {
    target = CorruptPath(path, UtcStamp()) + "." + std::to_string(n);
  }
  if (std::rename(path.c_str(), target.c_str()) != 0) {
    return Error{errc::kHistoryIo,
                 "The history file " + path +
                     " is damaged and could not be moved aside: " + std::strerror(errno) + "."};
  }
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::string from = path + suffix;
    if (Exists(from)) std::rename(from.c_str(), (target + suffix).c_str());
  }
  return target;
}

// Nullopt when the file is sound; otherwise why it is not.
std::optional<std::string> Damage(sqlite3* db, int* rc_out) {
  sql::IntQuery version = sql::QueryInt(db, "PRAGMA user_version");
  *rc_out = version.rc;
  if (sql::IsCorruption(version.rc)) return sqlite3_errstr(version.rc);
  if (version.rc != SQLITE_OK || version.value > schema::kSchemaVersion) return std::nullopt;
  if (std::optional<std::string> bad = schema::VersionDamage(db, version.value)) return bad;
  if (version.value == 0) return std::nullopt;
  auto check = sql::Prepare(db, "PRAGMA integrity_check(1)");
  if (!check.ok()) return check.error().message;
  int rc = check->Step();
  if (rc == SQLITE_ROW && check->Text(0) == "ok") return std::nullopt;
  if (rc == SQLITE_ROW) return "integrity check: " + check->Text(0);
  *rc_out = rc;
  return sql::IsCorruption(rc) ? std::optional<std::string>(sqlite3_errstr(rc)) : std::nullopt;
}

Status Configure(sqlite3* db) {
  auto mode = sql::Prepare(db, "PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.error();
  int rc = mode->Step();
  if (rc != SQLITE_ROW || mode->Text(0) != "wal") {
    return sql::SqlError(db, rc == SQLITE_ROW ? SQLITE_ERROR : rc,
                         "Cannot switch the history to WAL");
  }
  if (Status synchronous = sql::Exec(db, "PRAGMA synchronous = NORMAL"); !synchronous) {
    return synchronous;
  }
  // SQLite's default page cache (2 MB) fills as history is read (restore, status,
  // `unsit history`) and is never given back: resident memory for the daemon's
  // life. Writes touch a few pages and a year of days reads fast enough from the
  // OS file cache, so 256 KiB is enough.
  return sql::Exec(db, "PRAGMA cache_size = -256");
}

Result<sql::Db> OpenChecked(const std::string& path, std::optional<Error>& notice) {
  auto db = sql::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db.ok()) return db.error();
  int rc = SQLITE_OK;
  std::optional<std::string> damage = Damage(db->get(), &rc);
  if (!damage && rc != SQLITE_OK)
    return sql::SqlError(db->get(), rc, "Cannot read the history file " + path);
  if (!damage) return db;
  db->reset();
  auto moved = MoveAside(path);
  if (!moved.ok()) return moved.error();
  notice = Error{errc::kHistoryCorrupt, "The history file " + path + " was damaged (" + *damage +
                                            "); it was moved to " + *moved +
                                            " and a new, empty history was started."};
  return sql::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

Status RefuseUnusable(const std::string& path) {
  if (Exists(path) && access(path.c_str(), R_OK | W_OK) != 0) {
    return Error{errc::kHistoryUnreadable, "The history file " + path +
                                               " cannot be read and written (" +
                                               std::strerror(errno) +
                                               "); it is left untouched and nothing is recorded. "
                                               "Fix its permissions and restart unsitd."};
  }
  return Ok{};
}

}  // namespace

std::string CorruptPath(const std::string& path, const std::string& stamp) {
  return path + ".corrupt-" + stamp;
}

Result<OpenedDb> OpenForWriting(const std::string& path) {
  if (Status s = MakeParents(path); !s.ok()) return s.error();
  if (Status s = RefuseUnusable(path); !s.ok()) return s.error();
  OpenedDb opened;
  auto db = OpenChecked(path, opened.notice);
  if (!db.ok()) return db.error();
  if (sqlite3_db_readonly(db->get(), "main") == 1) {
    return Error{errc::kHistoryUnreadable, "The history file " + path +
                                               " is read-only; it is left untouched and nothing is "
                                               "recorded. Fix its permissions and restart unsitd."};
  }
  // Refuse a newer file before any pragma writes to it.
  sql::IntQuery version = sql::QueryInt(db->get(), "PRAGMA user_version");
  if (version.rc == SQLITE_OK && version.value > schema::kSchemaVersion) {
    return schema::NewerVersionError(version.value);
  }
  if (Status s = Configure(db->get()); !s.ok()) return s.error();
  if (Status s = schema::Migrate(db->get()); !s.ok()) return s.error();
  opened.db = std::move(*db);
  return opened;
}

Result<sql::Db> OpenForReading(const std::string& path) {
  if (!Exists(path)) return sql::Db();
  auto db = sql::Open(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return db.error();
  sql::IntQuery version = sql::QueryInt(db->get(), "PRAGMA user_version");
  if (version.rc != SQLITE_OK) {
    return sql::SqlError(db->get(), version.rc, "Cannot read the history file " + path);
  }
  if (version.value > schema::kSchemaVersion) return schema::NewerVersionError(version.value);
  if (std::optional<std::string> bad = schema::VersionDamage(db->get(), version.value)) {
    return Error{errc::kHistoryCorrupt, "The history file " + path + " is damaged (" + *bad + ")."};
  }
  if (version.value == 0) return sql::Db();
  return db;
}

}  // namespace unsit::storage
