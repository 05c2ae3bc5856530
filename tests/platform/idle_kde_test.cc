// The Wayland idle source through org_kde_kwin_idle against a real headless sway,
// run as an unprivileged user (sway refuses root). The shared Wayland logic
// (fd in the loop, read/dispatch, compositor loss) is tested through this path;
// ext-idle-notify-v1 is compiled but no compositor here offers it.
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "clock/clock.h"
#include "platform/idle_wayland.h"
#include "support/child.h"
#include "support/run_until.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using test_support::RunUntil;

constexpr char kUser[] = "unsit-wl";

class SwayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to run sway as another user";
    if (test_support::Shell("command -v sway >/dev/null && command -v wtype >/dev/null") != 0) {
      GTEST_SKIP() << "sway or wtype is not installed";
    }
    // Tests may run in parallel: another one may hold the passwd lock or have
    // created the user meanwhile.
    for (int attempt = 0; attempt < 5 && getpwnam(kUser) == nullptr; ++attempt) {
      if (test_support::Shell(std::string("useradd --system --no-create-home --shell "
                                          "/usr/sbin/nologin ") +
                              kUser + " 2>/dev/null") != 0) {
        std::this_thread::sleep_for(1s);
      }
    }
    passwd* user = getpwnam(kUser);
    ASSERT_NE(user, nullptr);
    // The runtime dir belongs to the sway user; the test (root) connects anyway.
    ASSERT_EQ(chown(runtime_.path().c_str(), user->pw_uid, user->pw_gid), 0);
    ASSERT_EQ(chmod(runtime_.path().c_str(), 0700), 0);
    const std::string dir = runtime_.path();
    sway_ = test_support::Child(
        {"runuser", "-u", kUser, "--", "env", "-i", "PATH=/usr/bin:/bin", "HOME=" + dir,
         "XDG_RUNTIME_DIR=" + dir, "WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1",
         "WLR_RENDERER=pixman", "sh", "-c",
         "echo $$ > \"$XDG_RUNTIME_DIR/sway.pid\"; exec sway -c /dev/null 2>/dev/null"});
    ASSERT_TRUE(WaitForSocket(10s)) << "headless sway did not start";
    env_.Set("XDG_RUNTIME_DIR", dir);
    env_.Set("WAYLAND_DISPLAY", socket_);
  }

  void TearDown() override {
    if (sway_.running()) KillSway();
  }

  bool WaitForSocket(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      std::error_code error;
      for (const auto& entry : std::filesystem::directory_iterator(runtime_.path(), error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("wayland-", 0) == 0 && entry.is_socket()) {
          socket_ = name;
          return true;
        }
      }
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }

  // Input through the virtual keyboard protocol, as the sway user.
  void Type() {
    ASSERT_EQ(test_support::Shell("runuser -u " + std::string(kUser) +
                                  " -- env -i XDG_RUNTIME_DIR=" + runtime_.path() +
                                  " WAYLAND_DISPLAY=" + socket_ + " wtype a"),
              0);
  }

  // Ends the compositor itself (the PID its shell wrote before exec).
  void KillSway() {
    std::ifstream file(runtime_.path() + "/sway.pid");
    pid_t pid = 0;
    file >> pid;
    ASSERT_GT(pid, 0);
    kill(pid, SIGTERM);  // runuser then exits by itself
    sway_.Wait(5s);
  }

  size_t Count(IdleReport::Kind kind) const {
    size_t n = 0;
    for (const IdleReport& r : reports_) n += r.kind == kind ? 1 : 0;
    return n;
  }

  test_support::TempDir runtime_;
  test_support::Child sway_;
  std::string socket_;
  test_support::ScopedEnv env_;
  boost::asio::io_context io_;
  Config config_;
  PlatformContext context_{io_, nullptr, config_, {}};
  std::vector<IdleReport> reports_;
  IdleSource::Callback record_ = [this](const IdleReport& r) { reports_.push_back(r); };
};

TEST_F(SwayTest, ExtIdleNotifyIsNotOfferedBySway17) {
  auto made = MakeExtIdleNotifySource(context_);
  if (made.ok()) GTEST_SKIP() << "this sway offers ext-idle-notify-v1";
  EXPECT_NE(made.error().message.find("does not offer ext_idle_notifier_v1"), std::string::npos)
      << made.error().message;
}

TEST_F(SwayTest, IdleThenInputThenCompositorGone) {
  auto made = MakeKdeIdleSource(context_);
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto& source = **made;
  EXPECT_EQ(source.Name(), "kde-idle");
  EXPECT_FALSE(source.IdleTime().has_value());
  ASSERT_TRUE(source.Start(1s, record_).ok());

  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count(IdleReport::Kind::kIdle) == 1; }, 10s));
  EXPECT_LE(reports_.back().since, ReadBootClock() - 1s);
  ASSERT_TRUE(source.IdleTime().has_value());
  EXPECT_GE(*source.IdleTime(), 1s);

  Type();
  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count(IdleReport::Kind::kActive) == 1; }, 10s));
  EXPECT_FALSE(source.IdleTime().has_value());

  KillSway();
  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count(IdleReport::Kind::kLost) == 1; }, 10s));
  EXPECT_FALSE(reports_.back().reason.empty());
  // Lost once; the dead fd is no longer watched, so the loop runs out of work.
  io_.restart();
  const auto handlers = io_.run_for(500ms);
  EXPECT_LE(handlers, 1u);
  EXPECT_EQ(Count(IdleReport::Kind::kLost), 1u);
  source.WatchNextInput();  // harmless after loss
}

TEST_F(SwayTest, WatchNextInputSeesInputWithoutAnIdleFirst) {
  auto made = MakeKdeIdleSource(context_);
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto& source = **made;
  ASSERT_TRUE(source.Start(60s, record_).ok());
  source.WatchNextInput();
  source.WatchNextInput();
  RunUntil(
      io_, [] { return false; }, 1500ms);  // the probe needs a 1 s pause first
  EXPECT_TRUE(reports_.empty());
  Type();
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !reports_.empty(); }, 10s));
  EXPECT_EQ(reports_[0].kind, IdleReport::Kind::kActive);
  RunUntil(
      io_, [] { return false; }, 300ms);
  EXPECT_EQ(reports_.size(), 1u);
}

TEST(WaylandMakerTest, WaylandDisplayUnset) {
  test_support::ScopedEnv env;
  env.Unset("WAYLAND_DISPLAY");
  boost::asio::io_context io;
  Config config;
  PlatformContext context{io, nullptr, config, {}};
  for (auto maker : {&MakeKdeIdleSource, &MakeExtIdleNotifySource}) {
    auto made = maker(context);
    ASSERT_FALSE(made.ok());
    EXPECT_EQ(made.error().message, "WAYLAND_DISPLAY is not set.");
  }
}

TEST(WaylandMakerTest, ConnectFailed) {
  test_support::ScopedEnv env;
  test_support::TempDir dir;
  env.Set("XDG_RUNTIME_DIR", dir.path());
  env.Set("WAYLAND_DISPLAY", "wayland-nothing");
  boost::asio::io_context io;
  Config config;
  PlatformContext context{io, nullptr, config, {}};
  auto made = MakeKdeIdleSource(context);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("cannot connect"), std::string::npos);
}

TEST(WaylandMakerTest, TimeoutIsClampedToProtocolMilliseconds) {
  EXPECT_EQ(wayland::TimeoutMs(Duration(0)), 1u);
  EXPECT_EQ(wayland::TimeoutMs(std::chrono::seconds(5)), 5000u);
  EXPECT_EQ(wayland::TimeoutMs(std::chrono::hours(24 * 365 * 10)), 4294967295u);
}

}  // namespace
}  // namespace unsit
