#include "clock/clock.h"

#include <gtest/gtest.h>

#include "support/scoped_tz.h"

#include <cstdlib>
#include <ctime>

namespace unsit {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using test_support::ScopedTz;

WallTime Utc(int y, unsigned m, unsigned d, int h, int min) {
  return WallTime(sys_days(year_month_day(year(y), month(m), day(d)))) + hours(h) + minutes(min);
}

TEST(ClockTest, DayBoundsInUtc) {
  ScopedTz tz("UTC");
  Now now = MakeNow(BootTime(1h), Utc(2026, 11, 21, 15, 30), 0min);
  EXPECT_EQ(now.utc_offset, 0s);
  EXPECT_EQ(now.day_start, Utc(2026, 11, 21, 0, 0));
  EXPECT_EQ(now.next_day_start, Utc(2026, 11, 22, 0, 0));
}

TEST(ClockTest, DayStartsLaterForNightOwls) {
  ScopedTz tz("UTC");
  // 02:00 with days starting at 04:00 still belongs to the previous day.
  Now now = MakeNow(BootTime(1h), Utc(2026, 11, 21, 2, 0), 4h);
  EXPECT_EQ(now.day_start, Utc(2026, 11, 20, 4, 0));
  EXPECT_EQ(now.next_day_start, Utc(2026, 11, 21, 4, 0));
}

TEST(ClockTest, DstDaysAre23And25HoursLong) {
  ScopedTz tz("Europe/Berlin");
  Now spring = MakeNow(BootTime(1h), Utc(2026, 3, 29, 12, 0), 0min);
  EXPECT_EQ(spring.next_day_start - spring.day_start, 23h);
  EXPECT_EQ(spring.utc_offset, 2h);
  Now autumn = MakeNow(BootTime(1h), Utc(2026, 10, 25, 12, 0), 0min);
  EXPECT_EQ(autumn.next_day_start - autumn.day_start, 25h);
  EXPECT_EQ(autumn.utc_offset, 1h);
}

TEST(ClockTest, FindsTheOffsetChangeOfTheWeekAhead) {
  ScopedTz tz("Europe/Berlin");
  // Monday before the spring change: CET now, CEST from Sunday 01:00 UTC.
  Now monday = MakeNow(BootTime(1h), Utc(2026, 3, 23, 12, 0), 0min);
  EXPECT_EQ(monday.utc_offset, 1h);
  EXPECT_EQ(monday.offset_change, Utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(monday.offset_after, 2h);
  EXPECT_EQ(monday.OffsetAt(Utc(2026, 3, 29, 0, 59)), 1h);
  EXPECT_EQ(monday.OffsetAt(Utc(2026, 3, 29, 1, 0)), 2h);
  // The autumn change, back to CET.
  Now saturday = MakeNow(BootTime(1h), Utc(2026, 10, 24, 20, 0), 0min);
  EXPECT_EQ(saturday.offset_change, Utc(2026, 10, 25, 1, 0));
  EXPECT_EQ(saturday.offset_after, 1h);
  // No change within the week: nothing to say.
  EXPECT_FALSE(MakeNow(BootTime(1h), Utc(2026, 6, 1, 12, 0), 0min).offset_change);
}

TEST(ClockTest, MappingBetweenClocks) {
  Now now{};
  now.boot = BootTime(10h);
  now.wall = Utc(2026, 1, 1, 12, 0);
  EXPECT_EQ(now.WallAt(BootTime(9h)), Utc(2026, 1, 1, 11, 0));
  EXPECT_EQ(now.BootAt(Utc(2026, 1, 1, 13, 0)), BootTime(11h));
}

// Two hours of suspend lie between the clocks: an instant 3 s ago on the
// monotonic clock is 3 s ago on the boot clock too, not 2 h 3 s.
TEST(ClockTest, MonotonicInstantOnTheBootClock) {
  EXPECT_EQ(MonotonicToBoot(8h - 3s, BootTime(10h), 8h), BootTime(10h - 3s));
  EXPECT_EQ(MonotonicToBoot(8h, BootTime(10h), 8h), BootTime(10h));
  // Whether the suspend came before or after the instant cannot be told: the
  // later of the two (no suspend since) is taken, so a break is never too long.
  EXPECT_EQ(MonotonicToBoot(5h, BootTime(10h), 8h), BootTime(7h));
}

TEST(ClockTest, BootClockDoesNotGoBackwards) {
  BootTime a = ReadBootClock();
  BootTime b = ReadBootClock();
  EXPECT_LE(a, b);
  EXPECT_GE(SuspendedSoFar(), 0ms);
}

}  // namespace
}  // namespace unsit
