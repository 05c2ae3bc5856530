// Every branch of PlanRestore.
#include <gtest/gtest.h>

#include "storage/restore.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

class PlanRestoreTest : public ::testing::Test {
 protected:
  PlanRestoreTest() {
    open_.boot_id = "boot-a";
    open_.start_boot = BootTime(10h);
    open_.last_seen_boot = BootTime(11h);
    open_.start_wall = WallTime(1'800'000'000'000ms);
    open_.last_seen_wall = open_.start_wall + 1h;
  }
  // Now, `since` after the last checkpoint, with both clocks in step.
  Now After(Duration since) const {
    Now now;
    now.boot = open_.last_seen_boot + since;
    now.wall = open_.last_seen_wall + since;
    return now;
  }
  RestorePlan Plan(Duration since, std::optional<Duration> idle,
                   const std::string& boot_id = "boot-a") const {
    return PlanRestore(open_, boot_id, After(since), idle, kBreakAfter);
  }
  static constexpr Duration kBreakAfter = 5min;
  OpenBoutRecord open_;
};

TEST_F(PlanRestoreTest, NothingOpenNothingToDo) {
  RestorePlan plan = PlanRestore(std::nullopt, "boot-a", After(1min), 0ms, kBreakAfter);
  EXPECT_FALSE(plan.bout_start);
  EXPECT_FALSE(plan.close);
}

TEST_F(PlanRestoreTest, RecentSameBootIdleUnknownContinues) {
  RestorePlan plan = Plan(1min, std::nullopt);
  EXPECT_EQ(plan.bout_start, open_.start_boot);
  EXPECT_FALSE(plan.close);
}

TEST_F(PlanRestoreTest, RecentSameBootShortIdleContinues) {
  RestorePlan plan = Plan(4min, 4min + 59s);
  EXPECT_EQ(plan.bout_start, open_.start_boot);
  EXPECT_FALSE(plan.close);
}

TEST_F(PlanRestoreTest, RecentButIdleForBreakAfterClosesAtLastSeen) {
  // Idle since before the checkpoint: last_seen is the later moment.
  RestorePlan plan = Plan(2min, 6min);
  EXPECT_FALSE(plan.bout_start);
  ASSERT_TRUE(plan.close);
  EXPECT_EQ(plan.close->end, open_.last_seen_boot);
  EXPECT_EQ(plan.close->end_wall, open_.last_seen_wall);
  EXPECT_EQ(plan.close->start, open_.start_boot);
  EXPECT_EQ(plan.close->start_wall, open_.start_wall);
  EXPECT_EQ(plan.close->why, BoutEnd::kShutdown);
}

TEST_F(PlanRestoreTest, GapOfBreakAfterClosesAtLastSeenWhenIdleUnknown) {
  RestorePlan plan = Plan(5min, std::nullopt);
  EXPECT_FALSE(plan.bout_start);
  ASSERT_TRUE(plan.close);
  EXPECT_EQ(plan.close->end, open_.last_seen_boot);
  EXPECT_EQ(plan.close->length(), 1h);
}

TEST_F(PlanRestoreTest, LaterInputExtendsTheBoutWhenNoBreakFitsBetween) {
  // Down 8 min; the last input was 3 min after the checkpoint, 5 min ago.
  RestorePlan plan = Plan(8min, 5min);
  ASSERT_TRUE(plan.close);
  EXPECT_EQ(plan.close->end, open_.last_seen_boot + 3min);
  EXPECT_EQ(plan.close->end_wall, open_.last_seen_wall + 3min);
}

TEST_F(PlanRestoreTest, LaterInputTooFarAfterLastSeenIsNotCounted) {
  // The last input came 10 min after the checkpoint: the user may have left in
  // between, so only what is known to be sitting is kept.
  RestorePlan plan = Plan(11min, 1min);
  ASSERT_TRUE(plan.close);
  EXPECT_EQ(plan.close->end, open_.last_seen_boot);
}

TEST_F(PlanRestoreTest, OtherBootClosesAtLastSeenAndIgnoresIdle) {
  RestorePlan plan = Plan(1min, 0ms, "boot-b");
  EXPECT_FALSE(plan.bout_start);
  ASSERT_TRUE(plan.close);
  EXPECT_EQ(plan.close->end, open_.last_seen_boot);
  EXPECT_EQ(plan.close->end_wall, open_.last_seen_wall);
}

TEST_F(PlanRestoreTest, UnknownBootIdNeverContinues) {
  open_.boot_id = "";
  RestorePlan plan = PlanRestore(open_, "", After(1min), std::nullopt, kBreakAfter);
  EXPECT_FALSE(plan.bout_start);
  EXPECT_TRUE(plan.close);
}

TEST_F(PlanRestoreTest, BootClockBehindLastSeenIsTreatedAsAnotherBoot) {
  Now now = After(0ms);
  now.boot = open_.last_seen_boot - 1min;
  RestorePlan plan = PlanRestore(open_, "boot-a", now, 0ms, kBreakAfter);
  EXPECT_FALSE(plan.bout_start);
  ASSERT_TRUE(plan.close);
  EXPECT_EQ(plan.close->end, open_.last_seen_boot);
}

}  // namespace
}  // namespace unsit
