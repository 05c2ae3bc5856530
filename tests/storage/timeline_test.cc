// The history as spans (`unsit report`): bouts across midnight, open breaks,
// held reminders, and the totals the same as `unsit history`.
#include <gtest/gtest.h>

#include "storage/history_reader.h"
#include "storage/history_store_sqlite.h"
#include "storage/history_timeline.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

std::string Ms(WallTime t) { return std::to_string(t.time_since_epoch().count()); }

class TimelineTest : public storage_testing::HistoryFileTest {
 protected:
  void SetUp() override {
    // The store makes the file with the current schema; rows go in by hand.
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok());
  }
  void Sql(const std::string& sql) { ASSERT_TRUE(ExecSql(path_, sql)) << sql; }
  void Bout(WallTime start, WallTime end, std::optional<WallTime> limit = std::nullopt) {
    Sql("INSERT INTO bouts (start_wall, end_wall, length_ms, end_reason, limit_wall) VALUES (" +
        Ms(start) + "," + Ms(end) + "," + std::to_string((end - start).count()) + ",'break'," +
        (limit ? Ms(*limit) : "NULL") + ")");
  }

  storage_testing::ScopedTz tz_{"Europe/Berlin"};
};

TEST_F(TimelineTest, AbsentFileGivesEmptyDays) {
  auto days = ReadTimelines(dir_.File("none.db"), At(Local(2026, 11, 21, 12)), 3);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ(days->front().day.date, "2026-11-19");
  EXPECT_EQ(days->back().end, Local(2026, 11, 22, 0));
  for (const DayTimeline& day : *days) EXPECT_TRUE(day.bouts.empty());
}

TEST_F(TimelineTest, BoutAcrossMidnightIsOnBothDays) {
  Bout(Local(2026, 11, 19, 23, 30), Local(2026, 11, 20, 0, 45), Local(2026, 11, 20, 0, 30));
  Bout(Local(2026, 11, 20, 9), Local(2026, 11, 20, 10));
  auto days = ReadTimelines(path_, At(Local(2026, 11, 20, 12)), 2);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 2u);
  ASSERT_EQ((*days)[0].bouts.size(), 1u);
  ASSERT_EQ((*days)[1].bouts.size(), 2u);
  EXPECT_EQ((*days)[0].bouts[0].span.start, Local(2026, 11, 19, 23, 30));
  EXPECT_EQ((*days)[1].bouts[0].span.end, Local(2026, 11, 20, 0, 45));
  EXPECT_EQ((*days)[1].bouts[0].limit, Local(2026, 11, 20, 0, 30));
  EXPECT_EQ((*days)[1].bouts[1].span.start, Local(2026, 11, 20, 9));
}

TEST_F(TimelineTest, OpenBreakEndsNowAndHeldRemindersAreLeftOut) {
  WallTime now = Local(2026, 11, 20, 12);
  Sql("INSERT INTO breaks (start_wall, end_wall, length_ms, cause, after_reminder) VALUES (" +
      Ms(Local(2026, 11, 20, 10)) + "," + Ms(Local(2026, 11, 20, 10, 5)) + ",300000,'idle',1)");
  Sql("INSERT INTO breaks (start_wall, cause, after_reminder) VALUES (" +
      Ms(Local(2026, 11, 20, 11)) + ",'lock',0)");
  Sql("INSERT INTO reminders (shown_wall, times_shown, outcome, closed_wall, sitting_ms) VALUES (" +
      Ms(Local(2026, 11, 20, 9, 50)) + ",2,'snoozed'," + Ms(Local(2026, 11, 20, 9, 55)) +
      ",3000000), (" + Ms(Local(2026, 11, 20, 10, 50)) + ",0,'done'," +
      Ms(Local(2026, 11, 20, 10, 50)) + ",3000000)");
  auto days = ReadTimelines(path_, At(now), 1);
  ASSERT_TRUE(days.ok());
  const DayTimeline& day = days->front();
  ASSERT_EQ(day.breaks.size(), 2u);
  EXPECT_EQ(day.breaks[0].end, Local(2026, 11, 20, 10, 5));
  EXPECT_EQ(day.breaks[1].end, now);
  ASSERT_EQ(day.reminders.size(), 1u) << "a reminder held and never shown is not drawn";
  EXPECT_EQ(day.reminders[0].outcome, "snoozed");
  EXPECT_EQ(day.reminders[0].times_shown, 2);
}

TEST_F(TimelineTest, TotalsAreTheHistoryTotals) {
  Bout(Local(2026, 11, 19, 23, 30), Local(2026, 11, 20, 0, 45));
  Bout(Local(2026, 11, 20, 9), Local(2026, 11, 20, 10, 10), Local(2026, 11, 20, 10));
  Now now = At(Local(2026, 11, 20, 12));
  auto days = ReadTimelines(path_, now, 2);
  auto history = ReadHistoryDays(path_, now, 2);
  ASSERT_TRUE(days.ok());
  ASSERT_TRUE(history.ok());
  for (size_t i = 0; i < 2; ++i) EXPECT_EQ((*days)[i].day.totals, (*history)[i].totals);
  EXPECT_EQ((*days)[1].day.totals.sitting, 45min + 70min);
}

}  // namespace
}  // namespace unsit
