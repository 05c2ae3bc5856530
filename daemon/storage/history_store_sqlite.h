#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/config.h"
#include "core/result.h"
#include "storage/history_store.h"

struct sqlite3;

namespace unsit {

// The SQLite history: one file in WAL mode, written by the daemon only.
//
// Durability: synchronous=NORMAL, which in WAL mode survives a crash or
// kill -9 of the daemon; transitions (bout, break and reminder rows) are
// committed with synchronous=FULL so that a power cut cannot lose them either.
// Checkpoints of the open bout stay NORMAL: losing the last one costs at most
// one checkpoint interval, which is the contract anyway.
//
// Disk full and other passing I/O errors: Record returns the error and keeps
// the decision in memory (in order, up to kMaxPending); every later Record
// first retries what waits, so recording resumes when space returns and
// nothing already recorded is touched (each write is one transaction).
//
// Retention: rows older than history.keep are deleted in batches of at most
// kPruneBatch rows per table. Record runs one batch after a successful write
// whenever pruning is due (after opening and at each new history day), so
// the shell need not call PruneSome; it may, to prune at a moment it picks.
class SqliteHistoryStore : public HistoryStore {
 public:
  static constexpr size_t kMaxPending = 4096;
  static constexpr int kPruneBatch = 200;

  // Opens (creating it and its directories, 0700, when absent) the history at
  // `path`. `boot_id` is stamped on the open-bout checkpoint. See
  // OpenHistoryStore for what happens to damaged, newer or unreadable files.
  static Result<std::unique_ptr<SqliteHistoryStore>> Open(const std::string& path,
                                                          const Config::History& config,
                                                          std::string boot_id);
  ~SqliteHistoryStore() override;

  Status Record(const Now& now, const Decision& decision) override;
  Status WritePending() override;
  size_t Unwritten() const override { return pending_.size(); }
  // Today's totals exclude the open bout: the model either continues it (and
  // counts it when it closes) or the shell records its BoutClosed and loads
  // again (see storage/restore.h, ResumeFromHistory).
  Result<StoredState> Load(const Now& now) override;
  // Includes the checkpointed part of the open bout.
  Result<std::vector<DayView>> Days(const Now& now, int days) override;
  std::string Path() const override { return path_; }
  Result<RotationState> LoadRotation() override;
  // Written at once, with synchronous=NORMAL like a checkpoint.
  Status SaveRotation(const RotationState& state) override;
  // Written at once, with synchronous=NORMAL like a checkpoint.
  Status SetDayStarts(std::chrono::minutes day_starts) override;

  // Deletes up to kPruneBatch rows per table older than now - history.keep.
  // Returns true while more old rows remain (call again later).
  Result<bool> PruneSome(const Now& now);

  // What happened to a damaged file when opening (moved aside), if anything.
  const std::optional<Error>& notice() const { return notice_; }

 private:
  struct DbCloser {
    void operator()(sqlite3* db) const;
  };
  using Db = std::unique_ptr<sqlite3, DbCloser>;
  struct Pending {
    Now now;
    Decision decision;
  };

  SqliteHistoryStore(Db db, std::string path, const Config::History& config, std::string boot_id);

  Status Write(const Now& now, const Decision& decision);
  Status SetSynchronous(bool full);
  void Enqueue(const Now& now, const Decision& decision);
  void MaybePrune(const Now& now);

  // Each writes one decision in its own transaction.
  Status WriteOpenBout(BootTime start, BootTime last_seen, WallTime start_wall,
                       WallTime last_seen_wall);
  Status WriteBoutStarted(const out::BoutStarted& started);
  Status WriteBoutClosed(const out::BoutClosed& closed);
  Status WriteBreakStarted(const out::BreakStarted& started, const Now& now);
  Status WriteBreakEnded(const out::BreakEnded& ended);
  Status WriteShowReminder(const out::ShowReminder& show, const Now& now);
  Status WriteCloseReminder(const out::CloseReminder& close, const Now& now);
  Status WriteStandClosed(const out::StandClosed& closed);
  // history_store_split.cc: a bout split where the wall clock stepped across
  // midnight (DayRolled::split), and the rows of that bout written after it.
  Status WriteSplit(const out::BoutSplit& split);
  out::Checkpoint Rebased(const out::Checkpoint& checkpoint) const;
  out::BoutClosed Rebased(const out::BoutClosed& closed) const;

  Db db_;
  std::string path_;
  Config::History config_;
  std::string boot_id_;
  std::optional<Error> notice_;
  std::deque<Pending> pending_;
  std::optional<Error> failure_;  // of the last write, until one succeeds
  bool synchronous_full_ = false;

  // What the rows being written depend on (restored by Load where it can be).
  std::optional<std::int64_t> open_break_id_;
  std::optional<std::int64_t> open_reminder_id_;
  std::optional<WallTime> limit_wall_;          // the open bout's first reminder
  std::optional<BootTime> reminder_withdrawn_;  // when the last one was withdrawn
  std::optional<WallTime> pruned_day_;          // the history day of the last full prune
  // The open bout (which the model names by its start `from`) was split: its
  // stored rest begins at `to`, reading `to_wall`.
  struct Rebase {
    BootTime from;
    BootTime to;
    WallTime to_wall;
  };
  std::optional<Rebase> rebase_;
};

// Opens the history store at `path` (DefaultHistoryPath() for the daemon).
// - Absent: created, with its directories (0700).
// - Damaged (not a database, or integrity_check fails): moved aside to
//   `<path>.corrupt-<UTC timestamp>` (with its -wal/-shm), a new one is
//   started, and `*notice` (when given) says what happened and where the old
//   file went. The shell logs it.
// - Written by a newer unsit, or unreadable/unwritable: an error that says so;
//   the file is left untouched and the daemon runs without history.
Result<std::unique_ptr<HistoryStore>> OpenHistoryStore(const std::string& path,
                                                       const Config::History& config,
                                                       std::optional<Error>* notice = nullptr);

// /proc/sys/kernel/random/boot_id, or "" when it cannot be read.
std::string ReadBootId();

}  // namespace unsit
