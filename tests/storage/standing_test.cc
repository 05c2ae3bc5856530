// Standing time in the history: recorded per spell, split at day ends, and the
// migration that added it keeps what an older file holds.
#include <gtest/gtest.h>

#include "storage/history_reader.h"
#include "storage/history_store_sqlite.h"
#include "storage/schema.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

class StandingTest : public HistoryFileTest {
 protected:
  // Records a spell of standing from `start` lasting `length`, at its end.
  void RecordStand(SqliteHistoryStore& store, WallTime start, Duration length) {
    const Now end = At(start + length);
    const BootTime end_boot = end.boot;
    ASSERT_TRUE(
        store.Record(end, out::StandClosed{end_boot - length, end_boot, start, start + length})
            .ok());
  }

  ScopedTz tz_{"UTC"};
  WallTime t0_ = Local(2026, 11, 20, 9, 0);
};

TEST_F(StandingTest, SpellsAddUpSeparatelyFromSitting) {
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  const Now start = At(t0_);
  ASSERT_TRUE((*store)->Record(start, out::BoutStarted{start.boot, t0_}).ok());
  ASSERT_TRUE((*store)
                  ->Record(At(t0_ + 45min), out::BoutClosed{start.boot, start.boot + 45min, t0_,
                                                            t0_ + 45min, BoutEnd::kStanding})
                  .ok());
  RecordStand(**store, t0_ + 45min, 15min);
  RecordStand(**store, t0_ + 2h, 20min);
  auto state = (*store)->Load(At(t0_ + 3h));
  ASSERT_TRUE(state.ok()) << state.error().message;
  EXPECT_EQ(state->today.sitting, 45min);
  EXPECT_EQ(state->today.standing, 35min);
  auto days = ReadHistoryDays(path_, At(t0_ + 3h), 1);
  ASSERT_TRUE(days.ok()) << days.error().message;
  EXPECT_EQ(days->back().totals.standing, 35min);
}

TEST_F(StandingTest, ASpellAcrossMidnightCountsOnEachDay) {
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  RecordStand(**store, Local(2026, 11, 20, 23, 30), 1h);
  auto days = ReadHistoryDays(path_, At(Local(2026, 11, 21, 1, 0)), 2);
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ(days->front().totals.standing, 30min);
  EXPECT_EQ(days->back().totals.standing, 30min);
  EXPECT_EQ(days->back().totals.sitting, 0min);
}

// A version-4 file, as the unsit before standing time wrote it: one bout.
TEST_F(StandingTest, Version4FileMigratesAndKeepsItsTotals) {
  const std::string start = std::to_string(t0_.time_since_epoch().count());
  ASSERT_TRUE(ExecSql(path_, std::string(schema::kVersion1Sql) +
                                 "CREATE INDEX bouts_start ON bouts (start_wall);"
                                 "CREATE INDEX breaks_start ON breaks (start_wall);"
                                 "CREATE INDEX reminders_shown ON reminders (shown_wall);"
                                 "CREATE TABLE rotation (id INTEGER PRIMARY KEY CHECK (id = 1), "
                                 "shown TEXT NOT NULL, last TEXT NOT NULL);"
                                 "CREATE TABLE day_start (id INTEGER PRIMARY KEY CHECK (id = 1), "
                                 "minutes INTEGER NOT NULL);"
                                 "INSERT INTO bouts VALUES (1, " +
                                 start + ", " + start + " + 2700000, 2700000, 'standing', NULL);" +
                                 "PRAGMA user_version = 4;"));
  // The CLI reads it as it is, with the daemon stopped: no standing yet.
  auto before = ReadHistoryDays(path_, At(t0_ + 2h), 1);
  ASSERT_TRUE(before.ok()) << before.error().message;
  EXPECT_EQ(before->back().totals.sitting, 45min);
  EXPECT_EQ(before->back().totals.standing, 0min);
  EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), 4);

  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), schema::kSchemaVersion);
  RecordStand(**store, t0_ + 45min, 15min);
  auto state = (*store)->Load(At(t0_ + 2h));
  ASSERT_TRUE(state.ok()) << state.error().message;
  EXPECT_EQ(state->today.sitting, 45min);
  EXPECT_EQ(state->today.bouts, 1);
  EXPECT_EQ(state->today.standing, 15min);
  EXPECT_TRUE(IntegrityOk(path_));
}

}  // namespace
}  // namespace unsit
