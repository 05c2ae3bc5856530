// What the panel indicator shows for each state of the model, and its words.
#include "core/tray_view.h"

#include <gtest/gtest.h>

#include "i18n/tray_text.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

Snapshot Sitting(Duration bout) {
  Snapshot s;
  s.state = State::kSitting;
  s.bout = bout;
  s.next_reminder = 60min - bout;
  return s;
}

TEST(TrayViewTest, SittingShowsWholeMinutesAndTheNextReminder) {
  TrayView view = TrayViewOf(Sitting(42min + 59s));
  EXPECT_EQ(view.state, TrayState::kSitting);
  EXPECT_EQ(view.status, "Active");
  EXPECT_EQ(view.label, "42m");
  EXPECT_EQ(view.tooltip_body, "") << "the words are the shell's (i18n/tray_text.h)";
  EXPECT_FALSE(view.reminder_open);
}

TEST(TrayViewTest, StatesInOrderOfUrgency) {
  Snapshot s = Sitting(61min);
  s.reminder_open = true;
  s.paused = true;
  EXPECT_EQ(TrayViewOf(s).state, TrayState::kDue);
  EXPECT_EQ(TrayViewOf(s).status, "NeedsAttention");
  s.reminder_open = false;
  EXPECT_EQ(TrayViewOf(s).state, TrayState::kMuted);
  EXPECT_EQ(TrayViewOf(s).status, "Passive");
  s.paused = false;
  s.quiet_until = WallTime(1h);
  EXPECT_EQ(TrayViewOf(s).state, TrayState::kMuted);
  s.quiet_until.reset();
  s.reminder_held = true;
  s.state = State::kAway;
  EXPECT_EQ(TrayViewOf(s).state, TrayState::kHeld);
  EXPECT_EQ(TrayViewOf(s).status, "Active");
  s.reminder_held = false;
  EXPECT_EQ(TrayViewOf(s).state, TrayState::kAway);
  EXPECT_EQ(TrayViewOf(s).label, "") << "no minutes while away";
  s.state = State::kStanding;
  EXPECT_EQ(TrayViewOf(s).state, TrayState::kStanding);
  EXPECT_TRUE(TrayViewOf(s).standing);
  EXPECT_EQ(TrayViewOf(s).label, "");
}

TEST(TrayViewTest, MutedSaysWhetherByQuietOrWorkingHours) {
  Snapshot s = Sitting(20min);
  s.quiet_until = WallTime(1h);
  s.schedule = ScheduleState{true, ScheduleIn::kQuietHours, ParseSpan("sat,sun"), WallTime(1h)};
  EXPECT_EQ(TrayTooltip(s, TrayViewOf(s).state).substr(0, 13), "Quiet hours, ");
  s.schedule->in = ScheduleIn::kOutsideWorkingHours;
  s.schedule->span.reset();
  EXPECT_EQ(TrayTooltip(s, TrayViewOf(s).state).substr(0, 23), "Outside working hours, ");
}

TEST(TrayViewTest, AReminderHeldWhileBusySaysByWhat) {
  Snapshot s = Sitting(95min);
  s.held_by.Add(HoldReason::kCall);
  TrayView view = TrayViewOf(s);
  EXPECT_EQ(view.state, TrayState::kHeld);
  EXPECT_EQ(view.status, "Active");
  s.reminder_open = true;
  EXPECT_EQ(TrayViewOf(s).state, TrayState::kDue) << "an open reminder outranks the hold";
}

TEST(TrayViewTest, RefreshesAtTheNextWholeMinuteOnlyWhileSitting) {
  BootTime now(1000h);
  EXPECT_EQ(NextTrayRefresh(Sitting(42min + 20s), now), now + 40s);
  EXPECT_EQ(NextTrayRefresh(Sitting(42min), now), now + 1min);
  EXPECT_EQ(NextTrayRefresh(Sitting(0s), now), now + 1min) << "a bout that has just begun";
  EXPECT_EQ(TrayViewOf(Sitting(0s)).label, "0m");
  Snapshot away;
  away.state = State::kAway;
  EXPECT_EQ(NextTrayRefresh(away, now), std::nullopt) << "no wakeups while away";
  Snapshot standing = Sitting(0s);
  standing.state = State::kStanding;
  EXPECT_EQ(NextTrayRefresh(standing, now), std::nullopt);
  Snapshot idle = Sitting(42min);
  idle.idle_for = 61s;
  EXPECT_EQ(NextTrayRefresh(idle, now), std::nullopt) << "idle: the label waits for an event";
}

TEST(TrayViewTest, PixmapIsADiscInTheStatesColour) {
  std::vector<std::uint8_t> px = TrayPixmap(TrayState::kDue, 22);
  ASSERT_EQ(px.size(), 22u * 22u * 4u);
  auto at = [&](int x, int y) { return px.data() + (y * 22 + x) * 4; };
  EXPECT_EQ(at(0, 0)[0], 0) << "corners are transparent";
  const std::uint8_t* centre = at(11, 11);
  EXPECT_EQ(centre[0], 0xff);
  EXPECT_EQ(centre[1], 0xe0);
  EXPECT_EQ(centre[2], 0x7b);
  EXPECT_EQ(centre[3], 0x39);
  EXPECT_NE(TrayPixmap(TrayState::kSitting, 22), px);
}

// The words, made by the shell (English: the tests run in the C locale).
TEST(TrayTextTest, SittingSaysHowLongAndTheNextReminder) {
  const Snapshot s = Sitting(42min + 59s);
  EXPECT_EQ(TrayTooltip(s, TrayViewOf(s).state),
            "Sitting for 42 min\nNext reminder in 17 min. Today: 0 s sitting, 0 breaks");
}

TEST(TrayTextTest, AReminderHeldWhileBusySaysByWhat) {
  Snapshot s = Sitting(95min);
  s.held_by.Add(HoldReason::kCall);
  const std::string tooltip = TrayTooltip(s, TrayViewOf(s).state);
  EXPECT_EQ(tooltip.substr(0, tooltip.find('\n')), "A reminder is held while you are busy (call)");
}

TEST(TrayTextTest, MutedShowsTheMinutesOnlyWhileSitting) {
  Snapshot s = Sitting(10min);
  s.paused = true;
  EXPECT_EQ(TrayTooltip(s, TrayState::kMuted).substr(0, 33), "Reminders paused, sitting for 10 ");
  s.state = State::kAway;
  s.paused = false;
  s.quiet_until = WallTime(1h);
  EXPECT_EQ(TrayTooltip(s, TrayState::kMuted).substr(0, 12), "Quiet hours\n");
}

TEST(TrayTextTest, TodayCountsBreaksWithAPlural) {
  DayTotals today;
  today.sitting = 62min;
  today.longest_bout = 40min;
  today.breaks = 1;
  EXPECT_EQ(TrayTodayLine(today), "Today: 1 h 02 min sitting, longest 40 min, 1 break");
  today.breaks = 2;
  EXPECT_EQ(TrayTodayLine(today), "Today: 1 h 02 min sitting, longest 40 min, 2 breaks");
}

TEST(TrayTextTest, AStretchReadsAsNameStepsAndCaution) {
  Stretch stretch;
  stretch.name = "Standing lunge";
  stretch.minutes = 2;
  stretch.steps = {"Step forward.", "Hold 30 s."};
  stretch.caution = "A mild pull only.";
  EXPECT_EQ(StretchLines(stretch),
            (std::vector<std::string>{"Standing lunge (2 min)", "1. Step forward.", "2. Hold 30 s.",
                                      "Careful: A mild pull only."}));
  stretch.caution.clear();
  EXPECT_EQ(StretchLines(stretch).size(), 3u) << "no caution line without a caution";
}

}  // namespace
}  // namespace unsit
