#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/notifier_log.h"

namespace unsit {
namespace {

TEST(LogNotifierTest, HandsTheTextToTheSinkAndNeverShowsButtons) {
  std::vector<std::string> lines;
  auto notifier = MakeLogNotifier([&](const std::string& line) { lines.push_back(line); },
                                  "no notification server answers");
  EXPECT_EQ(notifier->Name(), "log");
  EXPECT_FALSE(notifier->Info().actions);
  EXPECT_EQ(notifier->Info().problem, "no notification server answers");
  notifier->Close();  // nothing shown yet: nothing said
  EXPECT_TRUE(lines.empty());
  notifier->Show({"Time to stand up — 1 h sitting", "Walk, then stretch.", "I'm up",
                  "Snooze 10 min", "Skip", "Use unsit.", "", ""});
  notifier->Close();
  notifier->Close();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "reminder: Time to stand up — 1 h sitting — Walk, then stretch.\nUse unsit.");
  EXPECT_EQ(lines[1], "reminder withdrawn");
}

}  // namespace
}  // namespace unsit
