#include "i18n/reminder_text.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

using namespace std::chrono_literals;

Stretch Lunge() {
  Stretch s;
  s.id = "standing-lunge";
  s.name = "Standing lunge";
  s.cue = "Long step forward, tailbone down; 30 s a side.";
  s.caution = "Aim for a mild pull. Stop if it hurts.";
  return s;
}

TEST(ReminderTextTest, WithButtons) {
  const ReminderView view = ComposeReminder(62min, Lunge(), 10min);
  EXPECT_EQ(view.summary, "Time to stand up — 1 h 02 min sitting");
  EXPECT_EQ(view.body,
            "Walk around for a few minutes.\n"
            "Then stretch: Standing lunge — Long step forward, tailbone down; 30 s a side.\n"
            "Careful: Aim for a mild pull.\n"
            "All steps: unsit stretch");
  EXPECT_EQ(view.snooze_label, "Snooze 10 min");
  EXPECT_EQ(BodyFor(view, true), view.body);
}

TEST(ReminderTextTest, AfterAHoldSaysWhatIsOver) {
  EXPECT_EQ(ComposeReminder(95min, Lunge(), 10min, {HoldReason::kCall}).summary,
            "1 h 35 min sitting — the call is over, time to stand");
  // A call names itself before Do Not Disturb, which calls often switch on.
  EXPECT_EQ(ComposeReminder(95min, Lunge(), 10min, {HoldReason::kDnd, HoldReason::kCall}).summary,
            "1 h 35 min sitting — the call is over, time to stand");
  EXPECT_EQ(ComposeReminder(70min, Lunge(), 10min, {HoldReason::kScreencast}).summary,
            "1 h 10 min sitting — the screen share is over, time to stand");
  EXPECT_EQ(ComposeReminder(70min, Lunge(), 10min, {HoldReason::kDnd}).summary,
            "1 h 10 min sitting — Do Not Disturb is off, time to stand");
}

TEST(ReminderTextTest, WithoutButtonsNamesTheCommands) {
  const ReminderView view = ComposeReminder(45min, Lunge(), 15min);
  EXPECT_EQ(view.summary, "Time to stand up — 45 min sitting");
  EXPECT_EQ(BodyFor(view, false),
            "Walk around for a few minutes.\n"
            "Then stretch: Standing lunge — Long step forward, tailbone down; 30 s a side.\n"
            "Careful: Aim for a mild pull.\n"
            "All steps: unsit stretch\n"
            "No buttons here: run unsit done once you are up, unsit snooze to wait 15 min, or "
            "unsit skip to let this one pass.");
  EXPECT_EQ(view.snooze_label, "Snooze 15 min");
}

TEST(ReminderTextTest, EscapesMarkupInTheBody) {
  Stretch s = Lunge();
  s.name = "Hips <&> knees";
  s.cue = "a < b && c > d";
  const ReminderView view = ComposeReminder(1h, s, 10min);
  EXPECT_EQ(view.body,
            "Walk around for a few minutes.\n"
            "Then stretch: Hips &lt;&amp;&gt; knees — a &lt; b &amp;&amp; c &gt; d\n"
            "Careful: Aim for a mild pull.\n"
            "All steps: unsit stretch");
}

TEST(ReminderTextTest, ActionsInAMenuAreSaidToBeThere) {
  const ReminderView view = ComposeReminder(1h, Lunge(), 10min);
  const std::string body = BodyFor(view, true, "dunstctl context");
  EXPECT_TRUE(body.ends_with(
      "\nI'm up, snooze and skip are in the notification's menu (dunstctl context)."))
      << body;
  EXPECT_EQ(BodyFor(view, true), view.body) << "buttons on screen: no menu line";
}

TEST(ReminderTextTest, AWalkIsNotCalledAStretch) {
  Stretch walk = Lunge();
  walk.name = "A longer walk";
  walk.kind = StretchKind::kWalk;
  walk.cue = "Five easy minutes.";
  walk.caution.clear();
  const ReminderView view = ComposeReminder(1h, walk, 10min);
  EXPECT_EQ(view.body,
            "Walk around for a few minutes.\n"
            "Then: A longer walk — Five easy minutes.\n"
            "All steps: unsit stretch");
}

}  // namespace
}  // namespace unsit
