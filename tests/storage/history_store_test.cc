// Round trips of every decision kind through the SQLite history store.
#include <gtest/gtest.h>

#include "core/model.h"
#include "storage/history_store_sqlite.h"
#include "storage/restore.h"
#include "storage/schema.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

class HistoryStoreTest : public storage_testing::HistoryFileTest {
 protected:
  HistoryStoreTest() : HistoryFileTest("state/unsit/history.db") {}
  void SetUp() override { Reopen(); }
  void Reopen() {
    store_.reset();
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    EXPECT_FALSE(store_->notice());
  }
  void Record(WallTime wall, const Decision& decision) {
    Status recorded = store_->Record(At(wall), decision);
    ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  }
  std::int64_t Int(const std::string& sql) { return QueryInt(path_, sql); }
  std::string Text(const std::string& sql) { return QueryText(path_, sql); }

  storage_testing::ScopedTz tz_{"UTC"};
  std::unique_ptr<SqliteHistoryStore> store_;
  WallTime t0_ = Local(2026, 11, 20, 9, 0);
  BootTime b0_ = At(t0_).boot;
};

TEST_F(HistoryStoreTest, CreatesDirectoriesPrivateAndWal) {
  EXPECT_EQ(Text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Int("PRAGMA user_version"), schema::kSchemaVersion);
  EXPECT_EQ(
      std::filesystem::status(dir_.File("state/unsit")).permissions() & std::filesystem::perms::all,
      std::filesystem::perms::owner_all);
  EXPECT_EQ(store_->Path(), path_);
}

TEST_F(HistoryStoreTest, BoutStartedAndCheckpointWriteTheOpenBout) {
  Record(t0_, out::BoutStarted{b0_, t0_});
  EXPECT_EQ(Text("SELECT boot_id FROM open_bout"), "boot-a");
  EXPECT_EQ(Int("SELECT last_seen_boot - start_boot FROM open_bout"), 0);
  Record(t0_ + 5min, out::Checkpoint{b0_, t0_, 5min});
  EXPECT_EQ(Int("SELECT last_seen_boot - start_boot FROM open_bout"), 300000);
  EXPECT_EQ(Int("SELECT last_seen_wall FROM open_bout"), (t0_ + 5min).time_since_epoch().count());

  Reopen();
  auto state = store_->Load(At(t0_ + 6min));
  ASSERT_TRUE(state.ok());
  ASSERT_TRUE(state->open);
  EXPECT_EQ(state->open->boot_id, "boot-a");
  EXPECT_EQ(state->open->start_boot, b0_);
  EXPECT_EQ(state->open->last_seen_boot, b0_ + 5min);
  EXPECT_EQ(state->open->start_wall, t0_);
  EXPECT_EQ(state->open->last_seen_wall, t0_ + 5min);
  EXPECT_EQ(state->today.sitting, 0ms) << "today excludes the open bout";
  auto days = store_->Days(At(t0_ + 6min), 1);
  ASSERT_TRUE(days.ok());
  EXPECT_EQ(days->back().totals.sitting, 5min) << "Days includes its checkpointed part";
}

TEST_F(HistoryStoreTest, BoutWithRemindersAndBreakRoundTrip) {
  Record(t0_, out::BoutStarted{b0_, t0_});
  Record(t0_ + 60min, out::ShowReminder{60min, 1});
  Record(t0_ + 70min, out::ShowReminder{70min, 2});
  Record(t0_ + 72min, out::CloseReminder{ReminderOutcome::kSnoozed, 72min});
  Record(t0_ + 82min, out::ShowReminder{82min, 1});
  Record(t0_ + 85min, out::CloseReminder{ReminderOutcome::kWithdrawn, 85min});
  Record(t0_ + 85min, out::BoutClosed{b0_, b0_ + 80min, t0_, t0_ + 80min, BoutEnd::kBreak});
  Record(t0_ + 85min, out::BreakStarted{b0_ + 80min, t0_ + 80min, BreakCause::kIdle});
  Record(t0_ + 90min, out::StateChanged{State::kAway});
  Record(t0_ + 90min, out::PauseChanged{std::nullopt, false});
  Record(t0_ + 95min,
         out::BreakEnded{b0_ + 80min, b0_ + 95min, t0_ + 80min, t0_ + 95min, BreakCause::kIdle});

  EXPECT_EQ(Int("SELECT count(*) FROM open_bout"), 0) << "BoutClosed clears the checkpoint";
  EXPECT_EQ(Int("SELECT length_ms FROM bouts"), 80 * 60000);
  EXPECT_EQ(Text("SELECT end_reason FROM bouts"), "break");
  EXPECT_EQ(Int("SELECT limit_wall FROM bouts"), (t0_ + 60min).time_since_epoch().count());
  EXPECT_EQ(Int("SELECT times_shown FROM reminders WHERE id = 1"), 2);
  EXPECT_EQ(Text("SELECT outcome FROM reminders WHERE id = 1"), "snoozed");
  EXPECT_EQ(Text("SELECT outcome FROM reminders WHERE id = 2"), "withdrawn");
  EXPECT_EQ(Text("SELECT cause FROM breaks"), "idle");
  EXPECT_EQ(Int("SELECT after_reminder FROM breaks"), 1);
  EXPECT_EQ(Int("SELECT length_ms FROM breaks"), 15 * 60000);

  auto state = store_->Load(At(t0_ + 96min));
  ASSERT_TRUE(state.ok());
  EXPECT_FALSE(state->open);
  const DayTotals& today = state->today;
  EXPECT_EQ(today.sitting, 80min);
  EXPECT_EQ(today.hours[9], 60min);
  EXPECT_EQ(today.hours[10], 20min);
  EXPECT_EQ(today.longest_bout, 80min);
  EXPECT_EQ(today.bouts, 1);
  EXPECT_EQ(today.long_bouts, 1);
  EXPECT_EQ(today.breaks, 1);
  EXPECT_EQ(today.breaks_after_reminder, 1);
  EXPECT_EQ(today.reminders, 2);
  EXPECT_EQ(today.snoozed, 1);
  EXPECT_EQ(today.done + today.skipped + today.dismissed, 0);
}

TEST_F(HistoryStoreTest, EveryOutcomeAndBreakCauseIsCounted) {
  const ReminderOutcome outcomes[] = {ReminderOutcome::kDone, ReminderOutcome::kSkipped,
                                      ReminderOutcome::kDismissed, ReminderOutcome::kSnoozed};
  WallTime t = t0_;
  for (ReminderOutcome outcome : outcomes) {
    Record(t, out::ShowReminder{60min, 1});
    Record(t + 1min, out::CloseReminder{outcome, 61min});
    t += 10min;
  }
  // A held reminder dropped without being shown: recorded, not counted as shown.
  Record(t, out::CloseReminder{ReminderOutcome::kWithdrawn, 60min});
  t += 10min;
  const BreakCause causes[] = {BreakCause::kIdle, BreakCause::kLock, BreakCause::kSuspend,
                               BreakCause::kDone};
  for (BreakCause cause : causes) {
    BootTime b = At(t).boot;
    Record(t, out::BreakStarted{b, t, cause});
    Record(t + 2min, out::BreakEnded{b, b + 2min, t, t + 2min, cause});
    t += 10min;
  }
  // A break end whose start was never seen (the daemon started during it).
  Record(t, out::BreakEnded{b0_, b0_ + 1min, t0_, t0_ + 1min, BreakCause::kLock});

  auto state = store_->Load(At(t));
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->today.reminders, 4);
  EXPECT_EQ(state->today.done, 1);
  EXPECT_EQ(state->today.skipped, 1);
  EXPECT_EQ(state->today.dismissed, 1);
  EXPECT_EQ(state->today.snoozed, 1);
  EXPECT_EQ(state->today.breaks, 5);
  EXPECT_EQ(state->today.breaks_after_reminder, 1) << "only the break begun by done";
  EXPECT_EQ(Int("SELECT count(*) FROM breaks WHERE end_wall IS NULL"), 0);
  EXPECT_EQ(Text("SELECT group_concat(cause) FROM breaks"), "idle,lock,suspend,done,lock");
  EXPECT_EQ(Int("SELECT times_shown FROM reminders WHERE outcome = 'withdrawn'"), 0);
}

TEST_F(HistoryStoreTest, ABreakLeftOpenByAnEarlierRunEndsWhenTheNextBoutStarts) {
  Record(t0_, out::BreakStarted{b0_, t0_, BreakCause::kLock});
  Reopen();  // the daemon stopped during the break
  Record(t0_ + 20min, out::BoutStarted{b0_ + 20min, t0_ + 20min});
  EXPECT_EQ(Int("SELECT end_wall FROM breaks"), (t0_ + 20min).time_since_epoch().count());
  EXPECT_EQ(Int("SELECT length_ms FROM breaks"), 20 * 60000);
}

TEST_F(HistoryStoreTest, ShutdownAndStandingEndsAreKept) {
  Record(t0_, out::BoutClosed{b0_, b0_ + 10min, t0_, t0_ + 10min, BoutEnd::kStanding});
  Record(t0_ + 20min,
         out::BoutClosed{b0_ + 11min, b0_ + 20min, t0_ + 11min, t0_ + 20min, BoutEnd::kShutdown});
  EXPECT_EQ(Text("SELECT group_concat(end_reason) FROM bouts"), "standing,shutdown");
}

TEST_F(HistoryStoreTest, LengthComesFromTheBootClockNotTheWallClock) {
  // The wall clock jumped an hour forward during the bout: 20 minutes were sat.
  Record(t0_ + 90min, out::BoutClosed{b0_, b0_ + 20min, t0_, t0_ + 80min, BoutEnd::kBreak});
  auto state = store_->Load(At(t0_ + 90min));
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->today.sitting, 20min);
}

TEST_F(HistoryStoreTest, ResumeClosesAStaleBoutAndCountsIt) {
  Record(t0_, out::BoutStarted{b0_, t0_});
  Record(t0_ + 30min, out::Checkpoint{b0_, t0_, 30min});
  Reopen();
  // An hour later on the same boot: the bout ended at its last checkpoint.
  auto restore = ResumeFromHistory(*store_, At(t0_ + 90min), "boot-a", std::nullopt, 5min);
  ASSERT_TRUE(restore.ok());
  EXPECT_FALSE(restore->bout_start);
  EXPECT_EQ(restore->today.sitting, 30min);
  EXPECT_EQ(Text("SELECT end_reason FROM bouts"), "shutdown");
  EXPECT_EQ(Int("SELECT count(*) FROM open_bout"), 0);
}

TEST_F(HistoryStoreTest, ResumeContinuesARecentBout) {
  Record(t0_, out::BoutStarted{b0_, t0_});
  Record(t0_ + 30min, out::Checkpoint{b0_, t0_, 30min});
  Reopen();
  auto restore = ResumeFromHistory(*store_, At(t0_ + 31min), "boot-a", 10s, 5min);
  ASSERT_TRUE(restore.ok());
  EXPECT_EQ(restore->bout_start, b0_);
  EXPECT_EQ(restore->today.sitting, 0ms);
  EXPECT_EQ(Int("SELECT count(*) FROM open_bout"), 1);
}

}  // namespace
}  // namespace unsit
