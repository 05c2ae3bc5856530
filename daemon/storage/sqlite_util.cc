#include "storage/sqlite_util.h"

#include <utility>

namespace unsit::sql {
namespace {
// How long a statement waits for another process's lock. The daemon writes on
// its one event loop, so a long wait stalls everything (2 s per statement was
// 4 s for `status` and 8.8 s for `done`); a write that finds the file locked
// fails soon instead, its record waits in memory and goes out with the next
// write. With WAL, readers never hold writers up, so only another writer does.
constexpr int kBusyTimeoutMs = 50;
}  // namespace

bool IsCorruption(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

bool IsTransient(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_BUSY ||
         primary == SQLITE_LOCKED;
}

Error SqlError(sqlite3* db, int rc, std::string_view what) {
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xff;
  const char* code = primary == SQLITE_FULL ? errc::kHistoryFull
                     : IsCorruption(rc)     ? errc::kHistoryCorrupt
                     : IsTransient(rc)      ? errc::kHistoryIo
                                            : errc::kHistorySql;
  std::string message = std::string(what) + ": " + detail + ".";
  if (primary == SQLITE_FULL) message += " Free some disk space; recording resumes then.";
  return Error{code, message};
}

Result<Db> Open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return SqlError(raw, rc, "Cannot open the history file " + path);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return db;
}

Status Exec(sqlite3* db, const char* sql) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqlError(db, rc, "History statement failed");
  return Ok{};
}

Stmt::Stmt(Stmt&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::Bind(int index, std::optional<std::int64_t> value) {
  if (value) return Bind(index, *value);
  sqlite3_bind_null(stmt_, index);
  return *this;
}

int Stmt::Step() { return sqlite3_step(stmt_); }

Status Stmt::Run(std::string_view what) {
  int rc = Step();
  while (rc == SQLITE_ROW) rc = Step();
  if (rc != SQLITE_DONE) return SqlError(db_, rc, what);
  return Ok{};
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Stmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Stmt::MaybeInt(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return Int(column);
}

std::string Stmt::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text != nullptr ? reinterpret_cast<const char*>(text) : "";
}

Result<Stmt> Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  if (rc != SQLITE_OK) return SqlError(db, rc, "Cannot prepare a history query");
  return Stmt(db, raw);
}

IntQuery QueryInt(sqlite3* db, const char* sql) {
  auto stmt = Prepare(db, sql);
  if (!stmt.ok()) return IntQuery{sqlite3_extended_errcode(db), 0};
  int rc = stmt->Step();
  if (rc == SQLITE_ROW) return IntQuery{SQLITE_OK, stmt->Int(0)};
  return IntQuery{rc == SQLITE_DONE ? SQLITE_OK : rc, 0};
}

Transaction::~Transaction() {
  if (open_ && sqlite3_get_autocommit(db_) == 0)
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Begin() {
  Status begun = Exec(db_, "BEGIN IMMEDIATE");
  open_ = begun.ok();
  return begun;
}

Status Transaction::Commit() {
  Status done = Exec(db_, "COMMIT");
  if (done.ok()) open_ = false;
  return done;
}

}  // namespace unsit::sql
