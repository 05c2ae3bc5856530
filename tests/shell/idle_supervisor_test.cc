#include "shell/idle_supervisor.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <map>
#include <string>
#include <vector>

namespace unsit {
namespace {

using std::chrono::seconds;

constexpr BootTime kNow{std::chrono::hours(5)};

// What a backend does, as the supervisor sees it.
struct Script {
  Status start = Ok{};
  std::optional<Duration> idle_for;
  IdleSource::Callback* callback = nullptr;  // set at Start, to report through
  int watches = 0;
  int alive = 0;
};

// An idle source of ours that follows its Script.
class ScriptedSource final : public IdleSource {
 public:
  ScriptedSource(std::string name, Script& script) : name_(std::move(name)), script_(script) {
    ++script_.alive;
  }
  ~ScriptedSource() override {
    --script_.alive;
    script_.callback = nullptr;
  }
  std::string_view Name() const override { return name_; }
  Status Start(Duration, Callback callback) override {
    callback_ = std::move(callback);
    script_.callback = &callback_;
    return script_.start;
  }
  void WatchNextInput() override { ++script_.watches; }
  std::optional<Duration> IdleTime() override { return script_.idle_for; }

 private:
  std::string name_;
  Script& script_;
  Callback callback_;
};

class IdleSupervisorTest : public ::testing::Test {
 protected:
  // A chooser like ChooseIdleSource: "auto" probes "x11" then nothing; a name
  // with no script is unknown.
  IdleChoice Choose(const std::string& wanted) {
    chosen_.push_back(wanted);
    IdleChoice choice;
    const std::string name = wanted == "auto" ? "x11" : wanted;
    auto found = scripts_.find(name);
    if (found == scripts_.end() || !works_[name]) {
      choice.candidates.push_back({name, false, "not here"});
      return choice;
    }
    choice.candidates.push_back({name, true, "works here"});
    choice.source = std::make_unique<ScriptedSource>(name, found->second);
    return choice;
  }

  void Report(const std::string& name, IdleReport report) {
    ASSERT_NE(scripts_[name].callback, nullptr) << name << " was not started";
    (*scripts_[name].callback)(report);
  }

  boost::asio::io_context io_;
  Config config_;
  std::map<std::string, Script> scripts_{{"x11", {}}, {"none", {}}};
  std::map<std::string, bool> works_{{"x11", true}, {"none", true}};
  std::vector<std::string> chosen_;
  std::vector<Input> fed_;
  IdleSupervisor idle_{io_, config_, [this](const std::string& wanted) { return Choose(wanted); },
                       [] { return kNow; }, [this](const Input& input) { fed_.push_back(input); }};
};

TEST_F(IdleSupervisorTest, TakesTheSourceAskedFor) {
  idle_.Choose("auto");
  ASSERT_NE(idle_.source(), nullptr);
  EXPECT_EQ(idle_.source()->Name(), "x11");
  ASSERT_EQ(idle_.candidates().size(), 1u);
  EXPECT_TRUE(idle_.candidates()[0].chosen);
}

TEST_F(IdleSupervisorTest, NothingUsableRunsTheFixedSchedule) {
  works_["x11"] = false;
  idle_.Choose("x11");
  ASSERT_NE(idle_.source(), nullptr);
  EXPECT_EQ(idle_.source()->Name(), "none");
  ASSERT_EQ(idle_.candidates().size(), 1u);  // why x11 was not taken, for doctor
  EXPECT_EQ(idle_.candidates()[0].name, "x11");
  EXPECT_EQ(idle_.candidates()[0].reason, "not here");
}

TEST_F(IdleSupervisorTest, ASourceThatFailsToStartIsReplacedByNone) {
  scripts_["x11"].start = Error{"io", "no SYNC IDLETIME counter"};
  idle_.Choose("x11");
  idle_.Begin(seconds(60));
  EXPECT_EQ(idle_.source()->Name(), "none");
  ASSERT_EQ(idle_.candidates().size(), 2u);
  EXPECT_EQ(idle_.candidates()[1].name, "x11");
  EXPECT_FALSE(idle_.candidates()[1].chosen);
  EXPECT_EQ(idle_.candidates()[1].reason, "no SYNC IDLETIME counter");
  EXPECT_EQ(scripts_["x11"].alive, 0);
  EXPECT_NE(scripts_["none"].callback, nullptr);  // started
}

TEST_F(IdleSupervisorTest, BeginTellsTheModelWhatTheSourceKnows) {
  scripts_["x11"].idle_for = seconds(10);
  idle_.Choose("x11");
  idle_.Begin(seconds(60));
  ASSERT_EQ(fed_.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<in::Active>(fed_[0]));

  scripts_["x11"].idle_for = seconds(90);
  idle_.Choose("x11");
  idle_.Begin(seconds(60));
  ASSERT_EQ(fed_.size(), 2u);
  ASSERT_TRUE(std::holds_alternative<in::Idle>(fed_[1]));
  EXPECT_EQ(std::get<in::Idle>(fed_[1]).since, kNow - seconds(90));

  scripts_["x11"].idle_for.reset();
  idle_.Choose("x11");
  idle_.Begin(seconds(60));
  EXPECT_EQ(fed_.size(), 2u);
  EXPECT_EQ(scripts_["x11"].watches, 1);
}

TEST_F(IdleSupervisorTest, ReportsBecomeInputs) {
  idle_.Choose("x11");
  idle_.Begin(seconds(60));
  fed_.clear();
  Report("x11", {IdleReport::Kind::kIdle, kNow - seconds(61), {}});
  Report("x11", {IdleReport::Kind::kActive, {}, {}});
  ASSERT_EQ(fed_.size(), 2u);
  EXPECT_EQ(std::get<in::Idle>(fed_[0]).since, kNow - seconds(61));
  EXPECT_TRUE(std::holds_alternative<in::Active>(fed_[1]));
}

// A lost source is replaced after its callback returned, never by itself, and
// the loss stays for doctor until the next Choose (a reload).
TEST_F(IdleSupervisorTest, ALostSourceIsReplacedButNotByItself) {
  idle_.Choose("auto");
  idle_.Begin(seconds(60));
  Report("x11", {IdleReport::Kind::kLost, {}, "the X server closed the connection"});
  EXPECT_EQ(idle_.source()->Name(), "x11");  // not destroyed inside its callback
  EXPECT_EQ(idle_.lost_reason(), "x11: the X server closed the connection");

  io_.run();
  EXPECT_EQ(chosen_, (std::vector<std::string>{"auto", "auto", "none"}));
  EXPECT_EQ(idle_.source()->Name(), "none");
  EXPECT_EQ(scripts_["x11"].alive, 0);
  EXPECT_NE(scripts_["none"].callback, nullptr);  // started
  EXPECT_EQ(idle_.lost_reason(), "x11: the X server closed the connection");

  idle_.Choose("auto");
  EXPECT_EQ(idle_.source()->Name(), "x11");
  EXPECT_TRUE(idle_.lost_reason().empty());
}

TEST_F(IdleSupervisorTest, NoReplacementAfterStop) {
  idle_.Choose("x11");
  idle_.Begin(seconds(60));
  Report("x11", {IdleReport::Kind::kLost, {}, "gone"});
  idle_.Stop();
  io_.run();
  EXPECT_EQ(idle_.source(), nullptr);
  EXPECT_EQ(chosen_.size(), 1u);
}

}  // namespace
}  // namespace unsit
