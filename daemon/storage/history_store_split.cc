// A bout open while the wall clock stepped across midnight: the model splits
// it there (DayRolled::split), and so does the history. The part before the
// step becomes a row of the old day (end_reason "day"), and the stored open
// bout starts again at the split, so that the tally, which places each row by
// its start on the wall clock and its boot-clock length, counts no part on
// both days. Later rows of that bout are written from the split.

#include <sqlite3.h>

#include <algorithm>

#include "core/model.h"
#include "storage/history_store_sqlite.h"
#include "storage/sqlite_util.h"

namespace unsit {
namespace {

using std::chrono::milliseconds;

std::int64_t Ms(Duration d) { return d.count(); }
std::int64_t Ms(WallTime t) { return Ms(t.time_since_epoch()); }
std::int64_t Ms(BootTime t) { return Ms(t.time_since_epoch()); }

}  // namespace

Status SqliteHistoryStore::WriteSplit(const out::BoutSplit& split) {
  BootTime start;
  WallTime start_wall;
  {
    auto open = sql::Prepare(db_.get(), "SELECT start_boot, start_wall FROM open_bout");
    if (!open.ok()) return open.error();
    int rc = open->Step();
    if (rc == SQLITE_DONE) return Ok{};  // no open bout stored: nothing to split
    if (rc != SQLITE_ROW) return sql::SqlError(db_.get(), rc, "Cannot read the open bout");
    start = BootTime(milliseconds(open->Int(0)));
    start_wall = WallTime(milliseconds(open->Int(1)));
  }  // finalized before the transaction writes
  const Duration before = split.at - start;
  sql::Transaction txn(db_.get());
  if (Status s = txn.Begin(); !s.ok()) return s;
  if (before > Duration::zero()) {
    auto insert = sql::Prepare(db_.get(),
                               "INSERT INTO bouts (start_wall, end_wall, length_ms, end_reason, "
                               "limit_wall) VALUES (?, ?, ?, 'day', ?)");
    if (!insert.ok()) return insert.error();
    insert->Bind(1, Ms(start_wall)).Bind(2, Ms(start_wall + before)).Bind(3, Ms(before));
    insert->Bind(4, limit_wall_ ? std::optional<std::int64_t>(Ms(*limit_wall_)) : std::nullopt);
    if (Status s = insert->Run("Cannot record the part of a bout before midnight"); !s.ok()) {
      return s;
    }
  }
  auto move = sql::Prepare(db_.get(),
                           "UPDATE open_bout SET start_boot = ?1, start_wall = ?2, "
                           "last_seen_boot = max(last_seen_boot, ?1), "
                           "last_seen_wall = ?2 + max(last_seen_boot, ?1) - ?1");
  if (!move.ok()) return move.error();
  move->Bind(1, Ms(split.at)).Bind(2, Ms(split.wall));
  if (Status s = move->Run("Cannot move the open bout past midnight"); !s.ok()) return s;
  if (Status s = txn.Commit(); !s.ok()) return s;
  if (before > Duration::zero()) limit_wall_.reset();  // counted on the old day's row
  rebase_ = Rebase{rebase_ ? rebase_->from : start, split.at, split.wall};
  return Ok{};
}

out::Checkpoint SqliteHistoryStore::Rebased(const out::Checkpoint& checkpoint) const {
  if (!rebase_ || checkpoint.bout_start != rebase_->from) return checkpoint;
  Duration moved = rebase_->to - rebase_->from;
  return out::Checkpoint{rebase_->to, rebase_->to_wall,
                         std::max(checkpoint.sitting - moved, Duration::zero())};
}

out::BoutClosed SqliteHistoryStore::Rebased(const out::BoutClosed& closed) const {
  if (!rebase_ || closed.start != rebase_->from) return closed;
  out::BoutClosed rest = closed;
  rest.start = std::min(rebase_->to, closed.end);
  rest.start_wall = rebase_->to_wall;
  return rest;
}

}  // namespace unsit
