// A history file locked by another process (a second writer, a sqlite3 shell
// in a transaction): writes fail soon instead of stalling the daemon's one
// event loop, the records wait in memory, and they are written once the lock
// is gone.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>

#include "storage/history_store_sqlite.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

class LockedTest : public storage_testing::HistoryFileTest {
 protected:
  // Another connection that holds the write lock until Release().
  void Lock() {
    ASSERT_EQ(sqlite3_open(path_.c_str(), &other_), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  void Release() {
    sqlite3_exec(other_, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(other_);
    other_ = nullptr;
  }
  void TearDown() override {
    if (other_ != nullptr) Release();
    HistoryFileTest::TearDown();
  }
  out::BoutClosed Bout(int i) const {
    const WallTime w = t0_ + std::chrono::minutes(2 * i);
    const BootTime b = At(w).boot;
    return out::BoutClosed{b, b + 1min, w, w + 1min, BoutEnd::kBreak};
  }

  sqlite3* other_ = nullptr;
  WallTime t0_ = storage_testing::Local(2026, 11, 20, 9, 0);
};

TEST_F(LockedTest, ALockedFileNeitherStallsNorLosesRecords) {
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  Lock();
  const auto start = std::chrono::steady_clock::now();
  Status first = (*store)->Record(At(t0_ + 1min), Bout(0));
  Status second = (*store)->Record(At(t0_ + 3min), Bout(1));
  const auto spent = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(first.ok());
  EXPECT_FALSE(second.ok());
  // Before, each statement waited out SQLite's 2 s busy timeout on the loop.
  EXPECT_LT(spent, 1s) << "two writes to a locked file held the loop this long";
  Release();
  ASSERT_TRUE((*store)->Record(At(t0_ + 5min), Bout(2)).ok());
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), 3) << "nothing was dropped";
}

// A decision that writes nothing (a pause, a state change) is no proof that
// history records again: the failure stands until a write succeeds.
TEST_F(LockedTest, AFailureStandsUntilAWriteSucceeds) {
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  Lock();
  ASSERT_FALSE((*store)->Record(At(t0_ + 1min), Bout(0)).ok());
  EXPECT_FALSE((*store)->Record(At(t0_ + 2min), out::PauseChanged{std::nullopt, true}).ok())
      << "a pause hid a history that is not being written";
  EXPECT_EQ((*store)->Unwritten(), 1u);
  Release();
  EXPECT_TRUE((*store)->Record(At(t0_ + 3min), out::PauseChanged{std::nullopt, false}).ok());
  EXPECT_EQ((*store)->Unwritten(), 0u);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), 1);
}

// At shutdown the shell gives what waits one last try and learns what is lost.
TEST_F(LockedTest, WritePendingWritesWhatWaits) {
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  Lock();
  ASSERT_FALSE((*store)->Record(At(t0_ + 1min), Bout(0)).ok());
  ASSERT_FALSE((*store)->Record(At(t0_ + 3min), Bout(1)).ok());
  EXPECT_FALSE((*store)->WritePending().ok());
  EXPECT_EQ((*store)->Unwritten(), 2u);
  Release();
  EXPECT_TRUE((*store)->WritePending().ok());
  EXPECT_EQ((*store)->Unwritten(), 0u);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), 2);
}

}  // namespace
}  // namespace unsit
