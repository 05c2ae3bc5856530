// Unit tests of the sitting model with a fake pair of clocks (UTC, 24-hour days).
// Whole scenarios live in tests/traces; these pin single rules and the API.
#include "core/model.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

class FakeClock {
 public:
  Now Read() const {
    Now now;
    now.boot = boot_;
    now.wall = wall_;
    now.day_start = floor<days>(wall_);
    now.next_day_start = now.day_start + days(1);
    return now;
  }
  void Advance(Duration d) {
    boot_ += d;
    wall_ += d;
  }
  void JumpWall(Duration d) { wall_ += d; }
  BootTime boot() const { return boot_; }

 private:
  BootTime boot_{hours(100)};
  WallTime wall_{sys_days(2026y / November / 21) + 9h};
};

class ModelTest : public testing::Test {
 protected:
  ModelTest() : model_(Config{}, clock_.Read()) {}

  Output Handle(const Input& input) {
    Output output = model_.Handle(clock_.Read(), input);
    deadline_ = output.next_deadline;
    return output;
  }
  // Advances like the daemon: one Tick at every deadline on the way.
  std::vector<Decision> AdvanceBy(Duration d) {
    std::vector<Decision> all;
    BootTime target = clock_.boot() + d;
    while (deadline_ && *deadline_ <= target) {
      EXPECT_GT(*deadline_, clock_.boot());
      clock_.Advance(*deadline_ - clock_.boot());
      Output output = Handle(in::Tick{});
      all.insert(all.end(), output.decisions.begin(), output.decisions.end());
    }
    clock_.Advance(target - clock_.boot());
    return all;
  }
  template <typename T>
  static std::vector<T> All(const std::vector<Decision>& decisions) {
    std::vector<T> found;
    for (const Decision& d : decisions) {
      if (const T* t = std::get_if<T>(&d)) found.push_back(*t);
    }
    return found;
  }

  FakeClock clock_;
  Model model_;
  std::optional<BootTime> deadline_;
};

TEST_F(ModelTest, StartsAwayWithOnlyTheDayBoundaryScheduled) {
  Snapshot status = model_.Status(clock_.Read());
  EXPECT_EQ(status.state, State::kAway);
  EXPECT_EQ(status.bout, 0ms);
  EXPECT_EQ(status.next_reminder, std::nullopt);
  Output output = Handle(in::Tick{});
  EXPECT_TRUE(output.decisions.empty());
  EXPECT_EQ(output.next_deadline, clock_.boot() + 15h);  // 09:00 -> midnight
}

TEST_F(ModelTest, IdleProbeIsHalfTheBreakCappedAtAMinute) {
  EXPECT_EQ(model_.IdleProbe(), 60s);
  Config config;
  config.break_after = 90s;
  Model short_breaks(config, clock_.Read());
  EXPECT_EQ(short_breaks.IdleProbe(), 45s);
}

TEST_F(ModelTest, FirstInputStartsABoutAndSchedulesACheckpoint) {
  Output output = Handle(in::Active{});
  ASSERT_EQ(All<out::BoutStarted>(output.decisions).size(), 1u);
  EXPECT_EQ(All<out::BoutStarted>(output.decisions)[0].at, clock_.boot());
  ASSERT_EQ(All<out::StateChanged>(output.decisions).size(), 1u);
  EXPECT_EQ(All<out::StateChanged>(output.decisions)[0].state, State::kSitting);
  EXPECT_EQ(output.next_deadline, clock_.boot() + 5min);
  EXPECT_EQ(model_.Status(clock_.Read()).next_reminder, Duration(60min));
}

TEST_F(ModelTest, ReminderAtSitLimitWithTheBoutLength) {
  Handle(in::Active{});
  std::vector<Decision> decisions = AdvanceBy(60min);
  auto shown = All<out::ShowReminder>(decisions);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].sitting, 60min);
  EXPECT_EQ(shown[0].shown, 1);
  EXPECT_EQ(All<out::Checkpoint>(decisions).size(), 12u);  // every 5 min, never more often
  Snapshot status = model_.Status(clock_.Read());
  EXPECT_TRUE(status.reminder_open);
  EXPECT_EQ(status.today.reminders, 1);
  EXPECT_EQ(status.today.long_bouts, 1);
}

TEST_F(ModelTest, BreakIsBackDatedToTheLastInput) {
  Handle(in::Active{});
  clock_.Advance(20min);
  BootTime last_input = clock_.boot();
  clock_.Advance(1min);
  Handle(in::Idle{last_input});
  EXPECT_EQ(model_.Status(clock_.Read()).state, State::kSitting);  // short idle is sitting
  EXPECT_EQ(deadline_, last_input + 5min);
  std::vector<Decision> decisions = AdvanceBy(4min);
  auto closed = All<out::BoutClosed>(decisions);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].end, last_input);
  EXPECT_EQ(closed[0].length(), 20min);
  EXPECT_EQ(closed[0].why, BoutEnd::kBreak);
  auto started = All<out::BreakStarted>(decisions);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].at, last_input);
  EXPECT_EQ(started[0].cause, BreakCause::kIdle);
  EXPECT_EQ(model_.Status(clock_.Read()).today.sitting, 20min);
}

TEST_F(ModelTest, LateIdleIsHandledAtOnce) {
  Handle(in::Active{});
  clock_.Advance(30min);
  Output output = Handle(in::Idle{clock_.boot() - 10min});
  auto closed = All<out::BoutClosed>(output.decisions);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].length(), 20min);
}

TEST_F(ModelTest, ActiveAfterABreakEndsItAndStartsABout) {
  Handle(in::Active{});
  clock_.Advance(10min);
  Handle(in::Lock{});
  clock_.Advance(7min);
  Output ignored = Handle(in::Active{});  // the lock screen, not work
  EXPECT_TRUE(ignored.decisions.empty());
  Output output = Handle(in::Unlock{});
  auto ended = All<out::BreakEnded>(output.decisions);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].end - ended[0].start, 7min);
  EXPECT_EQ(ended[0].cause, BreakCause::kLock);
  EXPECT_EQ(All<out::BoutStarted>(output.decisions).size(), 1u);
}

TEST_F(ModelTest, WallJumpChangesNoDuration) {
  Handle(in::Active{});
  AdvanceBy(10min);
  clock_.JumpWall(-3h);
  AdvanceBy(50min);
  Snapshot status = model_.Status(clock_.Read());
  EXPECT_EQ(status.bout, 60min);
  EXPECT_TRUE(status.reminder_open);
  EXPECT_EQ(status.today.sitting, 60min);
}

TEST_F(ModelTest, StatusCountsTheOpenBoutInToday) {
  Handle(in::Active{});
  clock_.Advance(90min);
  Snapshot status = model_.Status(clock_.Read());
  EXPECT_EQ(status.today.sitting, 90min);
  EXPECT_EQ(status.today.hours[9], 60min);
  EXPECT_EQ(status.today.hours[10], 30min);
  EXPECT_EQ(status.today.longest_bout, 90min);
  EXPECT_EQ(status.today.bouts, 1);
}

TEST_F(ModelTest, ReconfigureRederivesTheDueTime) {
  Handle(in::Active{});
  AdvanceBy(40min);
  Config config;
  config.sit_limit = 30min;
  Output output = model_.Reconfigure(clock_.Read(), config);
  auto shown = All<out::ShowReminder>(output.decisions);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].sitting, 40min);
  EXPECT_EQ(model_.config().sit_limit, 30min);
}

TEST_F(ModelTest, ReconfigureLengthensTheBreakThreshold) {
  Handle(in::Active{});
  clock_.Advance(10min);
  Handle(in::Idle{clock_.boot()});
  Config config;
  config.break_after = 15min;
  deadline_ = model_.Reconfigure(clock_.Read(), config).next_deadline;
  EXPECT_EQ(model_.IdleProbe(), 60s);
  EXPECT_TRUE(All<out::BoutClosed>(AdvanceBy(14min)).empty());
  auto closed = All<out::BoutClosed>(AdvanceBy(1min));
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].length(), 10min);
}

TEST_F(ModelTest, ShutdownClosesTheBoutAndStopsScheduling) {
  Handle(in::Active{});
  clock_.Advance(61min);
  Handle(in::Tick{});
  Output output = Handle(in::Shutdown{});
  auto closed = All<out::CloseReminder>(output.decisions);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].outcome, ReminderOutcome::kWithdrawn);
  auto bouts = All<out::BoutClosed>(output.decisions);
  ASSERT_EQ(bouts.size(), 1u);
  EXPECT_EQ(bouts[0].why, BoutEnd::kShutdown);
  EXPECT_EQ(bouts[0].length(), 61min);
  EXPECT_EQ(output.next_deadline, std::nullopt);
}

TEST_F(ModelTest, RestoreAdoptsTotalsAndContinuesTheBout) {
  DayTotals today;
  today.bouts = 2;
  today.sitting = 30min;
  today.hours[8] = 30min;
  Output output = Handle(in::Restore{today, clock_.boot() - 20min});
  EXPECT_TRUE(All<out::BoutStarted>(output.decisions).empty());
  Snapshot status = model_.Status(clock_.Read());
  EXPECT_EQ(status.state, State::kSitting);
  EXPECT_EQ(status.bout, 20min);
  EXPECT_EQ(status.today.bouts, 3);
  EXPECT_EQ(status.today.sitting, 50min);
  EXPECT_EQ(status.next_reminder, Duration(40min));
}

TEST_F(ModelTest, DeadlinesAreNeverInThePastNorSecondTicks) {
  Handle(in::Active{});
  BootTime previous = clock_.boot();
  for (int i = 0; i < 50 && deadline_; ++i) {
    ASSERT_GE(*deadline_ - previous, 1min);
    previous = *deadline_;
    AdvanceBy(*deadline_ - clock_.boot());
  }
}

TEST_F(ModelTest, WithdrawalComesBeforeTheBreakInTheDecisions) {
  Handle(in::Active{});
  AdvanceBy(65min);
  WallTime lock_wall = clock_.Read().wall;
  Output output = Handle(in::Lock{});
  ASSERT_EQ(output.decisions.size(), 4u);
  EXPECT_TRUE(std::holds_alternative<out::CloseReminder>(output.decisions[0]));
  ASSERT_TRUE(std::holds_alternative<out::BoutClosed>(output.decisions[1]));
  ASSERT_TRUE(std::holds_alternative<out::BreakStarted>(output.decisions[2]));
  EXPECT_TRUE(std::holds_alternative<out::StateChanged>(output.decisions[3]));
  const auto& closed = std::get<out::BoutClosed>(output.decisions[1]);
  EXPECT_EQ(closed.end_wall, lock_wall);
  EXPECT_EQ(closed.start_wall, lock_wall - 65min);
  EXPECT_EQ(std::get<out::BreakStarted>(output.decisions[2]).wall, lock_wall);
}

TEST_F(ModelTest, StatusReportsPauseLockAndIdle) {
  Handle(in::Active{});
  clock_.Advance(1min);
  Handle(in::Idle{clock_.boot() - 1min});
  Handle(in::Pause{30min});
  clock_.Advance(2min);
  Snapshot status = model_.Status(clock_.Read());
  EXPECT_TRUE(status.paused);
  EXPECT_EQ(status.paused_until, clock_.Read().wall + 28min);
  EXPECT_EQ(status.idle_for, Duration(3min));
  EXPECT_FALSE(status.locked);
  Handle(in::Lock{});
  EXPECT_TRUE(model_.Status(clock_.Read()).locked);
  EXPECT_EQ(model_.Status(clock_.Read()).state, State::kAway);
}

TEST_F(ModelTest, CheckpointCarriesTheBoutStart) {
  WallTime start_wall = clock_.Read().wall;
  BootTime start = clock_.boot();
  Handle(in::Active{});
  auto checkpoints = All<out::Checkpoint>(AdvanceBy(5min));
  ASSERT_EQ(checkpoints.size(), 1u);
  EXPECT_EQ(checkpoints[0].bout_start, start);
  EXPECT_EQ(checkpoints[0].bout_start_wall, start_wall);
  EXPECT_EQ(checkpoints[0].sitting, 5min);
}

TEST_F(ModelTest, DayRolledStampsTheOldDayAndSplitsTheBout) {
  AdvanceBy(14h + 30min);  // 23:30
  Handle(in::Active{});
  auto rolled = All<out::DayRolled>(AdvanceBy(1h));
  ASSERT_EQ(rolled.size(), 1u);
  EXPECT_EQ(rolled[0].day_start, WallTime(sys_days(2026y / November / 21)));
  EXPECT_EQ(rolled[0].totals.sitting, 30min);
  EXPECT_EQ(rolled[0].totals.hours[23], 30min);
  EXPECT_EQ(rolled[0].totals.bouts, 1);
  Snapshot status = model_.Status(clock_.Read());
  EXPECT_EQ(status.bout, 1h);
  EXPECT_EQ(status.today.sitting, 30min);
  EXPECT_EQ(status.today.hours[0], 30min);
}

TEST(ModelToStringTest, NamesAreLowercaseWords) {
  EXPECT_STREQ(ToString(State::kSitting), "sitting");
  EXPECT_STREQ(ToString(State::kAway), "away");
  EXPECT_STREQ(ToString(State::kStanding), "standing");
  EXPECT_STREQ(ToString(BreakCause::kIdle), "idle");
  EXPECT_STREQ(ToString(BreakCause::kLock), "lock");
  EXPECT_STREQ(ToString(BreakCause::kSuspend), "suspend");
  EXPECT_STREQ(ToString(BreakCause::kDone), "done");
  EXPECT_STREQ(ToString(BoutEnd::kBreak), "break");
  EXPECT_STREQ(ToString(BoutEnd::kStanding), "standing");
  EXPECT_STREQ(ToString(BoutEnd::kShutdown), "shutdown");
  EXPECT_STREQ(ToString(ReminderOutcome::kDone), "done");
  EXPECT_STREQ(ToString(ReminderOutcome::kSnoozed), "snoozed");
  EXPECT_STREQ(ToString(ReminderOutcome::kSkipped), "skipped");
  EXPECT_STREQ(ToString(ReminderOutcome::kDismissed), "dismissed");
  EXPECT_STREQ(ToString(ReminderOutcome::kWithdrawn), "withdrawn");
  EXPECT_STREQ(ToString(ReminderOutcome::kUpOnOwn), "up");
  EXPECT_EQ(ParseReminderOutcome("up"), ReminderOutcome::kUpOnOwn);
  EXPECT_EQ(ParseReminderOutcome("shown"), std::nullopt);
}

}  // namespace
}  // namespace unsit
