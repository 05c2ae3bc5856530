#include "shell/history_recorder.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <gtest/gtest.h>

#include <deque>
#include <sstream>
#include <string>

namespace unsit {
namespace {

// A store of ours whose writes fail as scripted: each Record takes the next
// scripted result (Ok once the script runs out).
class ScriptedStore final : public HistoryStore {
 public:
  std::deque<Status> writes;
  Status pending = Ok{};
  size_t unwritten = 0;
  int records = 0;
  int pending_tries = 0;

  Status Record(const Now&, const Decision&) override {
    ++records;
    if (writes.empty()) return Ok{};
    Status next = writes.front();
    writes.pop_front();
    return next;
  }
  Status WritePending() override {
    ++pending_tries;
    return pending;
  }
  size_t Unwritten() const override { return unwritten; }
  Result<StoredState> Load(const Now&) override { return StoredState{}; }
  Result<std::vector<DayView>> Days(const Now&, int) override { return std::vector<DayView>{}; }
  std::string Path() const override { return "history.db"; }
  Result<RotationState> LoadRotation() override { return RotationState{}; }
  Status SaveRotation(const RotationState&) override { return Ok{}; }
  Status SetDayStarts(std::chrono::minutes) override { return Ok{}; }
};

Error Full() { return Error{errc::kHistoryIo, "database or disk is full"}; }

class HistoryRecorderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    previous_ = spdlog::default_logger();
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(log_);
    auto logger = std::make_shared<spdlog::logger>("test", sink);
    logger->set_pattern("%l: %v");
    spdlog::set_default_logger(logger);
  }
  void TearDown() override { spdlog::set_default_logger(previous_); }

  // Each Open takes the next scripted result; a store handed out is kept in
  // `store_` for the test to script.
  Result<std::unique_ptr<HistoryStore>> Open() {
    ++opens_;
    if (!opens_ok_) return open_error_;
    auto store = std::make_unique<ScriptedStore>();
    store_ = store.get();
    return std::unique_ptr<HistoryStore>(std::move(store));
  }

  int Count(const std::string& text) const {
    const std::string log = log_.str();
    int count = 0;
    for (size_t at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) {
      ++count;
    }
    return count;
  }

  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream log_;
  bool opens_ok_ = true;
  Error open_error_{"history_io", "database is locked"};
  int opens_ = 0;
  int opened_ = 0;
  ScriptedStore* store_ = nullptr;
  HistoryRecorder history_{[this](std::optional<Error>*) { return Open(); },
                           [this](HistoryStore&) { ++opened_; }};
  Now now_{};
  Decision decision_ = out::StateChanged{State::kSitting};
};

TEST_F(HistoryRecorderTest, AFailureIsLoggedOnceAndClearedByASuccess) {
  history_.Open();
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(opened_, 1);
  store_->writes = {Full(), Full(), Full(), Ok{}};
  for (int i = 0; i < 3; ++i) history_.Record(now_, decision_);
  EXPECT_EQ(history_.write_problem(), "database or disk is full");
  EXPECT_EQ(Count("error: history: database or disk is full"), 1) << log_.str();

  history_.Record(now_, decision_);
  EXPECT_TRUE(history_.write_problem().empty());
  EXPECT_EQ(Count("history: recording again"), 1) << log_.str();
}

TEST_F(HistoryRecorderTest, ALockedFileIsOpenedAgainAtTheNextDecision) {
  opens_ok_ = false;
  history_.Open();
  EXPECT_EQ(history_.store(), nullptr);
  EXPECT_EQ(history_.open_problem(), "database is locked");
  history_.Record(now_, decision_);  // still locked: said once
  EXPECT_EQ(opens_, 2);
  EXPECT_EQ(Count("database is locked"), 1) << log_.str();

  opens_ok_ = true;
  history_.Record(now_, decision_);
  EXPECT_EQ(opens_, 3);
  ASSERT_NE(history_.store(), nullptr);
  EXPECT_EQ(store_->records, 1);  // the decision that opened it is recorded
  EXPECT_TRUE(history_.open_problem().empty());
  EXPECT_EQ(opened_, 1);
  EXPECT_EQ(Count("history: opened after all"), 1) << log_.str();
}

TEST_F(HistoryRecorderTest, AFileThatCannotBeOpenedForGoodIsNotRetried) {
  opens_ok_ = false;
  open_error_ = Error{"history_newer", "history.db was written by a newer unsit"};
  history_.Open();
  history_.Record(now_, decision_);
  history_.Record(now_, decision_);
  EXPECT_EQ(opens_, 1);
  EXPECT_EQ(history_.open_problem(), "history.db was written by a newer unsit");
}

TEST_F(HistoryRecorderTest, CloseGivesWhatWaitsOneLastTryAndCountsTheLoss) {
  history_.Open();
  store_->unwritten = 3;
  store_->pending = Full();
  history_.Close();
  EXPECT_EQ(history_.store(), nullptr);
  EXPECT_EQ(Count("history: 3 record(s) could not be written before exit and are lost"), 1)
      << log_.str();
  history_.Close();  // idempotent
  EXPECT_EQ(Count("are lost"), 1);
}

TEST_F(HistoryRecorderTest, CloseWritesWhatWaitsWhenItCan) {
  history_.Open();
  store_->unwritten = 2;
  history_.Close();
  EXPECT_EQ(Count("history: the records that waited are written"), 1) << log_.str();
}

}  // namespace
}  // namespace unsit
