#include "shell/input_grace.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/model.h"

namespace unsit {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr BootTime kT0{std::chrono::hours(1)};

// The timer and the idle source as the grace sees them: what was armed, and
// how often the watch began.
class InputGraceTest : public ::testing::Test {
 protected:
  InputGrace grace_{[this](BootTime at) -> Status {
                      if (!timer_works_) return Error{"timer", "timerfd_settime: no"};
                      armed_.push_back(at);
                      return Ok{};
                    },
                    [this] { ++watches_; }};
  bool timer_works_ = true;
  std::vector<BootTime> armed_;
  int watches_ = 0;
};

TEST_F(InputGraceTest, APressWatchesTwoSecondsLater) {
  ASSERT_TRUE(grace_.Pressed(kT0).ok());
  EXPECT_EQ(armed_, std::vector<BootTime>{kT0 + seconds(2)});
  EXPECT_EQ(grace_.Due(), kT0 + seconds(2));
  EXPECT_EQ(watches_, 0);
  grace_.Fire();
  EXPECT_EQ(watches_, 1);
  EXPECT_FALSE(grace_.Due());
}

TEST_F(InputGraceTest, ASecondPressDoesNotPushTheWatchOut) {
  ASSERT_TRUE(grace_.Pressed(kT0).ok());
  ASSERT_TRUE(grace_.Pressed(kT0 + seconds(1)).ok());
  EXPECT_EQ(armed_, std::vector<BootTime>{kT0 + seconds(2)});
  EXPECT_EQ(grace_.Due(), kT0 + seconds(2));
}

TEST_F(InputGraceTest, APressAfterTheWatchBeganArmsAgain) {
  ASSERT_TRUE(grace_.Pressed(kT0).ok());
  grace_.Fire();
  ASSERT_TRUE(grace_.Pressed(kT0 + seconds(10)).ok());
  EXPECT_EQ(armed_, (std::vector<BootTime>{kT0 + seconds(2), kT0 + seconds(12)}));
}

TEST_F(InputGraceTest, LockAndSuspendWatchAtOnceIdleAndDoneDoNot) {
  grace_.BreakStarted(BreakCause::kLock);
  EXPECT_EQ(watches_, 1);
  grace_.BreakStarted(BreakCause::kSuspend);
  EXPECT_EQ(watches_, 2);
  grace_.BreakStarted(BreakCause::kIdle);
  grace_.BreakStarted(BreakCause::kDone);
  EXPECT_EQ(watches_, 2);
  EXPECT_TRUE(armed_.empty());
}

TEST_F(InputGraceTest, WithoutATimerTheWatchBeginsAtOnce) {
  timer_works_ = false;
  Status pressed = grace_.Pressed(kT0);
  ASSERT_FALSE(pressed.ok());
  EXPECT_EQ(pressed.error().code, "timer");
  EXPECT_EQ(watches_, 1);
  EXPECT_FALSE(grace_.Due());
  grace_.Fire();  // a stray firing watches nothing more
  EXPECT_EQ(watches_, 1);
}

Now At(BootTime boot) {
  const WallTime wall{std::chrono::hours(24 * 20000) + (boot - kT0)};
  const WallTime day = std::chrono::floor<std::chrono::days>(wall);
  return Now{boot, wall, seconds(0), day, day + std::chrono::hours(24), std::nullopt, seconds(0)};
}

// The whole sequence the shell sees with a real model and an up_min_break
// shorter than the grace: "I'm up" is pressed, its break begins 1 s later,
// and the watch still begins once, 2 s after the press.
TEST_F(InputGraceTest, TheBreakAfterAPressKeepsThePressesWatch) {
  Config config;
  config.up_min_break = seconds(1);
  Model model(config, At(kT0));
  model.Handle(At(kT0), in::Active{});
  const BootTime press = kT0 + seconds(30);
  model.Handle(At(press), in::Done{});
  ASSERT_EQ(model.Status(At(press)).state, State::kSitting);
  ASSERT_TRUE(grace_.Pressed(press).ok());

  Output later = model.Handle(At(press + seconds(1)), in::Tick{});
  bool done_break = false;
  for (const Decision& decision : later.decisions) {
    if (const auto* started = std::get_if<out::BreakStarted>(&decision)) {
      done_break = started->cause == BreakCause::kDone;
      grace_.BreakStarted(started->cause);
    }
  }
  ASSERT_TRUE(done_break);
  EXPECT_EQ(armed_, std::vector<BootTime>{press + seconds(2)});
  EXPECT_EQ(grace_.Due(), press + seconds(2));
  grace_.Fire();
  EXPECT_EQ(watches_, 1);
}

}  // namespace
}  // namespace unsit
