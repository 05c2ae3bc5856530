#include "core/schedule.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

using namespace std::chrono_literals;
using Spans = std::vector<QuietWindow>;

// 2026-11-16 is a Monday.
constexpr std::chrono::sys_days kMonday{std::chrono::year(2026) / 11 / 16};

// A reading of the clocks at local time `hh:mm` on `day` days after Monday
// 2026-11-16, `offset` east of UTC, with the boot clock at 1000 h.
Now At(int day, int hh, int mm, std::chrono::seconds offset = 0s) {
  Now now;
  now.boot = BootTime(1000h);
  now.utc_offset = offset;
  now.wall = WallTime(kMonday + std::chrono::days(day)) + std::chrono::hours(hh) +
             std::chrono::minutes(mm) - offset;
  return now;
}
Now At(int hh, int mm, std::chrono::seconds offset = 0s) { return At(0, hh, mm, offset); }

Spans Parse(std::initializer_list<const char*> texts) {
  Spans spans;
  for (const char* text : texts) spans.push_back(*ParseSpan(text));
  return spans;
}

// When the quiet at `at` ends, as a boot instant; nullopt outside it.
std::optional<BootTime> QuietEnd(const Spans& quiet, const Spans& working, const Now& now,
                                 BootTime at) {
  const std::optional<ScheduleState> state = ScheduleAt(quiet, working, now, at);
  if (!state || !state->quiet || !state->until) return std::nullopt;
  return now.BootAt(*state->until);
}
std::optional<BootTime> QuietEnd(const Spans& quiet, const Now& now) {
  return QuietEnd(quiet, {}, now, now.boot);
}

TEST(ScheduleTest, NoSpansNoSchedule) { EXPECT_FALSE(ScheduleAt({}, {}, At(9, 0), At(9, 0).boot)); }

TEST(ScheduleTest, UntilTheEndOfTheWindowTheClockIsIn) {
  const Spans lunch = Parse({"12:00-13:00"});
  EXPECT_FALSE(QuietEnd(lunch, At(11, 59)));
  EXPECT_EQ(QuietEnd(lunch, At(12, 0)), At(12, 0).boot + 60min);
  EXPECT_EQ(QuietEnd(lunch, At(12, 40)), At(12, 40).boot + 20min);
  EXPECT_FALSE(QuietEnd(lunch, At(13, 0)));  // the end is not inside
  // Asked about a later instant: 11:00 now, 12:30 is quiet until 13:00.
  EXPECT_EQ(QuietEnd(lunch, {}, At(11, 0), At(11, 0).boot + 90min), At(11, 0).boot + 2h);
}

TEST(ScheduleTest, PastMidnightAndAdjoiningWindows) {
  const Spans night = Parse({"23:30-00:15", "22:00-23:30"});
  EXPECT_EQ(QuietEnd(night, At(22, 0)), At(22, 0).boot + 135min);
  EXPECT_EQ(QuietEnd(night, At(0, 10)), At(0, 10).boot + 5min);
  EXPECT_FALSE(QuietEnd(night, At(0, 15)));
}

TEST(ScheduleTest, LocalTimeFollowsTheOffset) {
  const Spans lunch = Parse({"12:00-13:00"});
  // 12:10 in UTC+05:30 is quiet; the same instant read as UTC (06:40) is not.
  const Now india = At(12, 10, 5h + 30min);
  EXPECT_EQ(QuietEnd(lunch, india), india.boot + 50min);
  Now utc = india;
  utc.utc_offset = 0s;
  EXPECT_FALSE(QuietEnd(lunch, utc));
}

TEST(ScheduleTest, WeekendAndAMondayMorningRunTogether) {
  const Spans quiet = Parse({"sat,sun", "mon 00:00-09:00"});
  const Now friday = At(4, 17, 0);
  const std::optional<ScheduleState> open = ScheduleAt(quiet, {}, friday, friday.boot);
  ASSERT_TRUE(open);
  EXPECT_FALSE(open->quiet);
  EXPECT_EQ(open->in, ScheduleIn::kOutsideQuietHours);
  EXPECT_EQ(open->until, WallTime(kMonday + std::chrono::days(5)));  // Saturday 00:00
  const Now saturday = At(5, 10, 0);
  const std::optional<ScheduleState> weekend = ScheduleAt(quiet, {}, saturday, saturday.boot);
  ASSERT_TRUE(weekend);
  EXPECT_TRUE(weekend->quiet);
  EXPECT_EQ(weekend->in, ScheduleIn::kQuietHours);
  EXPECT_EQ(weekend->span, quiet[0]);
  EXPECT_EQ(weekend->until, WallTime(kMonday + std::chrono::days(7) + 9h));  // next Monday 09:00
}

TEST(ScheduleTest, WorkingHoursWithALunchBreak) {
  const Spans working = Parse({"mon-fri 08:30-17:30"});
  const Spans quiet = Parse({"12:00-13:00"});
  auto at = [&](int day, int hh, int mm) {
    const Now now = At(day, hh, mm);
    return *ScheduleAt(quiet, working, now, now.boot);
  };
  EXPECT_EQ(at(0, 8, 0).in, ScheduleIn::kOutsideWorkingHours);
  EXPECT_TRUE(at(0, 8, 0).quiet);
  EXPECT_EQ(at(0, 8, 0).until, WallTime(kMonday + 8h + 30min));
  EXPECT_EQ(at(0, 9, 0).in, ScheduleIn::kWorkingHours);
  EXPECT_EQ(at(0, 9, 0).span, working[0]);
  EXPECT_EQ(at(0, 9, 0).until, WallTime(kMonday + 12h));  // the lunch break
  EXPECT_EQ(at(0, 12, 30).in, ScheduleIn::kQuietHours);
  EXPECT_EQ(at(4, 18, 0).until, WallTime(kMonday + std::chrono::days(7) + 8h + 30min));
  EXPECT_EQ(at(6, 12, 30).in, ScheduleIn::kQuietHours);  // lunch on a Sunday: quiet twice over
  EXPECT_TRUE(at(6, 12, 30).quiet);
}

TEST(ScheduleTest, EdgesAcrossADstChangeFallAtTheirLocalTime) {
  // Berlin, 2026-03-29: 02:00 CET (+1) becomes 03:00 CEST (+2) at 01:00 UTC.
  const WallTime change = WallTime(std::chrono::sys_days(std::chrono::year(2026) / 3 / 29)) + 1h;
  const Spans quiet = Parse({"sat,sun"});
  Now saturday;
  saturday.boot = BootTime(1000h);
  saturday.wall = change - 12h;  // Saturday 14:00 CET
  saturday.utc_offset = 1h;
  saturday.offset_change = change;
  saturday.offset_after = 2h;
  const std::optional<ScheduleState> state = ScheduleAt(quiet, {}, saturday, saturday.boot);
  ASSERT_TRUE(state && state->quiet);
  // Monday 00:00 CEST is Sunday 22:00 UTC, not 23:00 as the offset of Saturday says.
  EXPECT_EQ(state->until, change + 21h);
  // A local time the change skips is reached at the change.
  const Spans early = Parse({"sun 00:00-02:30"});
  EXPECT_EQ(ScheduleAt(early, {}, saturday, saturday.boot + 11h)->until, change);
}

TEST(ScheduleTest, LeavesNoTime) {
  EXPECT_FALSE(LeavesNoTime({}, {}));
  EXPECT_FALSE(LeavesNoTime(Parse({"22:00-21:59"}), {}));
  EXPECT_TRUE(LeavesNoTime(Parse({"00:00-12:00", "12:00-00:00"}), {}));
  EXPECT_TRUE(LeavesNoTime(Parse({"08:00-20:00", "19:00-09:00"}), {}));
  EXPECT_TRUE(LeavesNoTime(Parse({"mon-fri", "sat,sun"}), {}));
  EXPECT_FALSE(LeavesNoTime(Parse({"mon-fri", "sat"}), {}));
  EXPECT_FALSE(LeavesNoTime({}, Parse({"sun 23:59-00:00"})));
  EXPECT_TRUE(LeavesNoTime(Parse({"mon-fri"}), Parse({"mon-fri 09:00-17:00"})));
  EXPECT_FALSE(LeavesNoTime(Parse({"mon-thu"}), Parse({"mon-fri 09:00-17:00"})));
}

}  // namespace
}  // namespace unsit
