#include "core/quiet_hours.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

using namespace std::chrono_literals;

// A reading of the clocks at local time `hh:mm` on 2026-11-21, `offset` east of
// UTC, with the boot clock at 1000 h.
Now At(int hh, int mm, std::chrono::seconds offset = 0s) {
  Now now;
  now.boot = BootTime(1000h);
  now.utc_offset = offset;
  const auto day = std::chrono::sys_days(std::chrono::year(2026) / 11 / 21);
  now.wall = WallTime(day) + std::chrono::hours(hh) + std::chrono::minutes(mm) - offset;
  return now;
}

TEST(QuietHoursTest, ParsesAndFormatsWindows) {
  EXPECT_EQ(ParseTimeOfDay("7:05"), 425min);
  EXPECT_EQ(ParseTimeOfDay("23:59"), 1439min);
  for (const char* bad : {"24:00", "12:60", "1230", "12:3", "-1:00", "12:00 ", "", ":30"}) {
    EXPECT_FALSE(ParseTimeOfDay(bad)) << bad;
  }
  EXPECT_EQ(ParseQuietWindow("22:00-07:00"), (QuietWindow{1320min, 420min}));
  EXPECT_EQ(FormatQuietWindow(QuietWindow{1320min, 5min}), "22:00-00:05");
  for (const char* bad : {"12:00-12:00", "12:00", "12:00-", "-13:00", "12:00-13:00-14:00"}) {
    EXPECT_FALSE(ParseQuietWindow(bad)) << bad;
  }
}

TEST(QuietHoursTest, UntilTheEndOfTheWindowTheClockIsIn) {
  const std::vector<QuietWindow> lunch = {*ParseQuietWindow("12:00-13:00")};
  EXPECT_FALSE(QuietUntil(lunch, At(11, 59), At(11, 59).boot));
  EXPECT_EQ(QuietUntil(lunch, At(12, 0), At(12, 0).boot), At(12, 0).boot + 60min);
  EXPECT_EQ(QuietUntil(lunch, At(12, 40), At(12, 40).boot), At(12, 40).boot + 20min);
  EXPECT_FALSE(QuietUntil(lunch, At(13, 0), At(13, 0).boot));  // the end is not inside
  // Asked about a later instant: 11:00 now, 12:30 is quiet until 13:00.
  EXPECT_EQ(QuietUntil(lunch, At(11, 0), At(11, 0).boot + 90min), At(11, 0).boot + 2h);
}

TEST(QuietHoursTest, PastMidnightAndAdjoiningWindows) {
  const std::vector<QuietWindow> night = {*ParseQuietWindow("23:30-00:15"),
                                          *ParseQuietWindow("22:00-23:30")};
  EXPECT_EQ(QuietUntil(night, At(22, 0), At(22, 0).boot), At(22, 0).boot + 135min);
  EXPECT_EQ(QuietUntil(night, At(0, 10), At(0, 10).boot), At(0, 10).boot + 5min);
  EXPECT_FALSE(QuietUntil(night, At(0, 15), At(0, 15).boot));
}

TEST(QuietHoursTest, LocalTimeFollowsTheOffset) {
  const std::vector<QuietWindow> lunch = {*ParseQuietWindow("12:00-13:00")};
  // 12:10 in UTC+05:30 is quiet; the same instant read as UTC (06:40) is not.
  const Now india = At(12, 10, 5h + 30min);
  EXPECT_EQ(QuietUntil(lunch, india, india.boot), india.boot + 50min);
  Now utc = india;
  utc.utc_offset = 0s;
  EXPECT_FALSE(QuietUntil(lunch, utc, utc.boot));
}

TEST(QuietHoursTest, WholeDayIsDetected) {
  EXPECT_FALSE(CoversWholeDay({}));
  EXPECT_FALSE(CoversWholeDay({*ParseQuietWindow("22:00-21:59")}));
  EXPECT_TRUE(CoversWholeDay({*ParseQuietWindow("00:00-12:00"), *ParseQuietWindow("12:00-00:00")}));
  EXPECT_TRUE(CoversWholeDay({*ParseQuietWindow("08:00-20:00"), *ParseQuietWindow("19:00-09:00")}));
}

}  // namespace
}  // namespace unsit
