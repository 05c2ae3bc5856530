// A bout open while the wall clock steps an hour ahead across midnight: the
// model splits it at the step (DayRolled::split) and so does the history, in
// the daemon's store and for the reader alike: the old day keeps what was sat
// before the step, the new day what followed, in the clock hours each was sat
// in; nothing counted on both days, nothing lost, open or closed.
#include <gtest/gtest.h>

#include "clock/local_time.h"
#include "storage/history_reader.h"
#include "storage/history_store_sqlite.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

class WallStepTest : public HistoryFileTest {
 protected:
  void SetUp() override {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
  }
  // The clocks `after` into the bout; from kStep on, the wall reads an hour ahead.
  Now Clocks(Duration after) const {
    WallTime wall = start_ + after + (after >= kStep ? Duration(1h) : Duration(0));
    return MakeNow(boot_ + after, wall, 0min);
  }
  void Record(Duration after, const Decision& decision) {
    Status s = store_->Record(Clocks(after), decision);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  // Yesterday's and today's totals as the store and the reader see them.
  std::pair<DayTotals, DayTotals> Days(Duration after) {
    auto days = store_->Days(Clocks(after), 2);
    auto read = ReadHistoryDays(path_, Clocks(after), 2);
    EXPECT_TRUE(days.ok() && read.ok());
    if (!days.ok() || !read.ok() || days->size() != 2 || read->size() != 2) return {};
    EXPECT_EQ((*days)[0].date, "2026-11-21");
    EXPECT_EQ((*days)[1].date, "2026-11-22");
    EXPECT_EQ((*days)[0].totals, (*read)[0].totals) << "the reader agrees with the store";
    EXPECT_EQ((*days)[1].totals, (*read)[1].totals);
    return {(*days)[0].totals, (*days)[1].totals};
  }

  static constexpr Duration kStep = 6min;  // at 23:56, the clock reads 00:56
  ScopedTz tz_{"UTC"};
  WallTime start_ = Local(2026, 11, 21, 23, 50);
  BootTime boot_ = At(start_).boot;
  std::unique_ptr<SqliteHistoryStore> store_;
};

TEST_F(WallStepTest, TheBoutIsSplitAtTheStepOpenAndClosed) {
  Record(0min, out::BoutStarted{boot_, start_});
  Record(5min, out::Checkpoint{boot_, start_, 5min});
  Record(kStep, out::DayRolled{start_ - 23h - 50min, DayTotals{},
                               out::BoutSplit{boot_ + kStep, Clocks(kStep).wall}});
  Record(10min, out::Checkpoint{boot_, start_, 10min});
  auto [old_day, new_day] = Days(10min);
  EXPECT_EQ(old_day.sitting, 6min);
  EXPECT_EQ(old_day.hours[23], 6min);
  EXPECT_EQ(old_day.bouts, 1);
  EXPECT_EQ(new_day.sitting, 4min) << "only what followed the step";
  EXPECT_EQ(new_day.hours[0], 4min);
  EXPECT_EQ(new_day.bouts, 1);

  Record(15min, out::BoutClosed{boot_, boot_ + 15min, start_, Clocks(15min).wall, BoutEnd::kBreak});
  std::tie(old_day, new_day) = Days(16min);
  EXPECT_EQ(old_day.sitting, 6min) << "the old day keeps its part";
  EXPECT_EQ(new_day.sitting, 9min);
  EXPECT_EQ(new_day.hours[0], 4min);  // 00:56 to 01:05 on the stepped clock
  EXPECT_EQ(new_day.hours[1], 5min);
  EXPECT_EQ(old_day.sitting + new_day.sitting, 15min) << "nothing lost, nothing twice";
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), 2);
  EXPECT_EQ(QueryText(path_, "SELECT group_concat(end_reason) FROM bouts"), "day,break");
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM open_bout"), 0);
}

// A day rolled at midnight as usual carries no split and writes nothing.
TEST_F(WallStepTest, AnOrdinaryMidnightWritesNoRow) {
  Record(0min, out::BoutStarted{boot_, start_});
  Record(10min, out::DayRolled{start_ - 23h - 50min, DayTotals{}});
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), 0);
  EXPECT_EQ(QueryInt(path_, "SELECT start_boot FROM open_bout"), boot_.time_since_epoch().count());
}

}  // namespace
}  // namespace unsit
