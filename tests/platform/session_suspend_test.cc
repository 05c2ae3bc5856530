#include <gtest/gtest.h>

#include "platform/session_watch.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

TEST(SuspendDetectorTest, ReportsJumpsOfBootMinusMonotonic) {
  Duration suspended = 5s;
  SuspendDetector detector([&] { return suspended; }, 2s);
  EXPECT_EQ(detector.Check(), std::nullopt);
  suspended += 1s;  // below the threshold: held, not reported
  EXPECT_EQ(detector.Check(), std::nullopt);
  suspended += 90s;
  EXPECT_EQ(detector.Check(), std::optional<Duration>(91s));
  EXPECT_EQ(detector.Check(), std::nullopt);
}

TEST(SuspendDetectorTest, RealClocksDoNotJumpWhileAwake) {
  SuspendDetector detector;
  EXPECT_EQ(detector.Check(), std::nullopt);
}

}  // namespace
}  // namespace unsit
