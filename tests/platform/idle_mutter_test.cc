// Mutter's IdleMonitor against python-dbusmock on a private session bus.
#include "platform/idle_mutter.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <vector>

#include "clock/clock.h"
#include "platform/glib_thread.h"
#include "session_test_support.h"
#include "support/private_bus.h"
#include "support/run_until.h"
#include "support/scoped_env.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using test_support::Child;
using test_support::RunUntil;

constexpr char kName[] = "org.gnome.Mutter.IdleMonitor";
constexpr char kPath[] = "/org/gnome/Mutter/IdleMonitor/Core";
using test_support::kMock;

// Starts the mock from a template, so that the methods exist before the first
// call is served. Watch ids count up from 1 on each new mock.
Child StartMock(const std::string& bus) {
  Child mock({"/usr/bin/python3", "-m", "dbusmock", "--template",
              UNSIT_SOURCE_DIR "/tests/platform/mutter_idle_monitor.py"},
             {"DBUS_SESSION_BUS_ADDRESS=" + bus});
  test_support::WaitForName(bus, kName, 10s);
  return mock;
}

class MutterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test_support::HaveDbusmock()) {
      GTEST_SKIP() << "python3-dbusmock is not installed";
    }
    ASSERT_TRUE(bus_.ok());
    env_.Set("DBUS_SESSION_BUS_ADDRESS", bus_.address());
    ASSERT_TRUE(glib_.Start().ok());
  }

  // Method names the mock has recorded, in order.
  std::vector<std::string> Calls() {
    auto reply = test_support::CallMethod(bus_.address(), kName, kPath, kMock, "GetCalls", "");
    std::vector<std::string> names;
    if (!reply) return names;
    // Replies print as [(uint64 t, 'Name', [args]), ...]: pick the quoted names in order.
    size_t at = 0;
    while ((at = reply->find(", '", at)) != std::string::npos) {
      size_t end = reply->find('\'', at + 3);
      names.push_back(reply->substr(at + 3, end - at - 3));
      at = end;
    }
    return names;
  }
  size_t Count(const std::string& method) {
    size_t n = 0;
    for (const std::string& name : Calls()) n += name == method ? 1 : 0;
    return n;
  }
  void Fire(uint32_t id) {
    test_support::CallMethod(
        bus_.address(), kName, kPath, kMock, "EmitSignal",
        std::string("('") + kName + "', 'WatchFired', 'u', [<uint32 " + std::to_string(id) + ">])");
  }

  test_support::ScopedEnv env_;
  test_support::PrivateBus bus_;
  GlibThread glib_;
  boost::asio::io_context io_;
  Config config_;
  PlatformContext context_{io_, &glib_, config_, {}};
  std::vector<IdleReport> reports_;
  IdleSource::Callback record_ = [this](const IdleReport& r) { reports_.push_back(r); };
};

TEST_F(MutterTest, FailsWithoutTheName) {
  auto made = MakeMutterIdleSource(context_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("not on the session bus"), std::string::npos);
}

TEST_F(MutterTest, IdleWatchThenActiveWatch) {
  Child mock = StartMock(bus_.address());
  auto made = MakeMutterIdleSource(context_);
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto& source = **made;
  EXPECT_EQ(source.Name(), "mutter");
  ASSERT_TRUE(source.Start(2s, record_).ok());
  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count("AddIdleWatch") == 1; }, 5s));

  const BootTime before = ReadBootClock();
  Fire(1);  // the idle watch
  ASSERT_TRUE(RunUntil(
      io_, [&] { return reports_.size() == 1; }, 5s));
  EXPECT_EQ(reports_[0].kind, IdleReport::Kind::kIdle);
  EXPECT_LE(reports_[0].since, before - 2s + 500ms);
  EXPECT_GE(reports_[0].since, before - 2s - 500ms);
  ASSERT_TRUE(source.IdleTime().has_value());
  EXPECT_GE(*source.IdleTime(), 2s);

  // One-shot active watch added after the idle edge (id 2).
  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count("AddUserActiveWatch") == 1; }, 5s));
  Fire(2);
  ASSERT_TRUE(RunUntil(
      io_, [&] { return reports_.size() == 2; }, 5s));
  EXPECT_EQ(reports_[1].kind, IdleReport::Kind::kActive);

  // WatchNextInput adds another one (id 3); firing it reports kActive once.
  source.WatchNextInput();
  source.WatchNextInput();  // idempotent
  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count("AddUserActiveWatch") == 2; }, 5s));
  Fire(3);
  ASSERT_TRUE(RunUntil(
      io_, [&] { return reports_.size() == 3; }, 5s));
  EXPECT_EQ(reports_[2].kind, IdleReport::Kind::kActive);
  Fire(3);  // a stale id is ignored
  RunUntil(
      io_, [] { return false; }, 300ms);
  EXPECT_EQ(reports_.size(), 3u);
  EXPECT_EQ(Count("AddUserActiveWatch"), 2u);
}

TEST_F(MutterTest, AlreadyIdleAtStartIsReportedBackDated) {
  Child mock = StartMock(bus_.address());
  test_support::CallMethod(bus_.address(), kName, kPath, kName, "SetIdle", "(uint64 7000,)");
  auto made = MakeMutterIdleSource(context_);
  ASSERT_TRUE(made.ok()) << made.error().message;
  ASSERT_TRUE((*made)->Start(2s, record_).ok());
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !reports_.empty(); }, 5s));
  EXPECT_EQ(reports_[0].kind, IdleReport::Kind::kIdle);
  EXPECT_LE(reports_[0].since, ReadBootClock() - 6s);
}

TEST_F(MutterTest, WatchesAreAddedAgainWhenTheNameReturns) {
  Child mock = StartMock(bus_.address());
  auto made = MakeMutterIdleSource(context_);
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto& source = **made;
  ASSERT_TRUE(source.Start(2s, record_).ok());
  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count("AddIdleWatch") == 1; }, 5s));
  Fire(1);
  ASSERT_TRUE(RunUntil(
      io_, [&] { return reports_.size() == 1; }, 5s));

  mock.Stop();  // gnome-shell restarts: the name vanishes, watches die with it
  RunUntil(
      io_, [] { return false; }, 500ms);
  Child again = StartMock(bus_.address());
  // Idle was reported, so both the idle watch and an active watch come back.
  ASSERT_TRUE(RunUntil(
      io_, [&] { return Count("AddIdleWatch") == 1 && Count("AddUserActiveWatch") == 1; }, 10s));
  EXPECT_EQ(reports_.size(), 1u);  // no kLost for a restart
  // Ids on the new mock: idle watch 1, active watch 2.
  Fire(2);
  ASSERT_TRUE(RunUntil(
      io_, [&] { return reports_.size() == 2; }, 5s));
  EXPECT_EQ(reports_[1].kind, IdleReport::Kind::kActive);
  Fire(1);
  ASSERT_TRUE(RunUntil(
      io_, [&] { return reports_.size() == 3; }, 5s));
  EXPECT_EQ(reports_[2].kind, IdleReport::Kind::kIdle);
}

}  // namespace
}  // namespace unsit
