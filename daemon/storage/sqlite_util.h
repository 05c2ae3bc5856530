#pragma once

// Thin RAII helpers over the SQLite C API, private to daemon/storage.

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace unsit::sql {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

// An Error from a failed SQLite call: code "history_full" for SQLITE_FULL,
// "history_corrupt" for a damaged file, "history_io" for other passing
// failures (I/O, busy), "history_sql" for the rest.
Error SqlError(sqlite3* db, int rc, std::string_view what);

// True for the result codes that mean the file is not a usable database.
bool IsCorruption(int rc);
// True for failures that may pass (disk full, I/O error, busy): worth a retry.
bool IsTransient(int rc);

// Opens `path` with `flags` (SQLITE_OPEN_*), busy timeout set.
Result<Db> Open(const std::string& path, int flags);

// Runs one or more statements that return no rows.
Status Exec(sqlite3* db, const char* sql);

// A prepared statement; finalized on destruction. Step() returns the SQLite
// result code (SQLITE_ROW, SQLITE_DONE or an error).
class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& Bind(int index, std::int64_t value);
  Stmt& Bind(int index, std::string_view value);
  Stmt& Bind(int index, std::optional<std::int64_t> value);
  int Step();
  // Steps to completion; an Error unless the statement finished (SQLITE_DONE).
  Status Run(std::string_view what);
  void Reset();

  std::int64_t Int(int column) const;
  std::optional<std::int64_t> MaybeInt(int column) const;
  std::string Text(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

Result<Stmt> Prepare(sqlite3* db, std::string_view sql);

// Runs `query` with ?1 = `from` and ?2 = `to` (UTC ms) and calls `row` with
// the statement at each row; `what` names the table in the error.
template <typename Row>
Status ForEachRow(sqlite3* db, const char* query,
                  std::chrono::sys_time<std::chrono::milliseconds> from,
                  std::chrono::sys_time<std::chrono::milliseconds> to, const char* what, Row row) {
  auto stmt = Prepare(db, query);
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, from.time_since_epoch().count()).Bind(2, to.time_since_epoch().count());
  int rc;
  while ((rc = stmt->Step()) == SQLITE_ROW) row(*stmt);
  if (rc != SQLITE_DONE) return SqlError(db, rc, std::string("Cannot read the ") + what);
  return Ok{};
}

// Reads one integer (e.g. a PRAGMA); the SQLite result code on failure.
struct IntQuery {
  int rc = SQLITE_OK;
  std::int64_t value = 0;
};
IntQuery QueryInt(sqlite3* db, const char* sql);

// BEGIN IMMEDIATE ... COMMIT; rolled back on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace unsit::sql
