#include "control/dispatch.h"
#include "unsit/version.h"

#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fake_daemon_api.h"

namespace unsit {
namespace {

using protocol::Json;
using protocol::Reply;
using protocol::Request;
namespace code = protocol::code;

class DispatchTest : public ::testing::Test {
 protected:
  Reply Call(const std::string& cmd, Json args = Json::object()) {
    return Dispatch(Request{42, cmd, std::move(args)}, api_);
  }
  void ExpectError(const Reply& reply, const char* error_code) {
    EXPECT_FALSE(reply.ok);
    EXPECT_EQ(reply.error.code, error_code);
    EXPECT_FALSE(reply.error.message.empty());
    EXPECT_EQ(reply.id, 42);
  }

  test_support::FakeDaemonApi api_;
};

TEST_F(DispatchTest, StatusHasTheDocumentedFields) {
  Reply reply = Call("status");
  ASSERT_TRUE(reply.ok) << reply.error.message;
  EXPECT_EQ(reply.id, 42);
  const Json& r = reply.result;
  EXPECT_EQ(r["state"], "sitting");
  EXPECT_EQ(r["bout_seconds"], 754);
  EXPECT_EQ(r["next_reminder_seconds"], 2846);  // rounded up: not due yet
  EXPECT_EQ(r["reminder_open"], false);
  EXPECT_TRUE(r["paused_until"].is_null());
  EXPECT_TRUE(r["quiet_until"].is_null());
  EXPECT_EQ(r["idle_backend"], "none");
  EXPECT_EQ(r["notifier"], "log");
  EXPECT_EQ(r["fixed_schedule"], true);
  EXPECT_EQ(r["sit_limit_seconds"], 3600);
  for (const char* key : {"sitting_seconds", "longest_bout_seconds", "breaks", "reminders", "done",
                          "snoozed", "skipped"}) {
    EXPECT_TRUE(r["today"].contains(key)) << key;
  }
  EXPECT_EQ(r["today"]["sitting_seconds"], 7200);
  EXPECT_EQ(r["today"]["breaks"], 3);
}

TEST_F(DispatchTest, StatusNullsAndPause) {
  api_.view.snapshot.next_reminder.reset();
  api_.view.snapshot.paused = true;
  api_.view.snapshot.paused_until = WallTime(std::chrono::seconds(1'795'000'000));
  Reply reply = Call("status");
  EXPECT_TRUE(reply.result["next_reminder_seconds"].is_null());
  EXPECT_EQ(reply.result["paused_until"], "2026-11-18T11:06:40Z");
  EXPECT_EQ(reply.result["paused"], true);
}

TEST_F(DispatchTest, StatusInQuietHours) {
  api_.view.snapshot.quiet_until = WallTime(std::chrono::seconds(1'795'000'000));
  Reply reply = Call("status");
  EXPECT_EQ(reply.result["quiet_until"], "2026-11-18T11:06:40Z");
  EXPECT_EQ(reply.result["paused"], false);
}

TEST_F(DispatchTest, StatusSaysWhereInTheSchedule) {
  EXPECT_TRUE(Call("status").result["schedule"].is_null());  // none set
  api_.view.snapshot.schedule = ScheduleState{true, ScheduleIn::kQuietHours, ParseSpan("sat,sun"),
                                              WallTime(std::chrono::seconds(1'795'000'000))};
  Json schedule = Call("status").result["schedule"];
  EXPECT_EQ(schedule, (Json{{"quiet", true},
                            {"in", "quiet_hours"},
                            {"span", "sat,sun"},
                            {"until", "2026-11-18T11:06:40Z"}}));
  api_.view.snapshot.schedule = ScheduleState{false, ScheduleIn::kOutsideWorkingHours, {}, {}};
  schedule = Call("status").result["schedule"];
  EXPECT_EQ(schedule["in"], "outside_working_hours");
  EXPECT_TRUE(schedule["span"].is_null());
  EXPECT_TRUE(schedule["until"].is_null());
}

TEST_F(DispatchTest, TodayHasDateAndHours) {
  Reply reply = Call("today");
  ASSERT_TRUE(reply.ok);
  EXPECT_EQ(reply.result["date"], "2026-11-21");
  ASSERT_EQ(reply.result["hours"].size(), 24u);
  EXPECT_EQ(reply.result["hours"][9], 2520);
  EXPECT_EQ(reply.result["sitting_seconds"], 2520);
}

TEST_F(DispatchTest, HistoryDays) {
  Reply reply = Call("history", Json{{"days", 3}});
  ASSERT_TRUE(reply.ok);
  EXPECT_EQ(api_.history_days, 3);
  EXPECT_EQ(reply.result["days"].size(), 3u);
  EXPECT_EQ(Call("history").result["days"].size(), 7u);  // default
  ExpectError(Call("history", Json{{"days", 0}}), code::kBadArgs);
  ExpectError(Call("history", Json{{"days", "7"}}), code::kBadArgs);
  ExpectError(Call("history", Json{{"days", 1.5}}), code::kBadArgs);
  api_.history_fails = true;
  ExpectError(Call("history"), code::kRefused);
}

TEST_F(DispatchTest, HistoryUpToTheLimit) {
  Reply reply = Call("history", Json{{"days", 365}});
  ASSERT_TRUE(reply.ok) << reply.error.message;
  EXPECT_EQ(reply.result["days"].size(), 365u);
  reply = Call("history", Json{{"days", kMaxHistoryDays}});
  ASSERT_TRUE(reply.ok) << reply.error.message;
  EXPECT_EQ(reply.result["days"].size(), static_cast<std::size_t>(kMaxHistoryDays));
  EXPECT_GE(kMaxHistoryDays, 1000);
  ExpectError(Call("history", Json{{"days", kMaxHistoryDays + 1}}), code::kBadArgs);
}

// The most days, each as long as a day's JSON can get, still fit one reply.
TEST_F(DispatchTest, LongestHistoryFitsTheReplyLimit) {
  DayTotals& t = api_.day.totals;
  t.sitting = t.longest_bout = std::chrono::hours(25);  // the day a clock goes back
  for (int* count : {&t.bouts, &t.long_bouts, &t.breaks, &t.breaks_after_reminder, &t.reminders,
                     &t.done, &t.snoozed, &t.skipped, &t.dismissed}) {
    *count = std::numeric_limits<int>::max();
  }
  t.hours.fill(std::chrono::hours(1));
  Reply reply = Call("history", Json{{"days", kMaxHistoryDays}});
  ASSERT_TRUE(reply.ok) << reply.error.message;
  std::size_t line = protocol::EncodeReply(reply).size() - 1;
  EXPECT_LE(line, protocol::kMaxReplyBytes);
  EXPECT_GT(line, protocol::kMaxLineBytes);  // why replies have a limit of their own
}

TEST_F(DispatchTest, SnoozeWithAndWithoutLength) {
  ASSERT_TRUE(Call("snooze", Json{{"for", "15m"}}).ok);
  ASSERT_TRUE(Call("snooze").ok);
  ASSERT_TRUE(Call("snooze", Json{{"for", 90}}).ok);
  ASSERT_EQ(api_.commands.size(), 3u);
  EXPECT_EQ(std::get<in::Snooze>(api_.commands[0]).length, std::chrono::minutes(15));
  EXPECT_FALSE(std::get<in::Snooze>(api_.commands[1]).length);
  EXPECT_EQ(std::get<in::Snooze>(api_.commands[2]).length, std::chrono::seconds(90));
}

TEST_F(DispatchTest, BadDurations) {
  for (const Json& bad : {Json("soon"), Json("0s"), Json("-5m"), Json(true), Json(-3), Json("25h"),
                          Json(Json::array())}) {
    ExpectError(Call("snooze", Json{{"for", bad}}), code::kBadArgs);
  }
  ExpectError(Call("pause", Json{{"for", "31d"}}), code::kBadArgs);
  EXPECT_TRUE(api_.commands.empty());
}

TEST_F(DispatchTest, PauseForOrUntilResume) {
  ASSERT_TRUE(Call("pause", Json{{"for", "45m"}}).ok);
  ASSERT_TRUE(Call("pause", Json{{"for", nullptr}}).ok);
  ASSERT_TRUE(Call("resume").ok);
  ASSERT_EQ(api_.commands.size(), 3u);
  EXPECT_EQ(std::get<in::Pause>(api_.commands[0]).length, std::chrono::minutes(45));
  EXPECT_FALSE(std::get<in::Pause>(api_.commands[1]).length);
  EXPECT_TRUE(std::holds_alternative<in::Resume>(api_.commands[2]));
}

TEST_F(DispatchTest, DoneSkipStanding) {
  ASSERT_TRUE(Call("done").ok);
  ASSERT_TRUE(Call("skip").ok);
  ASSERT_TRUE(Call("standing", Json{{"on", true}}).ok);
  ASSERT_TRUE(Call("standing", Json{{"on", false}}).ok);
  ASSERT_EQ(api_.commands.size(), 4u);
  EXPECT_TRUE(std::holds_alternative<in::Done>(api_.commands[0]));
  EXPECT_TRUE(std::holds_alternative<in::Skip>(api_.commands[1]));
  EXPECT_TRUE(std::get<in::Standing>(api_.commands[2]).on);
  EXPECT_FALSE(std::get<in::Standing>(api_.commands[3]).on);
  ExpectError(Call("standing"), code::kBadArgs);
  ExpectError(Call("standing", Json{{"on", "yes"}}), code::kBadArgs);
}

TEST_F(DispatchTest, StretchDoctorVersionSubscribe) {
  Reply stretch = Call("stretch");
  EXPECT_EQ(stretch.result["id"], "standing-lunge");
  EXPECT_EQ(stretch.result["steps"].size(), 2u);
  EXPECT_EQ(stretch.result["where"], "standing");
  Reply doctor = Call("doctor");
  EXPECT_EQ(doctor.result["idle_backend"], "none");
  EXPECT_EQ(doctor.result["compositor"], "kwin_wayland (pid 7)");
  EXPECT_EQ(doctor.result["compositor_version"], "5.27.5");
  EXPECT_EQ(doctor.result["idle_protocol"], "ext_idle_notifier_v1 version 1");
  EXPECT_EQ(doctor.result["problems"].size(), 1u);
  EXPECT_TRUE(doctor.result["idle_seconds"].is_null());
  EXPECT_EQ(doctor.result["daemon_version"], kVersion);
  EXPECT_EQ(doctor.result["protocol"], protocol::kProtocolVersion);
  Reply version = Call("version");
  EXPECT_EQ(version.result["protocol"], protocol::kProtocolVersion);
  EXPECT_TRUE(version.result["daemon"].is_string());
  EXPECT_EQ(Call("subscribe").result["subscribed"], true);
}

TEST_F(DispatchTest, ReloadOkAndRefused) {
  EXPECT_EQ(Call("reload").result["reloaded"], true);
  api_.reload_error = "unsit.yaml:3:12: sit_limit: expected a duration such as 45m";
  Reply reply = Call("reload");
  ExpectError(reply, code::kRefused);
  EXPECT_EQ(reply.error.message, api_.reload_error);
  EXPECT_EQ(api_.reloads, 2);
}

TEST_F(DispatchTest, UnknownCommand) {
  ExpectError(Call("dance"), code::kUnknownCommand);
  ExpectError(Call("Status"), code::kUnknownCommand);
}

TEST_F(DispatchTest, UnknownArgsAreIgnored) {
  EXPECT_TRUE(Call("status", Json{{"verbose", true}}).ok);
}

// unsit-ipc(7) documents exactly the verbs Dispatch knows, in its order.
TEST(DispatchVerbsTest, TheManPageListsEveryVerb) {
  std::ifstream page(std::string(UNSIT_SOURCE_DIR) + "/packaging/man/unsit-ipc.7.scd");
  ASSERT_TRUE(page) << "cannot read unsit-ipc.7.scd";
  std::vector<std::string> documented;
  bool in_verbs = false;
  for (std::string line; std::getline(page, line);) {
    if (line.starts_with("# ")) in_verbs = line == "# VERBS";
    // A verb is a line of its own: *name*
    if (in_verbs && line.size() > 2 && line.front() == '*' && line.back() == '*' &&
        line.find_first_not_of("abcdefghijklmnopqrstuvwxyz", 1) == line.size() - 1) {
      documented.push_back(line.substr(1, line.size() - 2));
    }
  }
  EXPECT_EQ(documented, std::vector<std::string>(Verbs().begin(), Verbs().end()));
}

TEST_F(DispatchTest, EveryVerbAnswers) {
  for (std::string_view verb : Verbs()) {
    Json args = verb == "standing" ? Json{{"on", true}} : Json::object();
    Reply reply = Call(std::string(verb), args);
    EXPECT_TRUE(reply.ok) << verb << ": " << reply.error.message;
  }
}

}  // namespace
}  // namespace unsit
