// history.keep: old rows go in small batches, recent ones stay.
#include <gtest/gtest.h>

#include "storage/history_store_sqlite.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

class RetentionTest : public storage_testing::HistoryFileTest {
 protected:
  void SetUp() override {
    Config::History config;
    config.keep = std::chrono::days(30);
    auto store = SqliteHistoryStore::Open(path_, config, "boot-a");
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    // 60 days with 10 bouts, breaks and reminders each.
    std::string sql = "BEGIN;";
    for (int day = 60; day >= 1; --day) {
      for (int i = 0; i < 10; ++i) {
        WallTime t = now_ - std::chrono::days(day) + std::chrono::hours(i);
        std::string at = std::to_string(t.time_since_epoch().count());
        sql += "INSERT INTO bouts (start_wall, end_wall, length_ms, end_reason) VALUES (" + at +
               ", " + at +
               ", 60000, 'break');"
               "INSERT INTO breaks (start_wall, cause, after_reminder) VALUES (" +
               at +
               ", 'idle', 0);"
               "INSERT INTO reminders (shown_wall, times_shown, outcome, sitting_ms) "
               "VALUES (" +
               at + ", 1, 'done', 0);";
      }
    }
    ASSERT_TRUE(storage_testing::ExecSql(path_, sql + "COMMIT;"));
  }
  std::int64_t Rows(const char* table) {
    return QueryInt(path_, std::string("SELECT count(*) FROM ") + table);
  }

  storage_testing::ScopedTz tz_{"UTC"};
  std::unique_ptr<SqliteHistoryStore> store_;
  WallTime now_ = Local(2026, 11, 21, 12, 0);
};

TEST_F(RetentionTest, PruneSomeDeletesInBatchesUntilOnlyKeptDaysRemain) {
  ASSERT_EQ(Rows("bouts"), 600);
  auto more = store_->PruneSome(At(now_));
  ASSERT_TRUE(more.ok());
  EXPECT_TRUE(*more);
  EXPECT_EQ(Rows("bouts"), 600 - SqliteHistoryStore::kPruneBatch);
  int rounds = 1;
  while (*more && rounds < 100) {
    more = store_->PruneSome(At(now_));
    ASSERT_TRUE(more.ok());
    ++rounds;
  }
  EXPECT_EQ(rounds, 2);
  // Days 1..30 before now_ are kept; 31..60 went.
  EXPECT_EQ(Rows("bouts"), 300);
  EXPECT_EQ(Rows("breaks"), 300);
  EXPECT_EQ(Rows("reminders"), 300);
  EXPECT_EQ(QueryInt(path_, "SELECT min(start_wall) FROM bouts"),
            (now_ - std::chrono::days(30)).time_since_epoch().count());
  EXPECT_TRUE(storage_testing::IntegrityOk(path_));
}

TEST_F(RetentionTest, RecordPrunesOneBatchAtATime) {
  ASSERT_TRUE(store_->Record(At(now_), out::BoutStarted{At(now_).boot, now_}).ok());
  EXPECT_EQ(Rows("bouts"), 600 - SqliteHistoryStore::kPruneBatch);
  ASSERT_TRUE(store_->Record(At(now_), out::Checkpoint{At(now_).boot, now_, 1min}).ok());
  ASSERT_TRUE(store_->Record(At(now_), out::Checkpoint{At(now_).boot, now_, 2min}).ok());
  EXPECT_EQ(Rows("bouts"), 300);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM open_bout"), 1);
}

TEST(RetentionKeepZeroTest, KeepsEverything) {
  storage_testing::TempDir dir;
  Config::History config;
  config.keep = std::chrono::days(0);
  auto store = SqliteHistoryStore::Open(dir.File("h.db"), config, "b");
  ASSERT_TRUE(store.ok());
  auto more = (*store)->PruneSome(At(WallTime(1'800'000'000'000ms)));
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(*more);
}

}  // namespace
}  // namespace unsit
