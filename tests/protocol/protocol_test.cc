#include "protocol/protocol.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "protocol/paths.h"
#include "protocol/wire_time.h"

namespace unsit::protocol {
namespace {

TEST(ParseRequest, ReadsTheEnvelope) {
  ParsedRequest parsed = ParseRequest(R"({"v":1,"id":7,"cmd":"snooze","args":{"for":"15m"}})");
  ASSERT_FALSE(parsed.error);
  EXPECT_EQ(parsed.request.id, 7);
  EXPECT_EQ(parsed.request.cmd, "snooze");
  EXPECT_EQ(parsed.request.args["for"], "15m");
}

TEST(ParseRequest, IdAndArgsAreOptional) {
  ParsedRequest parsed = ParseRequest(R"({"v":1,"cmd":"status"})");
  ASSERT_FALSE(parsed.error);
  EXPECT_FALSE(parsed.request.id);
  EXPECT_TRUE(parsed.request.args.is_object());
}

struct BadCase {
  const char* name;  // the test's name in ctest and gtest output
  const char* line;
  const char* code;
};
// What gtest prints for a case (ctest's test list shows it too).
void PrintTo(const BadCase& bad, std::ostream* out) { *out << bad.name; }

class ParseRequestRejects : public ::testing::TestWithParam<BadCase> {};

TEST_P(ParseRequestRejects, WithTheRightCode) {
  ParsedRequest parsed = ParseRequest(GetParam().line);
  ASSERT_TRUE(parsed.error) << GetParam().line;
  EXPECT_EQ(parsed.error->code, GetParam().code) << GetParam().line;
  EXPECT_FALSE(parsed.error->message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Lines, ParseRequestRejects,
    ::testing::Values(
        BadCase{"Empty", "", code::kBadJson}, BadCase{"Garbage", "garbage", code::kBadJson},
        BadCase{"Unterminated", R"({"v":1,"cmd":"status")", code::kBadJson},
        BadCase{"Array", "[1,2]", code::kBadJson}, BadCase{"String", "\"text\"", code::kBadJson},
        BadCase{"InvalidUtf8", "{\"v\":1,\"cmd\":\"a\xff\"", code::kBadJson},
        BadCase{"NoVersion", R"({"cmd":"status"})", code::kBadRequest},
        BadCase{"VersionAsString", R"({"v":"1","cmd":"status"})", code::kBadRequest},
        BadCase{"VersionTwo", R"({"v":2,"cmd":"status"})", code::kProtocolMismatch},
        BadCase{"VersionZero", R"({"v":0,"cmd":"status"})", code::kProtocolMismatch},
        BadCase{"NoCmd", R"({"v":1})", code::kBadRequest},
        BadCase{"EmptyCmd", R"({"v":1,"cmd":""})", code::kBadRequest},
        BadCase{"NumericCmd", R"({"v":1,"cmd":42})", code::kBadRequest},
        BadCase{"IdAsString", R"({"v":1,"id":"7","cmd":"status"})", code::kBadRequest},
        BadCase{"FractionalId", R"({"v":1,"id":1.5,"cmd":"status"})", code::kBadRequest},
        BadCase{"IdTooLarge", R"({"v":1,"id":18446744073709551615,"cmd":"status"})",
                code::kBadRequest},
        BadCase{"ArgsNotObject", R"({"v":1,"cmd":"status","args":[1]})", code::kBadRequest}),
    [](const ::testing::TestParamInfo<BadCase>& test) { return std::string(test.param.name); });

TEST(ParseRequest, KeepsTheIdOfAFailedRequest) {
  ParsedRequest parsed = ParseRequest(R"({"v":9,"id":12,"cmd":"status"})");
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.request.id, 12);
}

TEST(ParseRequest, DeepNestingIsRefusedWithoutCrashing) {
  std::string deep = R"({"v":1,"cmd":"status","args":{"x":)" + std::string(20000, '[') +
                     std::string(20000, ']') + "}}";
  ParsedRequest parsed = ParseRequest(deep);
  EXPECT_TRUE(parsed.error);
}

TEST(EncodeReply, OkAndError) {
  EXPECT_EQ(EncodeReply(OkReply(7, Json{{"a", 1}})), R"({"id":7,"ok":true,"result":{"a":1},"v":1})"
                                                     "\n");
  std::string error = EncodeReply(ErrorReply(std::nullopt, code::kBadArgs, "no"));
  EXPECT_EQ(error, R"({"error":{"code":"bad_args","message":"no"},"id":null,"ok":false,"v":1})"
                   "\n");
  std::string mismatch = EncodeReply(ErrorReply(3, code::kProtocolMismatch, "v2"));
  EXPECT_NE(mismatch.find(R"("daemon_v":1)"), std::string::npos);
}

TEST(EncodeReply, InvalidUtf8IsReplacedNotThrown) {
  std::string line = EncodeReply(ErrorReply(1, code::kUnknownCommand, "bad \xff byte"));
  EXPECT_NE(line.find("bad "), std::string::npos);
}

TEST(ServerMessage, RoundTripsRepliesAndEvents) {
  auto reply = ParseServerMessage(EncodeReply(ErrorReply(4, code::kProtocolMismatch, "x")));
  ASSERT_TRUE(reply.ok());
  const Reply& r = std::get<Reply>(*reply);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.id, 4);
  EXPECT_EQ(r.error.code, code::kProtocolMismatch);
  EXPECT_EQ(r.daemon_v, 1);

  auto event = ParseServerMessage(EncodeEvent(Event{"state", Json{{"state", "away"}}}));
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(std::get<Event>(*event).name, "state");
  EXPECT_EQ(std::get<Event>(*event).data["state"], "away");
}

TEST(ServerMessage, ReportsAnotherVersion) {
  auto message = ParseServerMessage(R"({"v":2,"id":1,"ok":true,"result":{}})");
  ASSERT_TRUE(message.ok());
  EXPECT_EQ(std::get<Reply>(*message).v, 2);
  EXPECT_FALSE(ParseServerMessage("nope").ok());
  EXPECT_FALSE(ParseServerMessage(R"({"id":1,"ok":true})").ok());
}

TEST(EncodeRequest, RoundTrips) {
  Request request{5, "pause", Json{{"for", "45m"}}};
  std::string line = EncodeRequest(request);
  ASSERT_EQ(line.back(), '\n');
  ParsedRequest parsed = ParseRequest(std::string_view(line).substr(0, line.size() - 1));
  ASSERT_FALSE(parsed.error);
  EXPECT_EQ(parsed.request.id, 5);
  EXPECT_EQ(parsed.request.args, request.args);
}

TEST(WireTime, FormatsAndParsesUtc) {
  WallTime t{std::chrono::seconds(1'795'000'000) + std::chrono::milliseconds(999)};
  EXPECT_EQ(FormatIsoUtc(t), "2026-11-18T11:06:40Z");
  EXPECT_EQ(ParseIsoUtc("2026-11-18T11:06:40Z"), WallTime(std::chrono::seconds(1'795'000'000)));
  EXPECT_FALSE(ParseIsoUtc("2026-11-18 08:26:40"));
  EXPECT_FALSE(ParseIsoUtc("2026-11-18T08:26:40+01:00"));
}

// A reply nested deeper than any real one is refused before a tree is built:
// code that walks the tree (printing, destroying) recurses and would overflow.
TEST(ProtocolTest, DeepNestingIsRefused) {
  const std::size_t kDeep = 400000;
  const std::string deep = R"({"v":1,"id":1,"ok":true,"result":{"a":)" + std::string(kDeep, '[') +
                           "1" + std::string(kDeep, ']') + "}}";
  EXPECT_FALSE(ParseServerMessage(deep).ok());
  EXPECT_TRUE(ParseRequest(R"({"v":1,"cmd":"status","args":)" + std::string(1000, '[') +
                           std::string(1000, ']') + "}")
                  .error);
  std::string nested_ok = R"({"v":1,"id":1,"ok":true,"result":{"a":)" + std::string(30, '[') +
                          "\"[[[[\"" + std::string(30, ']') + "}}";
  EXPECT_TRUE(ParseServerMessage(nested_ok).ok()) << "brackets inside strings do not count";
}

}  // namespace
}  // namespace unsit::protocol
