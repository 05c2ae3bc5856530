// The prompts of the sit-stand rhythm as the user reads them.
#include "shell/desk_text.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

using namespace std::chrono_literals;

const Config::StandingDesk kDesk{45min, 15min};

TEST(DeskTextTest, RaiseTheDeskOffersDeskIsUpAndLater) {
  const ReminderView view = ComposeDeskPrompt(DeskPrompt::kRaise, 45min, kDesk, 10min);
  EXPECT_EQ(view.summary, "Time to raise the desk — 45 min sitting");
  EXPECT_EQ(view.body, "Stand for the next 15 min.");
  EXPECT_EQ(view.desk_label, "Desk is up");
  EXPECT_EQ(view.snooze_label, "Later");
  EXPECT_TRUE(view.picture.empty());
  EXPECT_EQ(BodyFor(view, false),
            "Stand for the next 15 min.\nNo buttons here: run unsit standing on once the desk "
            "is up, or unsit snooze to be asked again in 10 min.");
  // Servers that keep actions in a menu: the body says where, not "I'm up".
  EXPECT_EQ(BodyFor(view, true, "dunstctl context"),
            "Stand for the next 15 min.\nIts buttons are in the notification's menu (dunstctl "
            "context).");
}

TEST(DeskTextTest, YouMaySitOffersSittingNowOnly) {
  const ReminderView view = ComposeDeskPrompt(DeskPrompt::kSit, 16min, kDesk, 10min);
  EXPECT_EQ(view.summary, "You may sit — 16 min standing");
  EXPECT_EQ(view.body,
            "Lower the desk when you like; the next standing part comes after 45 min of "
            "sitting.");
  EXPECT_EQ(view.desk_label, "Sitting now");
  EXPECT_TRUE(view.snooze_label.empty());
  EXPECT_EQ(BodyFor(view, true), view.body);
}

}  // namespace
}  // namespace unsit
