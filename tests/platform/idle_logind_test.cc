// The logind IdleHint source against python-dbusmock's logind template on a
// private "system" bus. The template's Session.SetIdleHint does nothing, so the
// tests set IdleHint and IdleSinceHintMonotonic through the mock's
// UpdateProperties, which emits PropertiesChanged as logind does.
#include "platform/idle_logind.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <vector>

#include "clock/clock.h"
#include "platform/glib_thread.h"
#include "session_test_support.h"
#include "support/private_bus.h"
#include "support/run_until.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using test_support::Child;
using test_support::kLogind;
using test_support::kLogindManagerPath;
using test_support::kLogindSession;
using test_support::kLogindSessionPath;
using test_support::kMock;
using test_support::RunUntil;
using Kind = IdleReport::Kind;

// CLOCK_MONOTONIC `ago` before now, in µs, as logind gives IdleSinceHintMonotonic.
uint64_t MonotonicUsAgo(Duration ago) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(ReadMonotonicClock() - ago).count());
}

class LogindIdleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test_support::HaveDbusmock()) {
      GTEST_SKIP() << "python3-dbusmock is not installed";
    }
    ASSERT_TRUE(system_bus_.ok());
    env_.Set("DBUS_SYSTEM_BUS_ADDRESS", system_bus_.address());
    env_.Unset("XDG_SESSION_ID");
    ASSERT_TRUE(glib_.Start().ok());
  }

  void StartLogind(bool with_session = true) {
    std::optional<Child> mock = test_support::StartLogindMock(system_bus_.address(), with_session);
    ASSERT_TRUE(mock);
    logind_ = std::move(*mock);
  }
  // Sets the session's idle properties in one PropertiesChanged, as logind does.
  void SetIdle(bool idle, uint64_t since_us) {
    UpdateSession(std::string("{'IdleHint': <") + (idle ? "true" : "false") +
                  ">, 'IdleSinceHintMonotonic': <uint64 " + std::to_string(since_us) + ">}");
  }
  void UpdateSession(const std::string& properties) {
    ASSERT_TRUE(test_support::CallMethod(
        system_bus_.address(), kLogind, kLogindSessionPath, kMock, "UpdateProperties",
        std::string("('") + kLogindSession + "', " + properties + ")"));
  }
  std::unique_ptr<IdleSource> Make() {
    auto made = MakeLogindIdleSource(context_);
    EXPECT_TRUE(made.ok()) << made.error().message;
    return made.ok() ? std::move(made.value()) : nullptr;
  }
  // Started and answering: WatchNextInput in a session that is not idle is
  // reported as input, after the source has read the state (so it is subscribed).
  void StartActive(IdleSource& source) {
    ASSERT_TRUE(source.Start(60s, record_).ok());
    source.WatchNextInput();
    ASSERT_TRUE(WaitFor(1));
    ASSERT_EQ(reports_[0].kind, Kind::kActive);
    reports_.clear();
  }
  bool WaitFor(size_t n) {
    return RunUntil(
        io_, [&] { return reports_.size() >= n; }, 5s);
  }
  void Settle() {
    RunUntil(
        io_, [] { return false; }, 300ms);
  }

  test_support::ScopedEnv env_;
  test_support::PrivateBus system_bus_;
  Child logind_;
  GlibThread glib_;
  boost::asio::io_context io_;
  Config config_;
  PlatformContext context_{io_, &glib_, config_, {}};
  std::vector<IdleReport> reports_;
  IdleSource::Callback record_ = [this](const IdleReport& r) { reports_.push_back(r); };
};

TEST_F(LogindIdleTest, IdleEdgeIsBackDatedThenActive) {
  StartLogind();
  auto source = Make();
  ASSERT_TRUE(source);
  EXPECT_EQ(source->Name(), "logind");
  StartActive(*source);
  EXPECT_EQ(source->IdleTime(), std::nullopt);  // unknown while not idle, never 0

  const BootTime expected = ReadBootClock() - 3s;
  SetIdle(true, MonotonicUsAgo(3s));
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(reports_[0].kind, Kind::kIdle);
  EXPECT_GE(reports_[0].since, expected - 100ms);
  EXPECT_LE(reports_[0].since, expected + 100ms);
  ASSERT_TRUE(source->IdleTime().has_value());
  EXPECT_GE(*source->IdleTime(), 3s);
  EXPECT_LT(*source->IdleTime(), 4s);
  source->WatchNextInput();  // idle: the next input is IdleHint going false
  Settle();
  ASSERT_EQ(reports_.size(), 1u);

  SetIdle(false, 0);
  ASSERT_TRUE(WaitFor(2));
  EXPECT_EQ(reports_[1].kind, Kind::kActive);
  EXPECT_EQ(source->IdleTime(), std::nullopt);

  // No edge, no report: IdleHint false again, and another property changing.
  SetIdle(false, 0);
  UpdateSession("{'LockedHint': <true>}");
  Settle();
  EXPECT_EQ(reports_.size(), 2u);
}

TEST_F(LogindIdleTest, IdleWithoutAStartTimeBeganNow) {
  StartLogind();
  auto source = Make();
  ASSERT_TRUE(source);
  StartActive(*source);
  const BootTime before = ReadBootClock();
  SetIdle(true, 0);
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(reports_[0].kind, Kind::kIdle);
  EXPECT_GE(reports_[0].since, before);
  EXPECT_LE(reports_[0].since, ReadBootClock());
}

// A change that carries IdleHint but not when idleness began: read again.
TEST_F(LogindIdleTest, MissingStartTimeIsReadWithAGet) {
  StartLogind();
  auto source = Make();
  ASSERT_TRUE(source);
  StartActive(*source);
  // Properties.Set emits a change of IdleSinceHintMonotonic alone: no edge.
  ASSERT_TRUE(test_support::CallMethod(
      system_bus_.address(), kLogind, kLogindSessionPath, "org.freedesktop.DBus.Properties", "Set",
      std::string("('") + kLogindSession + "', 'IdleSinceHintMonotonic', <uint64 " +
          std::to_string(MonotonicUsAgo(5s)) + ">)"));
  const BootTime expected = ReadBootClock() - 5s;
  UpdateSession("{'IdleHint': <true>}");
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(reports_[0].kind, Kind::kIdle);
  EXPECT_GE(reports_[0].since, expected - 100ms);
  EXPECT_LE(reports_[0].since, expected + 100ms);
  Settle();
  EXPECT_EQ(reports_.size(), 1u);
}

TEST_F(LogindIdleTest, AlreadyIdleAtStartIsReportedAtOnce) {
  StartLogind();
  SetIdle(true, MonotonicUsAgo(10s));
  const BootTime expected = ReadBootClock() - 10s;
  auto source = Make();
  ASSERT_TRUE(source);
  ASSERT_TRUE(source->Start(60s, record_).ok());
  source->WatchNextInput();  // idle: answered by the next input, not now
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(reports_[0].kind, Kind::kIdle);
  EXPECT_GE(reports_[0].since, expected - 100ms);
  EXPECT_LE(reports_[0].since, expected + 100ms);
  ASSERT_TRUE(source->IdleTime().has_value());
  EXPECT_GE(*source->IdleTime(), 10s);
  Settle();
  ASSERT_EQ(reports_.size(), 1u);

  SetIdle(false, 0);
  ASSERT_TRUE(WaitFor(2));
  EXPECT_EQ(reports_[1].kind, Kind::kActive);
  Settle();
  EXPECT_EQ(reports_.size(), 2u);
}

// IdleHint cannot see input in a session that is not idle: the next input is
// reported at once, posted rather than called from inside WatchNextInput.
TEST_F(LogindIdleTest, WatchNextInputWhileNotIdleReportsActiveAtOnce) {
  StartLogind();
  auto source = Make();
  ASSERT_TRUE(source);
  ASSERT_TRUE(source->Start(60s, record_).ok());
  Settle();
  EXPECT_TRUE(reports_.empty());  // not idle and nobody asked: nothing to say
  source->WatchNextInput();
  EXPECT_TRUE(reports_.empty());
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(reports_[0].kind, Kind::kActive);
  Settle();
  EXPECT_EQ(reports_.size(), 1u);
}

TEST_F(LogindIdleTest, LogindVanishingIsLostOnce) {
  StartLogind();
  auto source = Make();
  ASSERT_TRUE(source);
  StartActive(*source);
  logind_.Stop();
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(reports_[0].kind, Kind::kLost);
  EXPECT_NE(reports_[0].reason.find("logind"), std::string::npos) << reports_[0].reason;
  source->WatchNextInput();  // nothing more from a lost source
  // logind coming back and leaving again is not a second loss.
  StartLogind();
  logind_.Stop();
  Settle();
  EXPECT_EQ(reports_.size(), 1u);
}

TEST_F(LogindIdleTest, NoSystemBusNamesIt) {
  test_support::TempDir dir;
  env_.Set("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + dir.path() + "/no-bus");
  auto made = MakeLogindIdleSource(context_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("system bus"), std::string::npos) << made.error().message;
}

TEST_F(LogindIdleTest, NoGlibThread) {
  PlatformContext without{io_, nullptr, config_, {}};
  auto made = MakeLogindIdleSource(without);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("GLib"), std::string::npos) << made.error().message;
}

TEST_F(LogindIdleTest, NoSessionOfTheUser) {
  StartLogind(/*with_session=*/false);
  auto made = MakeLogindIdleSource(context_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("no logind session"), std::string::npos)
      << made.error().message;
}

// Sessions made by hand (AddObject), found through XDG_SESSION_ID.
TEST_F(LogindIdleTest, SessionWithoutABooleanIdleHint) {
  StartLogind(/*with_session=*/false);
  auto add = [&](const std::string& id, const std::string& properties) {
    return test_support::CallMethod(system_bus_.address(), kLogind, kLogindManagerPath, kMock,
                                    "AddObject",
                                    "('/org/freedesktop/login1/session/" + id + "', '" +
                                        kLogindSession + "', " + properties + ", @a(ssss) [])");
  };
  ASSERT_TRUE(add("c8", "{'Id': <'c8'>}"));
  ASSERT_TRUE(add("c9", "{'Id': <'c9'>, 'IdleHint': <'no'>}"));
  env_.Set("XDG_SESSION_ID", "c8");
  auto made = MakeLogindIdleSource(context_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("session/c8 has no IdleHint"), std::string::npos)
      << made.error().message;
  env_.Set("XDG_SESSION_ID", "c9");
  made = MakeLogindIdleSource(context_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("IdleHint of /org/freedesktop/login1/session/c9 is not"),
            std::string::npos)
      << made.error().message;
}

}  // namespace
}  // namespace unsit
