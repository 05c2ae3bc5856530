#include "storage/history_store_sqlite.h"

#include <sqlite3.h>

#include <fstream>

#include "storage/day_start.h"
#include "storage/day_tally.h"
#include "storage/open_db.h"
#include "storage/sqlite_util.h"

namespace unsit {
namespace {

bool HoldsNothing(const Decision& decision) {
  if (const auto* rolled = std::get_if<out::DayRolled>(&decision)) return !rolled->split;
  return std::holds_alternative<out::StateChanged>(decision) ||
         std::holds_alternative<out::PauseChanged>(decision) ||
         std::holds_alternative<out::HoldChanged>(decision) ||
         std::holds_alternative<out::ShowDeskPrompt>(decision) ||
         std::holds_alternative<out::CloseDeskPrompt>(decision) ||
         std::holds_alternative<out::WatchBusy>(decision);
}

bool IsPassing(const Error& error) {
  return error.code == errc::kHistoryFull || error.code == errc::kHistoryIo;
}

}  // namespace

void SqliteHistoryStore::DbCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

SqliteHistoryStore::SqliteHistoryStore(Db db, std::string path, const Config::History& config,
                                       std::string boot_id)
    : db_(std::move(db)), path_(std::move(path)), config_(config), boot_id_(std::move(boot_id)) {}

SqliteHistoryStore::~SqliteHistoryStore() = default;

Result<std::unique_ptr<SqliteHistoryStore>> SqliteHistoryStore::Open(const std::string& path,
                                                                     const Config::History& config,
                                                                     std::string boot_id) {
  auto opened = storage::OpenForWriting(path);
  if (!opened.ok()) return opened.error();
  std::unique_ptr<SqliteHistoryStore> store(
      new SqliteHistoryStore(Db(opened->db.release()), path, config, std::move(boot_id)));
  store->notice_ = std::move(opened->notice);
  return store;
}

Status SqliteHistoryStore::Record(const Now& now, const Decision& decision) {
  if (HoldsNothing(decision) && pending_.empty()) {
    if (failure_) return *failure_;
    return Ok{};
  }
  if (!HoldsNothing(decision)) Enqueue(now, decision);
  Status flushed = WritePending();
  if (flushed.ok()) MaybePrune(now);
  return flushed;
}

void SqliteHistoryStore::Enqueue(const Now& now, const Decision& decision) {
  // Only the latest checkpoint matters: it replaces one still waiting.
  if (std::holds_alternative<out::Checkpoint>(decision) && !pending_.empty() &&
      std::holds_alternative<out::Checkpoint>(pending_.back().decision)) {
    pending_.back() = Pending{now, decision};
    return;
  }
  if (pending_.size() >= kMaxPending) pending_.pop_front();
  pending_.push_back(Pending{now, decision});
}

Status SqliteHistoryStore::WritePending() {
  while (!pending_.empty()) {
    Status written = Write(pending_.front().now, pending_.front().decision);
    if (written.ok()) {
      pending_.pop_front();
      failure_.reset();
      continue;
    }
    failure_ = written.error();
    if (!IsPassing(written.error())) {
      pending_.pop_front();  // would fail forever; do not block what follows
      return written;
    }
    Error error = written.error();
    error.message += " " + std::to_string(pending_.size()) +
                     " history record(s) wait in memory and are written when it works again.";
    failure_ = error;
    return error;
  }
  if (failure_) return *failure_;
  return Ok{};
}

Status SqliteHistoryStore::SetSynchronous(bool full) {
  if (full == synchronous_full_) return Ok{};
  Status set =
      sql::Exec(db_.get(), full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  if (set.ok()) synchronous_full_ = full;
  return set;
}

Status SqliteHistoryStore::Write(const Now& now, const Decision& decision) {
  // Transitions are fsynced (FULL); checkpoints only need to survive a crash.
  bool transition = !std::holds_alternative<out::Checkpoint>(decision);
  if (Status s = SetSynchronous(transition); !s.ok()) return s;
  if (const auto* started = std::get_if<out::BoutStarted>(&decision)) {
    return WriteBoutStarted(*started);
  }
  if (const auto* checkpoint = std::get_if<out::Checkpoint>(&decision)) {
    out::Checkpoint cp = Rebased(*checkpoint);
    return WriteOpenBout(cp.bout_start, cp.bout_start + cp.sitting, cp.bout_start_wall,
                         cp.bout_start_wall + cp.sitting);
  }
  if (const auto* closed = std::get_if<out::BoutClosed>(&decision)) {
    Status written = WriteBoutClosed(Rebased(*closed));
    if (written.ok()) rebase_.reset();
    return written;
  }
  if (const auto* rolled = std::get_if<out::DayRolled>(&decision); rolled && rolled->split) {
    return WriteSplit(*rolled->split);
  }
  if (const auto* brk = std::get_if<out::BreakStarted>(&decision)) {
    return WriteBreakStarted(*brk, now);
  }
  if (const auto* ended = std::get_if<out::BreakEnded>(&decision)) return WriteBreakEnded(*ended);
  if (const auto* show = std::get_if<out::ShowReminder>(&decision)) {
    return WriteShowReminder(*show, now);
  }
  if (const auto* close = std::get_if<out::CloseReminder>(&decision)) {
    return WriteCloseReminder(*close, now);
  }
  if (const auto* stood = std::get_if<out::StandClosed>(&decision)) return WriteStandClosed(*stood);
  return Ok{};
}

Result<StoredState> SqliteHistoryStore::Load(const Now& now) {
  StoredState state;
  auto days = storage::TallyDays(db_.get(), {storage::DayRange{now.day_start, now.next_day_start}},
                                 /*include_open=*/false);
  if (!days.ok()) return days.error();
  state.today = days->front().totals;
  auto stmt =
      sql::Prepare(db_.get(),
                   "SELECT boot_id, start_boot, last_seen_boot, start_wall, last_seen_wall, "
                   "(SELECT min(shown_wall) FROM reminders WHERE shown_wall >= start_wall "
                   "AND times_shown > 0) FROM open_bout");
  if (!stmt.ok()) return stmt.error();
  int rc = stmt->Step();
  if (rc == SQLITE_ROW) {
    using std::chrono::milliseconds;
    state.open = OpenBoutRecord{
        stmt->Text(0), BootTime(milliseconds(stmt->Int(1))), BootTime(milliseconds(stmt->Int(2))),
        WallTime(milliseconds(stmt->Int(3))), WallTime(milliseconds(stmt->Int(4)))};
    limit_wall_.reset();
    if (auto limit = stmt->MaybeInt(5)) limit_wall_ = WallTime(milliseconds(*limit));
  } else if (rc != SQLITE_DONE) {
    return sql::SqlError(db_.get(), rc, "Cannot read the open bout");
  }
  return state;
}

Result<std::vector<DayView>> SqliteHistoryStore::Days(const Now& now, int days) {
  return storage::TallyDays(db_.get(), storage::LastDays(now, days, config_.day_starts),
                            /*include_open=*/true);
}

Status SqliteHistoryStore::SetDayStarts(std::chrono::minutes day_starts) {
  config_.day_starts = day_starts;
  if (Status s = SetSynchronous(false); !s.ok()) return s;
  return storage::WriteDayStarts(db_.get(), day_starts);
}

Result<bool> SqliteHistoryStore::PruneSome(const Now& now) {
  if (config_.keep.count() <= 0) return false;
  WallTime cutoff = now.wall - config_.keep;
  bool more = false;
  for (const char* sql :
       {"DELETE FROM bouts WHERE id IN (SELECT id FROM bouts WHERE start_wall < ?1 LIMIT ?2)",
        "DELETE FROM breaks WHERE id IN (SELECT id FROM breaks WHERE start_wall < ?1 LIMIT ?2)",
        "DELETE FROM reminders WHERE id IN "
        "(SELECT id FROM reminders WHERE shown_wall < ?1 LIMIT ?2)"}) {
    auto stmt = sql::Prepare(db_.get(), sql);
    if (!stmt.ok()) return stmt.error();
    stmt->Bind(1, cutoff.time_since_epoch().count()).Bind(2, std::int64_t{kPruneBatch});
    if (Status s = stmt->Run("Cannot prune old history"); !s.ok()) return s.error();
    more = more || sqlite3_changes(db_.get()) >= kPruneBatch;
  }
  return more;
}

void SqliteHistoryStore::MaybePrune(const Now& now) {
  if (pruned_day_ == now.day_start) return;
  // A failed batch is retried on the next Record; the caller may prune itself.
  auto more = PruneSome(now);
  if (more.ok() && !*more) pruned_day_ = now.day_start;
}

Result<std::unique_ptr<HistoryStore>> OpenHistoryStore(const std::string& path,
                                                       const Config::History& config,
                                                       std::optional<Error>* notice) {
  auto store = SqliteHistoryStore::Open(path, config, ReadBootId());
  if (!store.ok()) return store.error();
  if (notice != nullptr) *notice = (*store)->notice();
  return std::unique_ptr<HistoryStore>(std::move(*store));
}

std::string ReadBootId() {
  std::ifstream file("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(file, id);
  return id;
}

}  // namespace unsit
