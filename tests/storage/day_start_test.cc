// history.day_starts kept in the file: the daemon's store records it, and the
// reader the CLI uses with the daemon stopped gets it back, so both split days
// at the same local time.
#include <gtest/gtest.h>

#include "storage/history_reader.h"
#include "storage/history_store_sqlite.h"
#include "storage/schema.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

class DayStartTest : public storage_testing::HistoryFileTest {
 protected:
  storage_testing::ScopedTz tz_{"UTC"};
};

TEST_F(DayStartTest, TheReaderGetsWhatTheStoreRecorded) {
  {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->SetDayStarts(4h).ok());
  }
  EXPECT_EQ(storage_testing::QueryInt(path_, "SELECT minutes FROM day_start"), 240);
  auto starts = ReadHistoryDayStarts(path_);
  ASSERT_TRUE(starts.ok()) << starts.error().message;
  EXPECT_EQ(*starts, 4h);
}

TEST_F(DayStartTest, AReloadReplacesTheRecordedDayStartAndTheStoreSplitsThere) {
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  ASSERT_TRUE((*store)->SetDayStarts(4h).ok());
  ASSERT_TRUE((*store)->SetDayStarts(18h + 30min).ok());
  EXPECT_EQ(storage_testing::QueryInt(path_, "SELECT count(*) FROM day_start"), 1);
  EXPECT_EQ(*ReadHistoryDayStarts(path_), 18h + 30min);
  // 12:00 with days starting at 18:30: the day began yesterday at 18:30, and
  // so did the one before it, a day earlier.
  auto days = (*store)->Days(At(Local(2026, 11, 21, 12), 18h + 30min), 2);
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ(days->front().day_start, Local(2026, 11, 19, 18, 30));
  EXPECT_EQ(days->back().day_start, Local(2026, 11, 20, 18, 30));
}

TEST_F(DayStartTest, MidnightWithoutAFileOrARecord) {
  auto absent = ReadHistoryDayStarts(path_);
  ASSERT_TRUE(absent.ok()) << absent.error().message;
  EXPECT_EQ(*absent, 0min);
  // A file of an earlier version has no day_start table: local midnight.
  ASSERT_TRUE(storage_testing::ExecSql(
      path_, std::string(schema::kVersion1Sql) + "PRAGMA user_version = 3;"));
  auto older = ReadHistoryDayStarts(path_);
  ASSERT_TRUE(older.ok()) << older.error().message;
  EXPECT_EQ(*older, 0min);
  EXPECT_EQ(storage_testing::QueryInt(path_, "PRAGMA user_version"), 3)
      << "the reader writes nothing";
}

TEST_F(DayStartTest, TheReaderRefusesANewerFile) {
  ASSERT_TRUE(storage_testing::ExecSql(
      path_, std::string(schema::kVersion1Sql) + "PRAGMA user_version = 99;"));
  auto starts = ReadHistoryDayStarts(path_);
  ASSERT_FALSE(starts.ok());
  EXPECT_EQ(starts.error().code, "history_newer");
}

}  // namespace
}  // namespace unsit
