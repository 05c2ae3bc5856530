// hold: the reasons to hold reminders for, the settle time and the cap.
#include <gtest/gtest.h>

#include "config/config_loader.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

TEST(ConfigHoldTest, ReadsReasonsSettleAndCap) {
  Result<Config> config =
      ParseConfig("hold:\n  for: [fullscreen, call]\n  settle: 1m\n  cap: 90m\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config.value().hold.reasons, (HoldReasons{HoldReason::kFullscreen, HoldReason::kCall}));
  EXPECT_EQ(config.value().hold.settle, 1min);
  EXPECT_EQ(config.value().hold.cap, 90min);
}

TEST(ConfigHoldTest, DefaultHoldsForDndCallsAndScreenSharing) {
  const Config defaults;
  EXPECT_EQ(defaults.hold.reasons,
            (HoldReasons{HoldReason::kDnd, HoldReason::kCall, HoldReason::kScreencast}));
  EXPECT_FALSE(defaults.hold.reasons.Has(HoldReason::kFullscreen));
}

TEST(ConfigHoldTest, EmptyListHoldsForNothing) {
  Result<Config> config = ParseConfig("hold:\n  for: []\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config.value().hold.reasons.empty());
}

TEST(ConfigHoldTest, UnknownReasonIsNamedAtItsPlace) {
  Result<Config> config = ParseConfig("hold:\n  for: [dnd, meeting]\n", "u.yaml");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("u.yaml:2:"), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find("meeting"), std::string::npos) << config.error().message;
}

}  // namespace
}  // namespace unsit
