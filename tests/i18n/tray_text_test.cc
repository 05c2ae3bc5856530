// The indicator's words (English: the tests run in the C locale).
#include "i18n/tray_text.h"

#include <gtest/gtest.h>

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
