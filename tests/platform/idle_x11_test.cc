// The X11 idle backends against a real Xvfb, with real input from xdotool (XTEST).
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <ostream>
#include <vector>

#include "clock/clock.h"
#include "desktop_helpers.h"
#include "platform/idle_x11.h"
#include "support/run_until.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using test_support::RunUntil;
using test_support::Xvfb;
using Kind = IdleReport::Kind;

constexpr Duration kThreshold = 1s;
constexpr Duration kTolerance = 250ms;

struct Backend {
  const char* name;
  IdleMaker make;
  Duration active_latency;  // how late kActive may come after input
};

// For test names and failure messages: the backend's name, not its bytes.
void PrintTo(const Backend& backend, std::ostream* out) { *out << backend.name; }

class X11IdleTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    for (const char* tool : {"Xvfb", "xdotool"}) {
      if (!test_support::HaveProgram(tool)) GTEST_SKIP() << tool << " is not installed";
    }
    xvfb_ = Xvfb::Start();
    ASSERT_TRUE(xvfb_) << "Xvfb did not start";
    auto made = GetParam().make(context_);
    ASSERT_TRUE(made.ok()) << made.error().message;
    source_ = std::move(made.value());
  }

  void TearDown() override { source_.reset(); }

  void StartSource() {
    auto started =
        source_->Start(kThreshold, [this](const IdleReport& r) { reports_.push_back(r); });
    ASSERT_TRUE(started.ok()) << started.error().message;
  }

  // Input now; returns the boot-clock moment right after it.
  BootTime Input() {
    EXPECT_EQ(xvfb_->Xdotool({"mousemove_relative", "--", "3", "2"}), 0);
    return ReadBootClock();
  }

  bool WaitReports(size_t count, Duration timeout) {
    return RunUntil(
        io_, [&] { return reports_.size() >= count; }, timeout);
  }

  boost::asio::io_context io_;
  Config config_;
  PlatformContext context_{io_, nullptr, config_, {}};
  std::optional<Xvfb> xvfb_;
  std::unique_ptr<IdleSource> source_;
  std::vector<IdleReport> reports_;
};

TEST_P(X11IdleTest, IdleIsBackDatedToTheLastInputThenInputEndsIt) {
  StartSource();
  BootTime input = Input();
  ASSERT_TRUE(WaitReports(1, 3s));
  BootTime reported_at = ReadBootClock();
  ASSERT_EQ(reports_[0].kind, Kind::kIdle);
  EXPECT_LT(std::chrono::abs(reports_[0].since - input), kTolerance);
  EXPECT_GE(reported_at - input, kThreshold - kTolerance);
  EXPECT_LT(reported_at - input, kThreshold + GetParam().active_latency + kTolerance);

  input = Input();
  ASSERT_TRUE(WaitReports(2, 3s));
  EXPECT_EQ(reports_[1].kind, Kind::kActive);
  EXPECT_LT(ReadBootClock() - input, GetParam().active_latency + kTolerance);

  // And the next idle period is reported again, back-dated to that input. No
  // third input: the poller may see the second one so late (its latency is above
  // the threshold) that the idle after it is already due in the same reading.
  ASSERT_TRUE(WaitReports(3, 3s));
  EXPECT_EQ(reports_[2].kind, Kind::kIdle);
  EXPECT_LT(std::chrono::abs(reports_[2].since - input), kTolerance);
}

TEST_P(X11IdleTest, ContinuousInputReportsNothing) {
  StartSource();
  for (int i = 0; i < 8; ++i) {
    Input();
    RunUntil(
        io_, [] { return false; }, 300ms);
  }
  EXPECT_TRUE(reports_.empty());
  ASSERT_TRUE(source_->IdleTime());
  EXPECT_LT(*source_->IdleTime(), 500ms);
}

TEST_P(X11IdleTest, WatchNextInputReportsInputWithoutIdleFirst) {
  StartSource();
  Input();
  RunUntil(
      io_, [] { return false; }, 200ms);
  source_->WatchNextInput();
  source_->WatchNextInput();  // idempotent
  RunUntil(
      io_, [] { return false; }, 200ms);
  EXPECT_TRUE(reports_.empty());
  BootTime input = Input();
  ASSERT_TRUE(WaitReports(1, 3s));
  EXPECT_EQ(reports_[0].kind, Kind::kActive);
  EXPECT_LT(ReadBootClock() - input, GetParam().active_latency + kTolerance);
}

TEST_P(X11IdleTest, AlreadyIdleAtStartIsReported) {
  BootTime input = Input();
  RunUntil(
      io_, [] { return false; }, kThreshold + 300ms);
  StartSource();
  ASSERT_TRUE(WaitReports(1, 2s));
  EXPECT_EQ(reports_[0].kind, Kind::kIdle);
  EXPECT_LT(std::chrono::abs(reports_[0].since - input), kTolerance);
}

TEST_P(X11IdleTest, ServerDeathIsReportedOnceWithoutSpinning) {
  StartSource();
  Input();
  xvfb_->Kill();
  ASSERT_TRUE(WaitReports(1, 15s));
  EXPECT_EQ(reports_[0].kind, Kind::kLost);
  EXPECT_NE(reports_[0].reason.find("closed the connection"), std::string::npos)
      << reports_[0].reason;
  auto cpu_before = test_support::ProcessCpuTime();
  RunUntil(
      io_, [] { return false; }, 1500ms);
  EXPECT_LT(test_support::ProcessCpuTime() - cpu_before, 200ms) << "busy after the server died";
  EXPECT_EQ(reports_.size(), 1u);
  EXPECT_FALSE(source_->IdleTime());
  source_->WatchNextInput();  // harmless
  RunUntil(
      io_, [] { return false; }, 100ms);
  EXPECT_EQ(reports_.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, X11IdleTest,
                         ::testing::Values(Backend{"sync", &MakeX11SyncIdleSource, 100ms},
                                           Backend{"poll", &MakeX11PollIdleSource, 1100ms}),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(X11IdleMakerTest, SaysWhyWithoutDisplay) {
  boost::asio::io_context io;
  Config config;
  PlatformContext context{io, nullptr, config, {}};
  const char* saved = std::getenv("DISPLAY");
  std::string old = saved != nullptr ? saved : "";
  unsetenv("DISPLAY");
  auto made = MakeX11SyncIdleSource(context);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("DISPLAY is not set"), std::string::npos);
  setenv("DISPLAY", ":-1", 1);  // not a display anyone can hold
  auto refused = MakeX11IdleSource(context);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("cannot open X display :-1"), std::string::npos)
      << refused.error().message;
  if (saved != nullptr)
    setenv("DISPLAY", old.c_str(), 1);
  else
    unsetenv("DISPLAY");
}

}  // namespace
}  // namespace unsit
