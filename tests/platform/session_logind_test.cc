// The session watcher against python-dbusmock's logind template on a private
// "system" bus and its gnome_screensaver template on a private session bus.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <vector>

#include "platform/glib_thread.h"
#include "platform/session_watch.h"
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

class LogindTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test_support::HaveDbusmock()) {
      GTEST_SKIP() << "python3-dbusmock is not installed";
    }
    ASSERT_TRUE(system_bus_.ok() && session_bus_.ok());
    env_.Set("DBUS_SYSTEM_BUS_ADDRESS", system_bus_.address());
    env_.Set("DBUS_SESSION_BUS_ADDRESS", session_bus_.address());
    env_.Unset("XDG_SESSION_ID");
    ASSERT_TRUE(glib_.Start().ok());
  }

  void StartLogind() {
    std::optional<Child> mock = test_support::StartLogindMock(system_bus_.address());
    ASSERT_TRUE(mock);
    logind_ = std::move(*mock);
  }
  void CallSession(const std::string& method, const std::string& args = "") {
    ASSERT_TRUE(test_support::CallMethod(system_bus_.address(), kLogind, kLogindSessionPath,
                                         kLogindSession, method, args));
  }
  void PrepareForSleep(bool start) {
    ASSERT_TRUE(test_support::CallMethod(system_bus_.address(), kLogind, kLogindManagerPath, kMock,
                                         "EmitSignal",
                                         std::string("('org.freedesktop.login1.Manager', "
                                                     "'PrepareForSleep', 'b', [<") +
                                             (start ? "true" : "false") + ">])"));
  }
  // A watch made and started; `started` is what Start returned (an Error
  // without a system bus). Null (and a test failure) if it could not be made.
  std::unique_ptr<SessionWatch> StartWatch(Status* started = nullptr) {
    auto made = MakeLogindSessionWatch(context_);
    if (!made.ok()) {
      ADD_FAILURE() << made.error().message;
      return nullptr;
    }
    Status status = (*made)->Start(record_);
    if (started != nullptr) *started = status;
    return std::move(*made);
  }
  // Through the gnome_screensaver mock's SetActive, which emits ActiveChanged.
  void SetScreenSaverActive(bool active) {
    ASSERT_TRUE(test_support::CallMethod(session_bus_.address(), "org.gnome.ScreenSaver",
                                         "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
                                         "SetActive", active ? "(true,)" : "(false,)"));
  }
  // Runs the loop a little longer, for events that must not come.
  void Settle() {
    RunUntil(
        io_, [] { return false; }, 300ms);
  }
  bool WaitFor(size_t n) {
    return RunUntil(
        io_, [&] { return events_.size() >= n; }, 5s);
  }

  test_support::ScopedEnv env_;
  test_support::PrivateBus system_bus_;
  test_support::PrivateBus session_bus_;
  Child logind_;
  GlibThread glib_;
  boost::asio::io_context io_;
  Config config_;
  PlatformContext context_{io_, &glib_, config_, {}};
  std::vector<SessionEvent> events_;
  SessionWatch::Callback record_ = [this](SessionEvent e) { events_.push_back(e); };
};

TEST_F(LogindTest, LockUnlockSleepWake) {
  StartLogind();
  Status started = Ok{};
  auto made = StartWatch(&started);
  ASSERT_TRUE(made && started.ok()) << (started.ok() ? "" : started.error().message);
  SessionWatch& watch = *made;
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !watch.State().session.empty(); }, 5s));
  EXPECT_EQ(watch.State().session, kLogindSessionPath);
  EXPECT_EQ(watch.State().session_found_by, "the user's first session");
  EXPECT_EQ(watch.State().locked, std::optional<bool>(false));

  CallSession("Lock");
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(events_.back(), SessionEvent::kLock);
  EXPECT_EQ(watch.State().locked, std::optional<bool>(true));
  CallSession("Unlock");
  ASSERT_TRUE(WaitFor(2));
  EXPECT_EQ(events_.back(), SessionEvent::kUnlock);

  CallSession("SetLockedHint", "(true,)");
  ASSERT_TRUE(WaitFor(3));
  EXPECT_EQ(events_.back(), SessionEvent::kLock);
  CallSession("Lock");  // already locked: no second kLock
  CallSession("SetLockedHint", "(false,)");
  ASSERT_TRUE(WaitFor(4));
  EXPECT_EQ(events_.back(), SessionEvent::kUnlock);

  PrepareForSleep(true);
  ASSERT_TRUE(WaitFor(5));
  EXPECT_EQ(events_.back(), SessionEvent::kSleep);
  PrepareForSleep(false);
  ASSERT_TRUE(WaitFor(6));
  EXPECT_EQ(events_.back(), SessionEvent::kWake);
  Settle();
  EXPECT_EQ(events_.size(), 6u);
}

// A restart behind a locked screen: the lock is reported once, at Start, and
// the unlock that follows is reported too.
TEST_F(LogindTest, AlreadyLockedAtStartIsOneLock) {
  StartLogind();
  CallSession("SetLockedHint", "(true,)");
  Status started = Ok{};
  auto watch = StartWatch(&started);
  ASSERT_TRUE(watch && started.ok());
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(events_.back(), SessionEvent::kLock);
  EXPECT_EQ(watch->State().locked, std::optional<bool>(true));
  CallSession("Lock");  // already locked: no second kLock
  CallSession("SetLockedHint", "(false,)");
  ASSERT_TRUE(WaitFor(2));
  EXPECT_EQ(events_.back(), SessionEvent::kUnlock);
  Settle();
  EXPECT_EQ(events_.size(), 2u);
}

TEST_F(LogindTest, UnlockedAtStartIsNoEvent) {
  StartLogind();
  Status started = Ok{};
  auto watch = StartWatch(&started);
  ASSERT_TRUE(watch && started.ok());
  ASSERT_TRUE(RunUntil(
      io_, [&] { return watch->State().locked.has_value(); }, 5s));
  Settle();
  EXPECT_TRUE(events_.empty());
}

TEST_F(LogindTest, XdgSessionIdIsUsedFirst) {
  StartLogind();
  env_.Set("XDG_SESSION_ID", "c7");
  Status started = Ok{};
  auto watch = StartWatch(&started);
  ASSERT_TRUE(watch && started.ok());
  ASSERT_TRUE(RunUntil(
      io_, [&] { return !watch->State().session.empty(); }, 5s));
  EXPECT_EQ(watch->State().session_found_by, "XDG_SESSION_ID");
}

TEST_F(LogindTest, NoSystemBusIsOneErrorAndTheScreenSaverStillWorks) {
  test_support::TempDir dir;
  env_.Set("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + dir.path() + "/no-bus");
  Child saver({"/usr/bin/python3", "-m", "dbusmock", "--template", "gnome_screensaver"});
  ASSERT_TRUE(test_support::WaitForName(session_bus_.address(), "org.gnome.ScreenSaver", 10s));

  Status started = Ok{};
  auto watch = StartWatch(&started);
  ASSERT_TRUE(watch);
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("system bus"), std::string::npos)
      << started.error().message;

  SetScreenSaverActive(true);
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(events_.back(), SessionEvent::kLock);
  SetScreenSaverActive(false);
  ASSERT_TRUE(WaitFor(2));
  EXPECT_EQ(events_.back(), SessionEvent::kUnlock);
}

// A desktop that keeps no LockedHint but runs a screensaver that is already
// active when the watch starts (there is no system bus at all here).
TEST_F(LogindTest, ActiveScreenSaverAtStartIsALock) {
  test_support::TempDir dir;
  env_.Set("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + dir.path() + "/no-bus");
  Child saver({"/usr/bin/python3", "-m", "dbusmock", "--template", "gnome_screensaver"});
  ASSERT_TRUE(test_support::WaitForName(session_bus_.address(), "org.gnome.ScreenSaver", 10s));
  SetScreenSaverActive(true);
  Status started = Ok{};
  auto watch = StartWatch(&started);
  ASSERT_TRUE(watch);
  EXPECT_FALSE(started.ok());  // no system bus
  ASSERT_TRUE(WaitFor(1));
  EXPECT_EQ(events_.back(), SessionEvent::kLock);
  SetScreenSaverActive(false);
  ASSERT_TRUE(WaitFor(2));
  EXPECT_EQ(events_.back(), SessionEvent::kUnlock);
}

}  // namespace
}  // namespace unsit
