// timerfd_settime failures come back as errors instead of leaving the daemon
// without a timer and without a word. The syscall cannot be made to fail on a
// working timerfd here, so the seam is the descriptor: a BootTimer never
// opened, and an FdTimer built while no descriptor could be had.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <boost/asio/io_context.hpp>
#include <chrono>

#include "control/fd_timer.h"
#include "platform/boot_timer.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

TEST(TimerErrorsTest, BootTimerArmReportsAFailedSettime) {
  boost::asio::io_context io;
  BootTimer timer(io);  // not opened: no timerfd behind it
  Status armed = timer.Arm(BootTime(1s), [] {});
  ASSERT_FALSE(armed.ok());
  EXPECT_EQ(armed.error().code, "timer");
  EXPECT_NE(armed.error().message.find("cannot set"), std::string::npos) << armed.error().message;
}

TEST(TimerErrorsTest, BootTimerArmSucceedsOnAnOpenTimer) {
  boost::asio::io_context io;
  BootTimer timer(io);
  ASSERT_TRUE(timer.Open().ok());
  EXPECT_TRUE(timer.Arm(BootTime(1s), [] {}).ok());
}

TEST(TimerErrorsTest, FdTimerArmReportsAMissingDescriptor) {
  boost::asio::io_context io;
  FdTimer working(io.get_executor());  // Asio's reactor needs descriptors of its own
  rlimit old{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
  rlimit none = old;
  none.rlim_cur = 0;  // timerfd_create fails with EMFILE
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &none), 0);
  FdTimer timer(io.get_executor());
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &old), 0);
  Status armed = timer.Arm(10ms, [] {});
  ASSERT_FALSE(armed.ok());
  EXPECT_EQ(armed.error().code, "timer");
  EXPECT_TRUE(working.Arm(10ms, [] {}).ok());
}

}  // namespace
}  // namespace unsit
