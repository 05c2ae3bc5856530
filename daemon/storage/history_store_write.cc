// The writes of SqliteHistoryStore: one decision, one transaction. In-memory
// state changes only after the write succeeded, so a failed write can be
// retried as it is.

#include <sqlite3.h>

#include "core/model.h"
#include "storage/history_store_sqlite.h"
#include "storage/sqlite_util.h"

namespace unsit {
namespace {

std::int64_t Ms(WallTime t) { return t.time_since_epoch().count(); }
std::int64_t Ms(BootTime t) { return t.time_since_epoch().count(); }
std::int64_t Ms(Duration d) { return d.count(); }

}  // namespace

Status SqliteHistoryStore::WriteOpenBout(BootTime start, BootTime last_seen, WallTime start_wall,
                                         WallTime last_seen_wall) {
  auto stmt = sql::Prepare(db_.get(),
                           "INSERT OR REPLACE INTO open_bout (id, boot_id, start_boot, "
                           "last_seen_boot, start_wall, last_seen_wall) VALUES (1, ?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, boot_id_).Bind(2, Ms(start)).Bind(3, Ms(last_seen));
  stmt->Bind(4, Ms(start_wall)).Bind(5, Ms(last_seen_wall));
  return stmt->Run("Cannot write the open bout");
}

Status SqliteHistoryStore::WriteBoutStarted(const out::BoutStarted& started) {
  sql::Transaction txn(db_.get());
  if (Status s = txn.Begin(); !s.ok()) return s;
  // A break left open by an earlier run (it stopped during the break) ended
  // when this bout began; its length can only come from the wall clock.
  auto close = sql::Prepare(db_.get(),
                            "UPDATE breaks SET end_wall = ?1, length_ms = ?1 - start_wall "
                            "WHERE end_wall IS NULL AND start_wall <= ?1");
  if (!close.ok()) return close.error();
  close->Bind(1, Ms(started.wall));
  if (Status s = close->Run("Cannot close an earlier break"); !s.ok()) return s;
  if (Status s = WriteOpenBout(started.at, started.at, started.wall, started.wall); !s.ok()) {
    return s;
  }
  if (Status s = txn.Commit(); !s.ok()) return s;
  open_break_id_.reset();
  limit_wall_.reset();
  rebase_.reset();
  return Ok{};
}

Status SqliteHistoryStore::WriteBoutClosed(const out::BoutClosed& closed) {
  sql::Transaction txn(db_.get());
  if (Status s = txn.Begin(); !s.ok()) return s;
  auto insert = sql::Prepare(db_.get(),
                             "INSERT INTO bouts (start_wall, end_wall, length_ms, end_reason, "
                             "limit_wall) VALUES (?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.error();
  insert->Bind(1, Ms(closed.start_wall)).Bind(2, Ms(closed.end_wall));
  insert->Bind(3, Ms(closed.length())).Bind(4, ToString(closed.why));
  insert->Bind(5, limit_wall_ ? std::optional<std::int64_t>(Ms(*limit_wall_)) : std::nullopt);
  if (Status s = insert->Run("Cannot record a bout"); !s.ok()) return s;
  if (Status s = sql::Exec(db_.get(), "DELETE FROM open_bout"); !s.ok()) return s;
  if (Status s = txn.Commit(); !s.ok()) return s;
  limit_wall_.reset();
  return Ok{};
}

Status SqliteHistoryStore::WriteStandClosed(const out::StandClosed& closed) {
  auto stmt = sql::Prepare(
      db_.get(), "INSERT INTO standing (start_wall, end_wall, length_ms) VALUES (?, ?, ?)");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, Ms(closed.start_wall)).Bind(2, Ms(closed.end_wall)).Bind(3, Ms(closed.length()));
  return stmt->Run("Cannot record standing time");
}

Status SqliteHistoryStore::WriteBreakStarted(const out::BreakStarted& started, const Now& now) {
  bool after_reminder = started.cause == BreakCause::kDone || open_reminder_id_.has_value() ||
                        reminder_withdrawn_ == now.boot;
  auto stmt = sql::Prepare(
      db_.get(), "INSERT INTO breaks (start_wall, cause, after_reminder) VALUES (?, ?, ?)");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, Ms(started.wall)).Bind(2, ToString(started.cause));
  stmt->Bind(3, std::int64_t{after_reminder ? 1 : 0});
  if (Status s = stmt->Run("Cannot record a break"); !s.ok()) return s;
  open_break_id_ = sqlite3_last_insert_rowid(db_.get());
  return Ok{};
}

Status SqliteHistoryStore::WriteBreakEnded(const out::BreakEnded& ended) {
  Duration length = ended.end - ended.start;
  auto stmt =
      open_break_id_
          ? sql::Prepare(db_.get(), "UPDATE breaks SET end_wall = ?2, length_ms = ?3 WHERE id = ?1")
          : sql::Prepare(db_.get(),
                         "INSERT INTO breaks (start_wall, end_wall, length_ms, cause, "
                         "after_reminder) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!stmt.ok()) return stmt.error();
  if (open_break_id_) {
    stmt->Bind(1, std::int64_t{*open_break_id_});
  } else {
    stmt->Bind(1, Ms(ended.start_wall)).Bind(4, ToString(ended.cause));
    stmt->Bind(5, std::int64_t{ended.cause == BreakCause::kDone ? 1 : 0});
  }
  stmt->Bind(2, Ms(ended.end_wall)).Bind(3, Ms(length));
  if (Status s = stmt->Run("Cannot record the end of a break"); !s.ok()) return s;
  open_break_id_.reset();
  return Ok{};
}

Status SqliteHistoryStore::WriteShowReminder(const out::ShowReminder& show, const Now& now) {
  bool update = open_reminder_id_.has_value() && show.shown > 1;
  auto stmt = update ? sql::Prepare(db_.get(),
                                    "UPDATE reminders SET times_shown = ?2, sitting_ms = ?3 "
                                    "WHERE id = ?1")
                     : sql::Prepare(db_.get(),
                                    "INSERT INTO reminders (shown_wall, times_shown, outcome, "
                                    "sitting_ms) VALUES (?1, ?2, 'shown', ?3)");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, update ? std::int64_t{*open_reminder_id_} : Ms(now.wall));
  stmt->Bind(2, std::int64_t{std::max(show.shown, 1)}).Bind(3, Ms(show.sitting));
  if (Status s = stmt->Run("Cannot record a reminder"); !s.ok()) return s;
  if (!update) open_reminder_id_ = sqlite3_last_insert_rowid(db_.get());
  if (!limit_wall_) limit_wall_ = now.wall;
  return Ok{};
}

Status SqliteHistoryStore::WriteCloseReminder(const out::CloseReminder& close, const Now& now) {
  // A reminder held and never shown is still recorded, with times_shown 0.
  auto stmt = open_reminder_id_
                  ? sql::Prepare(db_.get(),
                                 "UPDATE reminders SET outcome = ?2, closed_wall = ?3, "
                                 "sitting_ms = ?4 WHERE id = ?1")
                  : sql::Prepare(db_.get(),
                                 "INSERT INTO reminders (shown_wall, times_shown, outcome, "
                                 "closed_wall, sitting_ms) VALUES (?3, 0, ?2, ?3, ?4)");
  if (!stmt.ok()) return stmt.error();
  if (open_reminder_id_) stmt->Bind(1, std::int64_t{*open_reminder_id_});
  stmt->Bind(2, ToString(close.outcome)).Bind(3, Ms(now.wall)).Bind(4, Ms(close.sitting));
  if (Status s = stmt->Run("Cannot record a reminder outcome"); !s.ok()) return s;
  open_reminder_id_.reset();
  if (close.outcome == ReminderOutcome::kWithdrawn || close.outcome == ReminderOutcome::kUpOnOwn) {
    reminder_withdrawn_ = now.boot;
  }
  return Ok{};
}

}  // namespace unsit
