#include "control/events.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

const WallTime kNow{std::chrono::seconds(1'795'000'000)};
const BootTime kBoot{std::chrono::hours(5)};

TEST(EventsFor, Reminders) {
  auto shown = EventsFor(out::ShowReminder{std::chrono::minutes(62), 2}, kNow);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].name, "reminder");
  EXPECT_EQ(shown[0].data["what"], "shown");
  EXPECT_EQ(shown[0].data["sitting_seconds"], 3720);
  EXPECT_EQ(shown[0].data["shown"], 2);
  auto closed =
      EventsFor(out::CloseReminder{ReminderOutcome::kSnoozed, std::chrono::minutes(63)}, kNow);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].data["what"], "closed");
  EXPECT_EQ(closed[0].data["outcome"], "snoozed");
}

TEST(EventsFor, BreaksAndBouts) {
  auto started = EventsFor(out::BreakStarted{kBoot, kNow, BreakCause::kLock}, kNow);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].name, "break");
  EXPECT_EQ(started[0].data["cause"], "lock");
  EXPECT_EQ(started[0].data["at"], "2026-11-18T11:06:40Z");
  auto ended = EventsFor(out::BreakEnded{kBoot, kBoot + std::chrono::minutes(7), kNow,
                                         kNow + std::chrono::minutes(7), BreakCause::kIdle},
                         kNow);
  EXPECT_EQ(ended[0].data["what"], "ended");
  EXPECT_EQ(ended[0].data["seconds"], 420);
  auto bout = EventsFor(out::BoutStarted{kBoot, kNow}, kNow);
  EXPECT_EQ(bout[0].name, "bout");
  EXPECT_EQ(bout[0].data["what"], "started");
  auto closed = EventsFor(
      out::BoutClosed{kBoot, kBoot + std::chrono::minutes(30), kNow, kNow, BoutEnd::kStanding},
      kNow);
  EXPECT_EQ(closed[0].data["why"], "standing");
  EXPECT_EQ(closed[0].data["seconds"], 1800);
}

TEST(EventsFor, StateAndPause) {
  auto state = EventsFor(out::StateChanged{State::kAway}, kNow);
  EXPECT_EQ(state[0].name, "state");
  EXPECT_EQ(state[0].data["state"], "away");
  auto pause = EventsFor(out::PauseChanged{kNow, true}, kNow);
  EXPECT_EQ(pause[0].name, "pause");
  EXPECT_EQ(pause[0].data["paused"], true);
  EXPECT_EQ(pause[0].data["until"], "2026-11-18T11:06:40Z");
  auto resumed = EventsFor(out::PauseChanged{std::nullopt, false}, kNow);
  EXPECT_TRUE(resumed[0].data["until"].is_null());
}

TEST(EventsFor, DeskPromptsAndStanding) {
  auto shown = EventsFor(out::ShowDeskPrompt{DeskPrompt::kRaise, std::chrono::minutes(45)}, kNow);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].name, "desk");
  EXPECT_EQ(shown[0].data["what"], "shown");
  EXPECT_EQ(shown[0].data["prompt"], "raise");
  EXPECT_EQ(shown[0].data["seconds"], 2700);
  auto closed = EventsFor(out::CloseDeskPrompt{DeskPrompt::kSit}, kNow);
  EXPECT_EQ(closed[0].data["what"], "closed");
  EXPECT_EQ(closed[0].data["prompt"], "sit");
  auto stood = EventsFor(out::StandClosed{kBoot, kBoot + std::chrono::minutes(15), kNow,
                                          kNow + std::chrono::minutes(15)},
                         kNow);
  EXPECT_EQ(stood[0].data["what"], "stood");
  EXPECT_EQ(stood[0].data["seconds"], 900);
}

TEST(EventsFor, BookkeepingIsSilent) {
  EXPECT_TRUE(EventsFor(out::DayRolled{kNow, DayTotals{}}, kNow).empty());
  EXPECT_TRUE(EventsFor(out::Checkpoint{kBoot, kNow, std::chrono::minutes(5)}, kNow).empty());
}

}  // namespace
}  // namespace unsit
