// The one timer of the shell's loop (loop/boot_timer.h): it fires once, on the
// boot clock, absolute or relative; Cancel and destruction keep its callback
// from running; and timerfd failures come back as errors instead of leaving the
// daemon without a timer and without a word. The syscall cannot be made to
// fail on a working timerfd here, so the seam is the descriptor: a timer built
// while no descriptor could be had.
#include "loop/boot_timer.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <memory>
#include <thread>

#include "clock/clock.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

// A timer made while the process may open no descriptor at all.
std::unique_ptr<BootTimer> TimerWithoutDescriptor(boost::asio::io_context& io) {
  rlimit old{};
  EXPECT_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
  rlimit none = old;
  none.rlim_cur = 0;  // timerfd_create fails with EMFILE
  EXPECT_EQ(setrlimit(RLIMIT_NOFILE, &none), 0);
  auto timer = std::make_unique<BootTimer>(io.get_executor());
  EXPECT_EQ(setrlimit(RLIMIT_NOFILE, &old), 0);
  return timer;
}

TEST(BootTimerTest, ArmReportsAFailedSettime) {
  boost::asio::io_context io;
  BootTimer working(io.get_executor());  // Asio's reactor needs descriptors of its own
  auto timer = TimerWithoutDescriptor(io);
  EXPECT_FALSE(timer->Opened().ok());
  for (Status armed : {timer->Arm(BootTime(1s), [] {}), timer->ArmAfter(10ms, [] {})}) {
    ASSERT_FALSE(armed.ok());
    EXPECT_EQ(armed.error().code, "timer");
    EXPECT_NE(armed.error().message.find("cannot set"), std::string::npos) << armed.error().message;
  }
  EXPECT_TRUE(working.Arm(BootTime(1s), [] {}).ok());
  EXPECT_TRUE(working.ArmAfter(10ms, [] {}).ok());
}

TEST(BootTimerTest, ArmSucceedsOnAnOpenTimer) {
  boost::asio::io_context io;
  BootTimer timer(io.get_executor());
  ASSERT_TRUE(timer.Opened().ok());
  EXPECT_TRUE(timer.Arm(BootTime(1s), [] {}).ok());
}

TEST(BootTimerTest, FiresOnceAtADeadlineOnTheBootClock) {
  boost::asio::io_context io;
  BootTimer timer(io.get_executor());
  int fired = 0;
  BootTime armed_at = ReadBootClock();
  ASSERT_TRUE(timer.Arm(armed_at + 30ms, [&] { ++fired; }).ok());
  io.run_for(2s);  // returns once nothing waits any more
  EXPECT_EQ(fired, 1);
  EXPECT_EQ(timer.fired(), 1);
  EXPECT_GE(ReadBootClock() - armed_at, 30ms);
}

TEST(BootTimerTest, ArmingAgainReplacesTheEarlierArming) {
  boost::asio::io_context io;
  BootTimer timer(io.get_executor());
  int first = 0;
  int second = 0;
  ASSERT_TRUE(timer.ArmAfter(10ms, [&] { ++first; }).ok());
  ASSERT_TRUE(timer.ArmAfter(20ms, [&] { ++second; }).ok());
  io.run_for(2s);
  EXPECT_EQ(first, 0);
  EXPECT_EQ(second, 1);
}

TEST(BootTimerTest, CancelKeepsTheCallbackFromRunning) {
  boost::asio::io_context io;
  BootTimer timer(io.get_executor());
  int fired = 0;
  ASSERT_TRUE(timer.ArmAfter(10ms, [&] { ++fired; }).ok());
  timer.Cancel();
  std::this_thread::sleep_for(30ms);
  io.run_for(100ms);
  EXPECT_EQ(fired, 0);
  EXPECT_EQ(timer.fired(), 0);
}

// Both timers are due before the loop runs, so both completions are queued
// together; whichever runs first destroys the other, whose queued completion
// must then neither run its callback nor touch the timer it belonged to (the
// address sanitizer sees the latter).
TEST(BootTimerTest, AQueuedCompletionOfADestroyedTimerDoesNothing) {
  boost::asio::io_context io;
  auto a = std::make_unique<BootTimer>(io.get_executor());
  auto b = std::make_unique<BootTimer>(io.get_executor());
  int fired = 0;
  ASSERT_TRUE(a->ArmAfter(1ms, [&] {
                 ++fired;
                 b.reset();
               }).ok());
  ASSERT_TRUE(b->ArmAfter(1ms, [&] {
                 ++fired;
                 a.reset();
               }).ok());
  std::this_thread::sleep_for(20ms);
  io.run_for(200ms);
  EXPECT_EQ(fired, 1);
  EXPECT_TRUE(a == nullptr || b == nullptr);
}

}  // namespace
}  // namespace unsit
