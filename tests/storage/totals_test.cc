// Per-day totals: midnight splits, DST days, day_starts, and the read-only
// reader (absent file, while the daemon writes).
#include <gtest/gtest.h>

#include <numeric>

#include "storage/history_reader.h"
#include "storage/history_store_sqlite.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

Duration HourSum(const DayTotals& totals) {
  return std::accumulate(totals.hours.begin(), totals.hours.end(), Duration{0});
}

class TotalsTest : public storage_testing::HistoryFileTest {
 protected:
  void Open(std::chrono::minutes day_starts = 0min) {
    Config::History config;
    config.day_starts = day_starts;
    day_starts_ = day_starts;
    auto store = SqliteHistoryStore::Open(path_, config, "boot-a");
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
  }
  // A closed bout of `length` (boot clock) that began at `start`.
  void Bout(WallTime start, Duration length) {
    BootTime b = At(start).boot;
    Status s = store_->Record(
        At(start + length), out::BoutClosed{b, b + length, start, start + length, BoutEnd::kBreak});
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  std::vector<DayView> Days(WallTime now, int n) {
    auto days = store_->Days(At(now, day_starts_), n);
    EXPECT_TRUE(days.ok());
    auto read = ReadHistoryDays(path_, At(now, day_starts_), n);
    EXPECT_TRUE(read.ok());
    if (!days.ok() || !read.ok()) return {};
    EXPECT_EQ(days->size(), read->size());
    for (size_t i = 0; i < days->size() && i < read->size(); ++i) {
      EXPECT_EQ((*days)[i].totals, (*read)[i].totals) << "the reader agrees with the store";
      EXPECT_EQ((*days)[i].date, (*read)[i].date);
    }
    return *days;
  }

  std::unique_ptr<SqliteHistoryStore> store_;
  std::chrono::minutes day_starts_{0};
};

TEST_F(TotalsTest, BoutAcrossMidnightIsSplit) {
  storage_testing::ScopedTz tz("Europe/Berlin");
  Open();
  Bout(Local(2026, 11, 20, 23, 30), 75min);
  auto days = Days(Local(2026, 11, 21, 12), 2);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, "2026-11-20");
  EXPECT_EQ(days[1].date, "2026-11-21");
  EXPECT_EQ(days[0].day_start, Local(2026, 11, 20, 0));
  EXPECT_EQ(days[0].totals.sitting, 30min);
  EXPECT_EQ(days[0].totals.hours[23], 30min);
  EXPECT_EQ(days[0].totals.longest_bout, 30min);
  EXPECT_EQ(days[0].totals.bouts, 1);
  EXPECT_EQ(days[1].totals.sitting, 45min);
  EXPECT_EQ(days[1].totals.hours[0], 45min);
  EXPECT_EQ(days[1].totals.longest_bout, 45min);
  EXPECT_EQ(days[1].totals.bouts, 1);
}

TEST_F(TotalsTest, SpringForwardDayHas23HoursAndAddsUp) {
  storage_testing::ScopedTz tz("Europe/Berlin");
  Open();
  // 01:30 CET to 03:30 CEST is one real hour.
  Bout(Local(2026, 3, 29, 1, 30), 60min);
  Bout(Local(2026, 3, 30, 12), 1min);
  auto days = Days(Local(2026, 3, 30, 12), 2);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[1].day_start - days[0].day_start, 23h);
  EXPECT_EQ(days[0].totals.sitting, 60min);
  EXPECT_EQ(days[0].totals.hours[1], 30min);
  EXPECT_EQ(days[0].totals.hours[3], 30min);
  EXPECT_EQ(HourSum(days[0].totals), days[0].totals.sitting);

  Bout(Local(2026, 3, 28, 22), 30h);
  days = Days(Local(2026, 3, 30, 12), 2);
  // The whole 23-hour day once more (overlapping the first bout on purpose).
  EXPECT_EQ(days[0].totals.sitting, 23h + 60min);
  EXPECT_EQ(HourSum(days[0].totals), days[0].totals.sitting);
  EXPECT_EQ(days[0].totals.hours[2], 0ms) << "02:xx does not exist that day";
}

TEST_F(TotalsTest, FallBackDayHas25HoursAndAddsUp) {
  storage_testing::ScopedTz tz("Europe/Berlin");
  Open();
  // 01:30 CEST for two real hours: ends 02:30 CET; hour 2 happens twice.
  Bout(Local(2026, 10, 25, 1, 30), 2h);
  auto days = Days(Local(2026, 10, 26, 12), 2);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[1].day_start - days[0].day_start, 25h);
  EXPECT_EQ(days[0].totals.sitting, 2h);
  EXPECT_EQ(days[0].totals.hours[1], 30min);
  EXPECT_EQ(days[0].totals.hours[2], 90min);
  EXPECT_EQ(HourSum(days[0].totals), 2h);

  Bout(Local(2026, 10, 24, 22), 30h);
  days = Days(Local(2026, 10, 26, 12), 2);
  EXPECT_EQ(days[0].totals.sitting, 25h + 2h);
  EXPECT_EQ(HourSum(days[0].totals), days[0].totals.sitting);
  EXPECT_EQ(days[0].totals.hours[2], 2h + 90min);
}

TEST_F(TotalsTest, DayStartsMovesTheBoundary) {
  storage_testing::ScopedTz tz("America/New_York");
  Open(4h);
  Bout(Local(2026, 11, 20, 3), 2h);  // 03:00-05:00: one hour in each history day
  auto days = Days(Local(2026, 11, 20, 12), 2);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[1].day_start, Local(2026, 11, 20, 4));
  EXPECT_EQ(days[0].date, "2026-11-19");
  EXPECT_EQ(days[0].totals.sitting, 1h);
  EXPECT_EQ(days[0].totals.hours[3], 1h);
  EXPECT_EQ(days[1].totals.sitting, 1h);
  EXPECT_EQ(days[1].totals.hours[4], 1h);
}

TEST_F(TotalsTest, LongBoutCountsOnTheDayItReachedTheLimit) {
  storage_testing::ScopedTz tz("UTC");
  Open();
  WallTime start = Local(2026, 11, 20, 23, 30);
  BootTime b = At(start).boot;
  ASSERT_TRUE(store_->Record(At(start), out::BoutStarted{b, start}).ok());
  ASSERT_TRUE(store_->Record(At(start + 60min), out::ShowReminder{60min, 1}).ok());
  ASSERT_TRUE(
      store_->Record(At(start + 65min), out::CloseReminder{ReminderOutcome::kDone, 65min}).ok());
  ASSERT_TRUE(store_
                  ->Record(At(start + 65min),
                           out::BoutClosed{b, b + 65min, start, start + 65min, BoutEnd::kBreak})
                  .ok());
  auto days = Days(Local(2026, 11, 21, 12), 2);
  EXPECT_EQ(days[0].totals.long_bouts, 0);
  EXPECT_EQ(days[1].totals.long_bouts, 1);
  EXPECT_EQ(days[1].totals.reminders, 1);
  EXPECT_EQ(days[1].totals.done, 1);
}

TEST(ReaderTest, AbsentFileGivesEmptyDaysAndCreatesNothing) {
  storage_testing::ScopedTz tz("UTC");
  storage_testing::TempDir dir;
  std::string path = dir.File("unsit/history.db");
  auto days = ReadHistoryDays(path, At(Local(2026, 11, 21, 12)), 3);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ(days->front().date, "2026-11-19");
  EXPECT_EQ(days->back().totals, DayTotals{});
  EXPECT_FALSE(std::filesystem::exists(dir.File("unsit")));
}

TEST(ReaderTest, ReadsWhileTheDaemonWrites) {
  storage_testing::ScopedTz tz("UTC");
  storage_testing::TempDir dir;
  std::string path = dir.File("history.db");
  auto store = SqliteHistoryStore::Open(path, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok());
  WallTime t = Local(2026, 11, 21, 9);
  BootTime b = At(t).boot;
  ASSERT_TRUE((*store)->Record(At(t), out::BoutStarted{b, t}).ok());
  for (int minute = 1; minute <= 30; ++minute) {
    WallTime now = t + std::chrono::minutes(minute);
    ASSERT_TRUE(
        (*store)->Record(At(now), out::Checkpoint{b, t, std::chrono::minutes(minute)}).ok());
    auto days = ReadHistoryDays(path, At(now), 1);
    ASSERT_TRUE(days.ok()) << days.error().message;
    EXPECT_EQ(days->back().totals.sitting, std::chrono::minutes(minute));
  }
  ASSERT_TRUE(
      (*store)
          ->Record(At(t + 31min), out::BoutClosed{b, b + 31min, t, t + 31min, BoutEnd::kBreak})
          .ok());
  auto days = ReadHistoryDays(path, At(t + 32min), 1);
  ASSERT_TRUE(days.ok());
  EXPECT_EQ(days->back().totals.sitting, 31min);
  EXPECT_TRUE(storage_testing::IntegrityOk(path));
}

}  // namespace
}  // namespace unsit
