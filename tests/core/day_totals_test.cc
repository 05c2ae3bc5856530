#include "core/day_totals.h"

#include <gtest/gtest.h>

#include <numeric>

namespace unsit {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

WallTime Utc(int h, int min) {
  return WallTime(sys_days(2026y / November / 21)) + hours(h) + minutes(min);
}

Duration Sum(const DayTotals& totals) {
  return std::accumulate(totals.hours.begin(), totals.hours.end(), Duration::zero());
}

TEST(AddSittingTest, WithinOneHour) {
  DayTotals totals;
  AddSitting(totals, Utc(9, 10), 20min, 0s);
  EXPECT_EQ(totals.sitting, 20min);
  EXPECT_EQ(totals.hours[9], 20min);
  EXPECT_EQ(Sum(totals), 20min);
}

TEST(AddSittingTest, SpreadsOverLocalHours) {
  DayTotals totals;
  // 09:40 UTC is 10:40 local at +1 h; 80 minutes reach 12:00 local.
  AddSitting(totals, Utc(9, 40), 80min, 1h);
  EXPECT_EQ(totals.hours[10], 20min);
  EXPECT_EQ(totals.hours[11], 60min);
  EXPECT_EQ(totals.hours[12], 0min);
  EXPECT_EQ(totals.sitting, 80min);
}

TEST(AddSittingTest, WrapsPastMidnightAndNegativeOffsets) {
  DayTotals totals;
  // 03:30 UTC at -5 h is 22:30 local; two hours run to 00:30.
  AddSitting(totals, Utc(3, 30), 2h, -5h);
  EXPECT_EQ(totals.hours[22], 30min);
  EXPECT_EQ(totals.hours[23], 60min);
  EXPECT_EQ(totals.hours[0], 30min);
  EXPECT_EQ(Sum(totals), 2h);
}

TEST(AddSittingTest, HalfHourOffsetsAndMilliseconds) {
  DayTotals totals;
  // India, +5:30: 04:00 UTC is 09:30 local.
  AddSitting(totals, Utc(4, 0) + 250ms, 30min, 5h + 30min);
  EXPECT_EQ(totals.hours[9], 30min - 250ms);
  EXPECT_EQ(totals.hours[10], 250ms);
  EXPECT_EQ(Sum(totals), 30min);
}

TEST(AddSittingTest, AccumulatesAndLeavesBoutsAlone) {
  DayTotals totals;
  totals.bouts = 2;
  totals.longest_bout = 5min;
  AddSitting(totals, Utc(9, 0), 10min, 0s);
  AddSitting(totals, Utc(9, 30), 40min, 0s);
  EXPECT_EQ(totals.sitting, 50min);
  EXPECT_EQ(totals.hours[9], 40min);
  EXPECT_EQ(totals.hours[10], 10min);
  EXPECT_EQ(totals.bouts, 2);
  EXPECT_EQ(totals.longest_bout, 5min);
}

TEST(AddSittingTest, IgnoresEmptyAndNegativeLengths) {
  DayTotals totals;
  AddSitting(totals, Utc(9, 0), 0ms, 0s);
  AddSitting(totals, Utc(9, 0), -5min, 0s);
  EXPECT_EQ(totals, DayTotals{});
}

}  // namespace
}  // namespace unsit
